/**
 * Hand-written checks of the JSON-RPC envelope. They run on every inbound message, so they avoid
 * schema machinery; they accept nothing that `schemas/jsonrpc.ts` rejects.
 *
 * @module
 */
import { ErrorCode } from '../errors.js';
import type { JSONRPCErrorResponse, JSONRPCMessage, RequestId } from '../schemas/jsonrpc.js';
import { errorResponse } from './responses.js';

/** True for a string or a safe integer, the two forms of a request id. */
export function isRequestId(value: unknown): value is RequestId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isSafeInteger(value));
}

/** True for a plain JSON object: not `null`, not an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The id of a message when it is readable, else `null` (the id JSON-RPC prescribes then). */
export function readableId(message: unknown): RequestId | null {
  if (typeof message !== 'object' || message === null) return null;
  const id = (message as Record<string, unknown>).id;
  return isRequestId(id) ? id : null;
}

function isParamsObject(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function errorMemberProblem(error: unknown): string | undefined {
  if (!isPlainObject(error)) return 'error must be an object';
  const code = error.code;
  if (typeof code !== 'number' || !Number.isSafeInteger(code)) return 'error.code must be an integer';
  if (typeof error.message !== 'string') return 'error.message must be a string';
  return undefined;
}

/**
 * Why `value` is not a JSON-RPC message, or `undefined` when it is a request, notification or
 * response. Allocates nothing for valid messages, so it suits the hot path.
 */
export function envelopeProblem(value: unknown): string | undefined {
  if (!isPlainObject(value)) return 'expected a JSON-RPC object';
  if (value.jsonrpc !== '2.0') return 'jsonrpc must be "2.0"';
  if ('method' in value) {
    if (typeof value.method !== 'string') return 'method must be a string';
    const params = value.params;
    if (params !== undefined && !isParamsObject(params)) return 'params must be an object';
    // A present but unreadable id (null, float, object) is refused rather than read as a notification.
    if ('id' in value && !isRequestId(value.id)) return 'id must be a string or an integer';
    return undefined;
  }
  if ('result' in value) {
    if (!isRequestId(value.id)) return 'id must be a string or an integer';
    if (!isParamsObject(value.result)) return 'result must be an object';
    return undefined;
  }
  if ('error' in value) {
    const id = value.id;
    if (id !== undefined && id !== null && !isRequestId(id)) return 'id must be a string, an integer or null';
    return errorMemberProblem(value.error);
  }
  return 'expected method, result or error';
}

/**
 * Checks one value against the JSON-RPC envelope: the message, typed, when valid; otherwise an
 * Invalid Request (-32600) error response that keeps the id when it is readable.
 *
 * @example
 * ```ts
 * const checked = checkMessage(JSON.parse(line));
 * if ('error' in checked) await transport.send(checked.error);
 * else handle(checked.message);
 * ```
 */
export function checkMessage(value: unknown): { message: JSONRPCMessage } | { error: JSONRPCErrorResponse } {
  const problem = envelopeProblem(value);
  if (problem === undefined) return { message: value as JSONRPCMessage };
  return { error: errorResponse(readableId(value), ErrorCode.InvalidRequest, `Invalid request: ${problem}`) };
}
