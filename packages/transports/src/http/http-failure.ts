/**
 * Turns an HTTP failure into the JSON-RPC error response of the request it answered, so the
 * request rejects at once (and a client can tell "this server does not speak this era").
 *
 * @module
 */
import { ErrorCode, JSONRPC_VERSION, type JSONRPCErrorResponse, type RequestId } from '@mcpkit/core';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The error response to deliver for request `id` when its POST failed with `status`.
 *
 * When the body is a JSON-RPC error, its code and message are kept; otherwise the code is
 * Invalid Request (-32600) for 4xx and Internal Error (-32603) for anything else. `error.data`
 * always carries `httpStatus`, merged into the server's own data when that is an object.
 */
export function errorResponseForHttpFailure(id: RequestId, status: number, bodyText: string): JSONRPCErrorResponse {
  let body: unknown;
  try {
    body = JSON.parse(bodyText);
  } catch {
    body = undefined;
  }
  const error = isObject(body) && isObject(body.error) ? body.error : undefined;
  if (error !== undefined && typeof error.code === 'number' && Number.isSafeInteger(error.code) && typeof error.message === 'string') {
    const data = isObject(error.data) ? { ...error.data, httpStatus: status } : error.data === undefined ? { httpStatus: status } : { httpStatus: status, data: error.data };
    return { jsonrpc: JSONRPC_VERSION, id, error: { code: error.code, message: error.message, data } };
  }
  const code = status >= 400 && status < 500 ? ErrorCode.InvalidRequest : ErrorCode.InternalError;
  return { jsonrpc: JSONRPC_VERSION, id, error: { code, message: `HTTP ${status} from the server`, data: { httpStatus: status } } };
}

/** The error response to deliver for request `id` when its response stream was lost for good. */
export function errorResponseForLostStream(id: RequestId, reason: string): JSONRPCErrorResponse {
  return { jsonrpc: JSONRPC_VERSION, id, error: { code: ErrorCode.InternalError, message: reason } };
}
