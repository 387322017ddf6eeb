/**
 * Lifecycle methods: legacy `initialize`, `ping`, `logging/setLevel`; modern `server/discover`.
 *
 * @module
 */
import {
  ErrorCode,
  LEGACY_PROTOCOL_VERSIONS,
  McpError,
  SUPPORTED_PROTOCOL_VERSIONS,
  negotiateLegacyVersion,
  type CapabilitiesObject,
  type ImplementationInfo,
  type LoggingLevel,
} from '@mcpkit/core';
import { isLoggingLevel } from '../context/logging.js';
import { cacheFields, type MethodHandler } from '../server-core.js';

/** Legacy `initialize`: negotiates the version and records the client for this connection. */
export const initialize: MethodHandler = async (core, call) => {
  const { params } = call;
  const requested = typeof params.protocolVersion === 'string' ? params.protocolVersion : '';
  const version = negotiateLegacyVersion(requested, LEGACY_PROTOCOL_VERSIONS);
  const capabilities = (params.capabilities ?? {}) as CapabilitiesObject;
  const clientInfo = params.clientInfo as ImplementationInfo | undefined;
  const previous = call.era.connection;
  core.connections.set(call.rctx.session, {
    version,
    clientCapabilities: capabilities,
    clientInfo,
    logLevel: previous?.logLevel,
    subscriptions: previous?.subscriptions ?? new Set(),
  });
  const result: Record<string, unknown> = { protocolVersion: version, capabilities: core.capabilities(), serverInfo: core.info };
  if (core.instructions !== undefined) result.instructions = core.instructions;
  return result;
};

/** `ping` (legacy). */
export const ping: MethodHandler = async () => ({});

/** `logging/setLevel` (legacy): sets the connection's log threshold. */
export const setLevel: MethodHandler = async (_core, call) => {
  const level = call.params.level;
  if (!isLoggingLevel(level)) throw new McpError(ErrorCode.InvalidParams, 'level must be a log level');
  if (call.era.connection !== undefined) call.era.connection.logLevel = level as LoggingLevel;
  return {};
};

/** `server/discover` (modern): versions, capabilities and identity. */
export const discover: MethodHandler = async (core, call) => {
  const result: Record<string, unknown> = {
    supportedVersions: [...SUPPORTED_PROTOCOL_VERSIONS],
    capabilities: core.capabilities(),
    ...cacheFields(call, { ttlMs: core.limits.discoverCache.ttlMs, cacheScope: core.limits.discoverCache.scope }),
  };
  if (core.instructions !== undefined) result.instructions = core.instructions;
  return result;
};
