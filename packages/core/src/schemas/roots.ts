/**
 * Roots: `roots/list` (the filesystem boundaries the client exposes) and its change notification.
 *
 * @module
 */
import * as z from 'zod/mini';
import { JSONRPC_VERSION, RequestIdSchema } from './jsonrpc.js';
import {
  MetaObjectSchema,
  NotificationParamsSchema,
  RequestParamsSchema,
  notificationEnvelopeShape,
  resultShape,
} from './meta.js';

/** A root directory or file the server may operate on; `uri` is a `file://` URI. */
export const RootSchema = z.looseObject({
  uri: z.string(),
  name: z.optional(z.string()),
  _meta: z.optional(MetaObjectSchema),
});
/** A root directory or file the server may operate on. */
export interface Root extends z.infer<typeof RootSchema> {}

/**
 * Request: list the client's roots. `jsonrpc` and `id` are present on a legacy server-to-client
 * request and absent on a modern input request.
 */
export const ListRootsRequestSchema = z.looseObject({
  jsonrpc: z.optional(z.literal(JSONRPC_VERSION)),
  id: z.optional(RequestIdSchema),
  method: z.literal('roots/list'),
  params: z.optional(RequestParamsSchema),
});
/** Request: list the client's roots. */
export interface ListRootsRequest extends z.infer<typeof ListRootsRequestSchema> {}

/** The client's answer to `roots/list`. */
export const ListRootsResultSchema = z.looseObject({ ...resultShape, roots: z.array(RootSchema) });
/** The client's answer to `roots/list`. */
export interface ListRootsResult extends z.infer<typeof ListRootsResultSchema> {}

/** Notification (legacy era): the client's roots changed. */
export const RootsListChangedNotificationSchema = z.looseObject({
  ...notificationEnvelopeShape,
  method: z.literal('notifications/roots/list_changed'),
  params: z.optional(NotificationParamsSchema),
});
/** Notification (legacy era): the client's roots changed. */
export interface RootsListChangedNotification extends z.infer<typeof RootsListChangedNotificationSchema> {}
