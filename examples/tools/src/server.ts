/**
 * The tools example server: a calculator, a text processor and a JSON ↔ CSV transformer, each
 * with input and output schemas and structured results. Bad input is a tool error (`isError`)
 * the model can read; the server keeps serving.
 *
 * @module
 */
import { McpServer } from '@mcpkit/server';
import { registerCalculatorTools } from './calculator-tools.js';
import { registerDataTools } from './data-tools.js';
import { checkLimits, TOOLS_DEFAULTS, type ToolsServerOptions } from './limits.js';
import { registerTextTools } from './text-tools.js';

export { TOOLS_DEFAULTS, type ToolsServerOptions } from './limits.js';

/**
 * Builds the tools server. Pure: nothing runs until you `connect` it to a transport.
 *
 * @throws RangeError when a limit is not a positive integer
 *
 * @example
 * ```ts
 * const server = createToolsServer({ maxInputBytes: 1024 * 1024 });
 * await server.connect(new StdioServerTransport());
 * ```
 */
export function createToolsServer(options: ToolsServerOptions = {}): McpServer {
  const limits: Required<ToolsServerOptions> = { ...TOOLS_DEFAULTS };
  // Only defined values override, so `{ maxRows: undefined }` keeps the default.
  for (const [key, value] of Object.entries(options) as Array<[keyof ToolsServerOptions, number | undefined]>) {
    if (value !== undefined) limits[key] = value;
  }
  checkLimits(limits);
  const server = new McpServer(
    { name: 'mcpkit-example-tools', version: '1.0.0' },
    { instructions: 'Calculator (add, subtract, multiply, divide, power, evaluate), text processor (text_stats, change_case) and data transformer (csv_to_json, json_to_csv).' },
  );
  registerCalculatorTools(server, limits);
  registerTextTools(server, limits);
  registerDataTools(server, limits);
  return server;
}
