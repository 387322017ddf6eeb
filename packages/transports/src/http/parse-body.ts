/**
 * Turns an HTTP body into JSON-RPC messages, or the error to answer with. Never throws.
 *
 * @module
 */
import { decodeMessages, type JSONRPCErrorResponse, type JSONRPCMessage } from '@mcpkit/core';

/** A body that decoded into messages. `batch` is true for a JSON array (2025-03-26). */
export interface ParsedBody {
  ok: true;
  messages: JSONRPCMessage[];
  batch: boolean;
}

/** A body (or a batch element) that is not JSON-RPC: answer with `body` and HTTP 400. */
export interface UnparsableBody {
  ok: false;
  /** The JSON-RPC error response (or, for a batch, the array of them). */
  body: JSONRPCErrorResponse | JSONRPCErrorResponse[];
}

/**
 * Decodes `text` as one JSON-RPC message or a batch. A batch with any bad element is refused
 * whole, so the server never half-runs a batch it cannot fully answer on one response.
 *
 * @example
 * ```ts
 * const parsed = parseJsonRpcBody('{"jsonrpc":"2.0","id":1,"method":"ping"}');
 * if (parsed.ok) parsed.messages[0]; // the ping request
 * ```
 */
export function parseJsonRpcBody(text: string): ParsedBody | UnparsableBody {
  const decoded = decodeMessages(text);
  if (decoded.errors.length === 0 && decoded.messages.length > 0) {
    return { ok: true, messages: decoded.messages, batch: decoded.batch };
  }
  const [first] = decoded.errors;
  if (!decoded.batch && first !== undefined) return { ok: false, body: first };
  return { ok: false, body: decoded.errors };
}
