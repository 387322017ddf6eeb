/**
 * `@mcpkit/core`: the message schemas and types of every MCP version, the JSON-RPC layer and
 * session, protocol eras, the transport contract and errors. Runs anywhere: no `node:*` imports.
 *
 * @packageDocumentation
 */
export {
  ErrorCode,
  McpError,
  McpkitError,
  McpkitErrorCode,
  toWireError,
  type ErrorCodeValue,
  type McpkitErrorCodeValue,
  type WireError,
} from './errors.js';
export {
  LATEST_PROTOCOL_VERSION,
  LATEST_LEGACY_PROTOCOL_VERSION,
  MODERN_PROTOCOL_VERSIONS,
  LEGACY_PROTOCOL_VERSIONS,
  SUPPORTED_PROTOCOL_VERSIONS,
  MetaKey,
  acceptLegacyVersion,
  buildRequestMeta,
  eraOf,
  hasCapability,
  isLegacyProtocolVersion,
  isModernProtocolVersion,
  isSupportedProtocolVersion,
  missingClientCapabilityError,
  negotiateLegacyVersion,
  readRequestMeta,
  unsupportedProtocolVersionError,
  type CapabilitiesObject,
  type Era,
  type ImplementationInfo,
  type LegacyProtocolVersion,
  type ModernProtocolVersion,
  type ProtocolVersion,
  type RequestEnvelope,
} from './eras.js';
export type { MessageInfo, Transport, TransportSendOptions } from './transport.js';
export {
  JSONRPC_VERSION,
  JSONRPCErrorResponseSchema,
  JSONRPCMessageSchema,
  JSONRPCNotificationSchema,
  JSONRPCRequestSchema,
  JSONRPCResponseSchema,
  JSONRPCResultResponseSchema,
  RequestIdSchema,
  isJSONRPCErrorResponse,
  isJSONRPCNotification,
  isJSONRPCRequest,
  isJSONRPCResponse,
  isJSONRPCResultResponse,
  type JSONRPCBatch,
  type JSONRPCErrorResponse,
  type JSONRPCMessage,
  type JSONRPCNotification,
  type JSONRPCRequest,
  type JSONRPCResponse,
  type JSONRPCResultResponse,
  type RequestId,
} from './schemas/jsonrpc.js';
// Curated barrels, each owned by one area: every name they export is public API.
export * from './schemas/index.js';
export * from './session/index.js';
export * from './jsonrpc/index.js';
export { createMemoryTransportPair, type MemoryTransportOptions } from './memory-transport.js';
export {
  jsonEqual,
  validateJsonSchema,
  type JsonSchemaIssue,
  type JsonSchemaLimits,
  type JsonSchemaValidator,
} from './json-schema.js';
