/**
 * Decoding of received JSON-RPC text for the HTTP transports. Never throws.
 *
 * Mirrors `decodeMessages` of `@mcpkit/core` (same result shape); the transports switch to it
 * once the core barrel exports it.
 *
 * @module
 */
import {
  ErrorCode,
  JSONRPC_VERSION,
  JSONRPCMessageSchema,
  type JSONRPCErrorResponse,
  type JSONRPCMessage,
  type RequestId,
} from '@mcpkit/core';

/** Messages and ready-to-send error responses found in one payload. */
export interface DecodedText {
  /** The well-formed messages, in order. */
  messages: JSONRPCMessage[];
  /** Error responses for input that could not be used. */
  errors: JSONRPCErrorResponse[];
  /** True for a JSON array (a batch). */
  batch: boolean;
}

/** Most elements of a batch. */
const MAX_BATCH = 1000;

function readableId(value: unknown): RequestId | null {
  if (typeof value !== 'object' || value === null) return null;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' || (typeof id === 'number' && Number.isSafeInteger(id)) ? id : null;
}

function invalid(id: RequestId | null, why: string): JSONRPCErrorResponse {
  return { jsonrpc: JSONRPC_VERSION, id, error: { code: ErrorCode.InvalidRequest, message: `Invalid request: ${why}` } };
}

function one(value: unknown, out: DecodedText): void {
  const ok = typeof value === 'object' && value !== null && !Array.isArray(value) && JSONRPCMessageSchema.safeParse(value).success;
  // A present but unreadable id is refused rather than read as a notification.
  const badId = ok && 'method' in (value as object) && 'id' in (value as object) && readableId(value) === null;
  if (ok && !badId) out.messages.push(value as JSONRPCMessage);
  else out.errors.push(invalid(readableId(value), 'not a JSON-RPC 2.0 message'));
}

/** Decodes JSON-RPC text: one message or a batch. */
export function decodeJsonRpcText(text: string): DecodedText {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { messages: [], errors: [{ jsonrpc: JSONRPC_VERSION, id: null, error: { code: ErrorCode.ParseError, message: 'Parse error' } }], batch: false };
  }
  try {
    if (!Array.isArray(value)) {
      const out: DecodedText = { messages: [], errors: [], batch: false };
      one(value, out);
      return out;
    }
    const out: DecodedText = { messages: [], errors: [], batch: true };
    if (value.length === 0) out.errors.push(invalid(null, 'empty batch'));
    else if (value.length > MAX_BATCH) out.errors.push(invalid(null, `batch has more than ${MAX_BATCH} messages`));
    else for (const element of value) one(element, out);
    return out;
  } catch {
    return { messages: [], errors: [invalid(null, 'unreadable')], batch: false };
  }
}
