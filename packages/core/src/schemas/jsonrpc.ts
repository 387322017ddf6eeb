/**
 * JSON-RPC 2.0 envelope: requests, notifications, responses and (2025-03-26) batches.
 *
 * @module
 */
import * as z from 'zod/mini';

/** The JSON-RPC version string every message carries. */
export const JSONRPC_VERSION = '2.0';

/** A request id: a string or an integer. */
export const RequestIdSchema = z.union([z.string(), z.int()]);
/** A request id: a string or an integer. */
export type RequestId = z.infer<typeof RequestIdSchema>;

/** An object of named parameters. */
const ParamsSchema = z.record(z.string(), z.unknown());

/** A request that expects a response. */
export const JSONRPCRequestSchema = z.looseObject({
  jsonrpc: z.literal(JSONRPC_VERSION),
  id: RequestIdSchema,
  method: z.string(),
  params: z.optional(ParamsSchema),
});
/** A request that expects a response. */
export type JSONRPCRequest = z.infer<typeof JSONRPCRequestSchema>;

/** A notification: no id, no response. */
export const JSONRPCNotificationSchema = z.looseObject({
  jsonrpc: z.literal(JSONRPC_VERSION),
  method: z.string(),
  params: z.optional(ParamsSchema),
});
/** A notification: no id, no response. */
export type JSONRPCNotification = z.infer<typeof JSONRPCNotificationSchema>;

/** A successful response. */
export const JSONRPCResultResponseSchema = z.looseObject({
  jsonrpc: z.literal(JSONRPC_VERSION),
  id: RequestIdSchema,
  result: z.record(z.string(), z.unknown()),
});
/** A successful response. */
export type JSONRPCResultResponse = z.infer<typeof JSONRPCResultResponseSchema>;

/** The `error` member of an error response. */
export const ErrorObjectSchema = z.looseObject({
  code: z.int(),
  message: z.string(),
  data: z.optional(z.unknown()),
});

/** An error response. The id is absent or `null` when the request could not be read. */
export const JSONRPCErrorResponseSchema = z.looseObject({
  jsonrpc: z.literal(JSONRPC_VERSION),
  id: z.optional(z.nullable(RequestIdSchema)),
  error: ErrorObjectSchema,
});
/** An error response. The id is absent or `null` when the request could not be read. */
export type JSONRPCErrorResponse = z.infer<typeof JSONRPCErrorResponseSchema>;

/** Either kind of response. */
export const JSONRPCResponseSchema = z.union([JSONRPCResultResponseSchema, JSONRPCErrorResponseSchema]);
/** Either kind of response. */
export type JSONRPCResponse = JSONRPCResultResponse | JSONRPCErrorResponse;

/** Any single JSON-RPC message. */
export const JSONRPCMessageSchema = z.union([
  JSONRPCRequestSchema,
  JSONRPCNotificationSchema,
  JSONRPCResultResponseSchema,
  JSONRPCErrorResponseSchema,
]);
/** Any single JSON-RPC message. */
export type JSONRPCMessage = JSONRPCRequest | JSONRPCNotification | JSONRPCResultResponse | JSONRPCErrorResponse;

/** A JSON-RPC batch (2025-03-26 only; removed in 2025-06-18). */
export type JSONRPCBatch = JSONRPCMessage[];

/** True for a request (has `method` and `id`). */
export function isJSONRPCRequest(message: JSONRPCMessage): message is JSONRPCRequest {
  return 'method' in message && 'id' in message;
}

/** True for a notification (has `method`, no `id`). */
export function isJSONRPCNotification(message: JSONRPCMessage): message is JSONRPCNotification {
  return 'method' in message && !('id' in message);
}

/** True for a successful response. */
export function isJSONRPCResultResponse(message: JSONRPCMessage): message is JSONRPCResultResponse {
  return 'result' in message && !('method' in message);
}

/** True for an error response. */
export function isJSONRPCErrorResponse(message: JSONRPCMessage): message is JSONRPCErrorResponse {
  return 'error' in message && !('method' in message);
}

/** True for either kind of response. */
export function isJSONRPCResponse(message: JSONRPCMessage): message is JSONRPCResponse {
  return !('method' in message);
}
