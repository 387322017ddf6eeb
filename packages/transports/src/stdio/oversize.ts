/**
 * What to make of a discarded oversize line. Its first bytes tell its id and whether it was a
 * request or a response; without them an oversize request could only be answered with `id: null`,
 * and an oversize response would leave its request waiting for the timeout.
 *
 * @module
 */
import { ErrorCode, errorResponse, type JSONRPCErrorResponse, type RequestId } from '@mcpkit/core';

/** What an oversize line's head tells: the message's id and what kind of message it is. */
export interface OversizeHead {
  /** The message's `id`. */
  readonly id: RequestId;
  /** `response` when the member after `jsonrpc` and `id` is `result` or `error`, else `request`. */
  readonly kind: 'request' | 'response';
}

// An id: a JSON integer of at most 16 digits, or a short string without escapes or control characters.
const ID = String.raw`(-?(?:0|[1-9]\d{0,15})|"[^"\\\u0000-\u001f]{0,128}")`;
const VERSION = String.raw`"jsonrpc"\s*:\s*"2\.0"`;
// Anchored at the start, no nested quantifiers: linear on any input.
const HEAD = new RegExp(
  String.raw`^\s*\{\s*(?:${VERSION}\s*,\s*"id"\s*:\s*${ID}|"id"\s*:\s*${ID}\s*,\s*${VERSION})\s*,\s*"([A-Za-z_]{1,32})"\s*:`,
);

const decoder = new TextDecoder();

/**
 * Recovers the id of a message from the first bytes of its line, when they begin
 * `{"jsonrpc":"2.0","id":…` (or `id` first) and the id is an integer or a short plain string.
 * Returns `undefined` otherwise; never throws.
 *
 * @example
 * ```ts
 * readOversizeHead(new TextEncoder().encode('{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"x":"'));
 * // { id: 7, kind: 'request' }
 * ```
 */
export function readOversizeHead(head: Uint8Array): OversizeHead | undefined {
  // The head may end inside a multi-byte character; the decoder replaces it, far past the id.
  const match = HEAD.exec(decoder.decode(head));
  if (match === null) return undefined;
  const token = match[1] ?? match[2];
  const member = match[3];
  if (token === undefined || member === undefined) return undefined;
  const id: unknown = JSON.parse(token);
  if (typeof id === 'number' && !Number.isSafeInteger(id)) return undefined;
  return { id: id as RequestId, kind: member === 'result' || member === 'error' ? 'response' : 'request' };
}

/** The answer to an oversize request: Invalid Request (-32600) for its id, or `null` when unknown. */
export function tooLargeRequestResponse(id: RequestId | null, maxMessageSize: number): JSONRPCErrorResponse {
  return errorResponse(id, ErrorCode.InvalidRequest, 'Invalid request: message too large', { maxMessageSize });
}

/**
 * The error response delivered locally in place of a discarded oversize response, so the request
 * it answered fails at once (-32603, naming the limit) rather than at its timeout.
 */
export function discardedResponse(id: RequestId, maxMessageSize: number): JSONRPCErrorResponse {
  return errorResponse(
    id,
    ErrorCode.InternalError,
    `The response was larger than maxMessageSize (${maxMessageSize} bytes) and was discarded; raise maxMessageSize if such responses are expected`,
    { maxMessageSize },
  );
}
