/**
 * Small builders of HTTP responses that carry JSON-RPC errors or JSON bodies.
 *
 * @module
 */
import { JSONRPC_VERSION, type RequestId } from '@mcpkit/core';

/**
 * An HTTP response whose body is a JSON-RPC error response.
 *
 * @param status - the HTTP status
 * @param code - the JSON-RPC error code (see `ErrorCode`)
 * @param message - a short message, safe to show to the peer
 * @param id - the request id, or `null` when the request could not be read
 * @param headers - extra response headers
 * @param data - optional `error.data`
 */
export function jsonRpcErrorResponse(
  status: number,
  code: number,
  message: string,
  id: RequestId | null = null,
  headers?: Record<string, string>,
  data?: unknown,
): Response {
  const error = data === undefined ? { code, message } : { code, message, data };
  return jsonResponse({ jsonrpc: JSONRPC_VERSION, id, error }, status, headers);
}

/** An HTTP response with a JSON body. */
export function jsonResponse(body: unknown, status = 200, headers?: Record<string, string>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/** An HTTP response with no body (202 Accepted, 204, 405 …). */
export function emptyResponse(status: number, headers?: Record<string, string>): Response {
  return new Response(null, { status, headers });
}
