/**
 * `@mcpkit/transports/stdio`: the stdio transport, newline-delimited JSON-RPC over a child
 * process's stdin and stdout. {@link StdioClientTransport} spawns and manages the server process;
 * {@link StdioServerTransport} is what that process runs. Node only.
 *
 * @packageDocumentation
 */
export {
  StdioClientTransport,
  type SpawnFunction,
  type StdioClientTransportOptions,
} from './client-transport.js';
export { StdioServerTransport, type StdioServerTransportOptions } from './server-transport.js';
export {
  DEFAULT_INHERITED_ENV_VARS_POSIX,
  DEFAULT_INHERITED_ENV_VARS_WIN32,
  getDefaultEnvironment,
  mergeEnvironment,
  type Environment,
} from './environment.js';
export { resolveCommand, type ResolveCommandOptions, type SpawnPlan } from './command-resolution.js';
export { LineFramer, OVERSIZE_HEAD_BYTES, type LineSink } from './line-framer.js';
export { redirectConsole } from './console-redirect.js';
export { DEFAULT_CLOSE_GRACE_PERIOD, DEFAULT_KILL_GRACE_PERIOD, DEFAULT_MAX_MESSAGE_SIZE } from './limits.js';
