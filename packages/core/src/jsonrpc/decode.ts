/**
 * Decoding of inbound JSON-RPC: bytes, text or parsed JSON in; messages and ready-to-send error
 * responses out. Never throws, whatever the input.
 *
 * @module
 */
import { ErrorCode } from '../errors.js';
import type { JSONRPCErrorResponse, JSONRPCMessage } from '../schemas/jsonrpc.js';
import { envelopeProblem, readableId } from './envelope.js';
import { errorResponse, parseErrorResponse } from './responses.js';

/** What {@link decodeMessages} found in one input. */
export interface DecodeResult {
  /** The well-formed messages, in input order. */
  messages: JSONRPCMessage[];
  /** Error responses to send back for input that could not be used (parse errors, invalid requests). */
  errors: JSONRPCErrorResponse[];
  /** True when the input was a JSON array (a JSON-RPC batch). */
  batch: boolean;
}

/** Options of {@link decodeMessages}. */
export interface DecodeOptions {
  /**
   * Whether a JSON array is decoded as a batch. Batches exist only in 2025-03-26; pass `false` for
   * later versions and an array is refused with Invalid Request. Default `true`.
   */
  allowBatch?: boolean;
  /** Most elements accepted in one batch; a longer batch is refused whole. Default {@link DEFAULT_MAX_BATCH_SIZE}. */
  maxBatchSize?: number;
}

/** Default of {@link DecodeOptions.maxBatchSize}. */
export const DEFAULT_MAX_BATCH_SIZE = 1000;

let utf8: TextDecoder | undefined;

/** Stands for "not valid UTF-8 or JSON"; a sentinel rather than a wrapper object keeps the hot path allocation-free. */
const UNPARSABLE: unique symbol = Symbol('unparsable');

function parseText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return UNPARSABLE;
  }
}

function parseBytes(bytes: ArrayBuffer | ArrayBufferView): unknown {
  let text: string;
  try {
    // fatal: invalid UTF-8 must be a parse error, not silently replaced with U+FFFD.
    utf8 ??= new TextDecoder('utf-8', { fatal: true });
    text = utf8.decode(bytes);
  } catch {
    return UNPARSABLE;
  }
  return parseText(text);
}

function isBytes(input: unknown): input is ArrayBuffer | ArrayBufferView {
  return input instanceof ArrayBuffer || ArrayBuffer.isView(input);
}

function invalidRequest(value: unknown, why: string): JSONRPCErrorResponse {
  return errorResponse(readableId(value), ErrorCode.InvalidRequest, `Invalid request: ${why}`);
}

function decodeOne(value: unknown, result: DecodeResult): void {
  const problem = envelopeProblem(value);
  if (problem === undefined) result.messages.push(value as JSONRPCMessage);
  else result.errors.push(invalidRequest(value, problem));
}

function decodeValue(value: unknown, options: DecodeOptions | undefined): DecodeResult {
  if (!Array.isArray(value)) {
    const problem = envelopeProblem(value);
    if (problem === undefined) return { messages: [value as JSONRPCMessage], errors: [], batch: false };
    return { messages: [], errors: [invalidRequest(value, problem)], batch: false };
  }
  const result: DecodeResult = { messages: [], errors: [], batch: true };
  const maxBatchSize = options?.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE;
  if (options?.allowBatch === false) result.errors.push(invalidRequest(undefined, 'batches are not supported'));
  else if (value.length === 0) result.errors.push(invalidRequest(undefined, 'empty batch'));
  else if (value.length > maxBatchSize) {
    result.errors.push(invalidRequest(undefined, `batch has more than ${maxBatchSize} messages`));
  } else {
    for (const element of value) {
      // A nested array is one bad element, not a nested batch.
      if (Array.isArray(element)) result.errors.push(invalidRequest(undefined, 'expected a JSON-RPC object'));
      else decodeOne(element, result);
    }
  }
  return result;
}

/**
 * Decodes one inbound payload into JSON-RPC messages. Accepts UTF-8 bytes (`Uint8Array`,
 * `ArrayBuffer`, any `ArrayBufferView`), text, or an already-parsed JSON value.
 *
 * Never throws: invalid UTF-8 or JSON yields a Parse error (-32700, `id: null`); a value that is
 * not a JSON-RPC message yields an Invalid Request (-32600) that keeps the id when it is readable;
 * each bad element of a batch gets its own error while good elements pass. A pre-parsed value is
 * passed through, not copied.
 *
 * @example
 * ```ts
 * const { messages, errors } = decodeMessages(line);
 * for (const error of errors) await send(error);
 * for (const message of messages) transport.onmessage?.(message);
 * ```
 */
export function decodeMessages(input: unknown, options?: DecodeOptions): DecodeResult {
  try {
    const value = typeof input === 'string' ? parseText(input) : isBytes(input) ? parseBytes(input) : input;
    if (value === UNPARSABLE) return { messages: [], errors: [parseErrorResponse()], batch: false };
    return decodeValue(value, options);
  } catch {
    // Only a hostile pre-parsed value (a throwing getter, a revoked Proxy) gets here.
    return { messages: [], errors: [errorResponse(null, ErrorCode.InvalidRequest, 'Invalid request')], batch: false };
  }
}
