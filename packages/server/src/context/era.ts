/**
 * Decides the era of each inbound request: a request whose `_meta` carries a protocol version is
 * modern; anything else belongs to the legacy connection that `initialize` opened.
 *
 * @module
 */
import {
  ErrorCode,
  LATEST_LEGACY_PROTOCOL_VERSION,
  McpError,
  MetaKey,
  SUPPORTED_PROTOCOL_VERSIONS,
  isLegacyProtocolVersion,
  isModernProtocolVersion,
  readRequestMeta,
  unsupportedProtocolVersionError,
  type CapabilitiesObject,
  type Era,
  type ImplementationInfo,
  type LoggingLevel,
  type MessageInfo,
} from '@mcpkit/core';
import type { LegacyConnection } from './connection.js';
import { isLoggingLevel } from './logging.js';

/** The era facts of one request. */
export interface RequestEra {
  /** `'modern'` or `'legacy'`. */
  readonly era: Era;
  /** The protocol version the request is served under. */
  readonly protocolVersion: string;
  /** The client's capabilities: per request (modern) or from `initialize` (legacy). */
  readonly clientCapabilities: CapabilitiesObject;
  /** The client's identity, if known. */
  readonly clientInfo: ImplementationInfo | undefined;
  /** Log threshold: `'none'` sends nothing, `undefined` sends everything. */
  readonly logThreshold: LoggingLevel | 'none' | undefined;
  /** The legacy connection, for legacy requests on an initialized session. */
  readonly connection: LegacyConnection | undefined;
}

/** Methods that exist only in the modern era. */
export const MODERN_ONLY_METHODS: ReadonlySet<string> = new Set(['server/discover', 'subscriptions/listen']);

/** Methods removed in the modern era. */
export const LEGACY_ONLY_METHODS: ReadonlySet<string> = new Set([
  'initialize',
  'ping',
  'logging/setLevel',
  'resources/subscribe',
  'resources/unsubscribe',
  'tasks/result',
  'tasks/list',
]);

const EMPTY_CAPABILITIES: CapabilitiesObject = Object.freeze({}) as CapabilitiesObject;

/**
 * Resolves the era of a request. Throws -32602 for a malformed envelope or a request that has
 * neither an envelope nor a legacy connection, and -32022 for an unsupported version.
 */
export function resolveEra(
  method: string,
  params: Record<string, unknown> | undefined,
  connection: LegacyConnection | undefined,
  info: MessageInfo | undefined,
): RequestEra {
  const envelope = readRequestMeta(params);
  if (envelope !== undefined) {
    if (!isModernProtocolVersion(envelope.protocolVersion)) {
      throw unsupportedProtocolVersionError(envelope.protocolVersion, SUPPORTED_PROTOCOL_VERSIONS);
    }
    if (envelope.logLevel !== undefined && !isLoggingLevel(envelope.logLevel)) {
      throw new McpError(ErrorCode.InvalidParams, `_meta["${MetaKey.LogLevel}"] must be a log level`);
    }
    return {
      era: 'modern',
      protocolVersion: envelope.protocolVersion,
      clientCapabilities: envelope.clientCapabilities,
      clientInfo: envelope.clientInfo,
      logThreshold: (envelope.logLevel as LoggingLevel | undefined) ?? 'none',
      connection: undefined,
    };
  }
  if (connection !== undefined) {
    return {
      era: 'legacy',
      protocolVersion: connection.version,
      clientCapabilities: connection.clientCapabilities,
      clientInfo: connection.clientInfo,
      logThreshold: connection.logLevel,
      connection,
    };
  }
  // Stateless legacy HTTP carries its version in a header; ping and initialize need no state.
  const header = info?.headers?.['mcp-protocol-version'];
  if (isLegacyProtocolVersion(header) || method === 'initialize' || method === 'ping') {
    return {
      era: 'legacy',
      protocolVersion: isLegacyProtocolVersion(header) ? header : LATEST_LEGACY_PROTOCOL_VERSION,
      clientCapabilities: EMPTY_CAPABILITIES,
      clientInfo: undefined,
      logThreshold: undefined,
      connection: undefined,
    };
  }
  throw new McpError(
    ErrorCode.InvalidParams,
    `Missing _meta["${MetaKey.ProtocolVersion}"] and _meta["${MetaKey.ClientCapabilities}"]: ` +
      'send them on every request (2026-07-28), or initialize first (earlier versions)',
  );
}
