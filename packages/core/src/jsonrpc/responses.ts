/**
 * Builders of JSON-RPC error responses and of the standard wire errors.
 *
 * @module
 */
import { ErrorCode, McpError, type WireError } from '../errors.js';
import type { JSONRPCErrorResponse, RequestId } from '../schemas/jsonrpc.js';

/**
 * Builds a JSON-RPC error response. Use `id: null` when the request's id could not be read.
 *
 * @example
 * ```ts
 * await transport.send(errorResponse(7, ErrorCode.InvalidParams, 'Invalid params: name: required'));
 * ```
 */
export function errorResponse(id: RequestId | null, code: number, message: string, data?: unknown): JSONRPCErrorResponse {
  return { jsonrpc: '2.0', id, error: data === undefined ? { code, message } : { code, message, data } };
}

/** Builds the error response that answers request `id` with `error` (for example from `toWireError`). */
export function errorResponseFrom(id: RequestId | null, error: WireError): JSONRPCErrorResponse {
  return errorResponse(id, error.code, error.message, error.data);
}

/** The Parse error response (-32700, `id: null`) for input that is not valid UTF-8 or JSON. */
export function parseErrorResponse(): JSONRPCErrorResponse {
  return errorResponse(null, ErrorCode.ParseError, 'Parse error');
}

/**
 * The Method not found error (-32601). Throw it from a fallback handler, or send it with
 * {@link errorResponseFrom}.
 */
export function methodNotFound(method: string): McpError {
  return new McpError(ErrorCode.MethodNotFound, `Method not found: ${truncate(method, 200)}`);
}

/**
 * The Internal error (-32603). Its message is fixed and it carries no data, so nothing about the
 * failure leaks to the peer.
 */
export function internalError(): McpError {
  return new McpError(ErrorCode.InternalError, 'Internal error');
}

/** Shortens peer-supplied text echoed back in an error message, so a huge name costs nothing. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max)}…`;
}
