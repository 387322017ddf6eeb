/**
 * Lifecycle: the legacy `initialize` handshake and `ping`, the modern `server/discover`, and the
 * progress and cancellation notifications of both eras. Capabilities are in `capabilities.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ClientCapabilitiesSchema, ServerCapabilitiesSchema } from './capabilities.js';
import { RequestIdSchema } from './jsonrpc.js';
import {
  ImplementationSchema,
  NotificationParamsSchema,
  ProgressTokenSchema,
  RequestParamsSchema,
  ResultMetaObjectSchema,
  ResultTypeSchema,
  notificationEnvelopeShape,
  notificationParamsShape,
  requestEnvelopeShape,
  requestParamsShape,
  resultShape,
} from './meta.js';

/** Params of the legacy `initialize`. */
export const InitializeRequestParamsSchema = z.looseObject({
  ...requestParamsShape,
  protocolVersion: z.string(),
  capabilities: ClientCapabilitiesSchema,
  clientInfo: ImplementationSchema,
});
/** Params of the legacy `initialize`. */
export interface InitializeRequestParams extends z.infer<typeof InitializeRequestParamsSchema> {}

/** Request (legacy era): the client's first message. */
export const InitializeRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('initialize'),
  params: InitializeRequestParamsSchema,
});
/** Request (legacy era): the client's first message. */
export interface InitializeRequest extends z.infer<typeof InitializeRequestSchema> {}

/** The server's answer to `initialize`. */
export const InitializeResultSchema = z.looseObject({
  ...resultShape,
  protocolVersion: z.string(),
  capabilities: ServerCapabilitiesSchema,
  serverInfo: ImplementationSchema,
  instructions: z.optional(z.string()),
});
/** The server's answer to `initialize`. */
export interface InitializeResult extends z.infer<typeof InitializeResultSchema> {}

/** Notification (legacy era): the handshake is complete. */
export const InitializedNotificationSchema = z.looseObject({
  ...notificationEnvelopeShape,
  method: z.literal('notifications/initialized'),
  params: z.optional(NotificationParamsSchema),
});
/** Notification (legacy era): the handshake is complete. */
export interface InitializedNotification extends z.infer<typeof InitializedNotificationSchema> {}

/** Request (legacy era): is the peer alive? Answered with an empty result. */
export const PingRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('ping'),
  params: z.optional(RequestParamsSchema),
});
/** Request (legacy era): is the peer alive? */
export interface PingRequest extends z.infer<typeof PingRequestSchema> {}

/** Request (2026-07-28): the server's versions, capabilities and instructions. */
export const DiscoverRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('server/discover'),
  params: RequestParamsSchema,
});
/** Request (2026-07-28): the server's versions, capabilities and instructions. */
export interface DiscoverRequest extends z.infer<typeof DiscoverRequestSchema> {}

/** Result of `server/discover` (modern only, so every member the spec requires is required). */
export const DiscoverResultSchema = z.looseObject({
  _meta: z.optional(ResultMetaObjectSchema),
  resultType: ResultTypeSchema,
  ttlMs: z.int().check(z.gte(0)),
  cacheScope: z.enum(['private', 'public']),
  supportedVersions: z.array(z.string()),
  capabilities: ServerCapabilitiesSchema,
  instructions: z.optional(z.string()),
});
/** Result of `server/discover`. */
export interface DiscoverResult extends z.infer<typeof DiscoverResultSchema> {}

/** Params of `notifications/progress`. `progress` increases with each notification. */
export const ProgressNotificationParamsSchema = z.looseObject({
  ...notificationParamsShape,
  progressToken: ProgressTokenSchema,
  progress: z.number(),
  total: z.optional(z.number()),
  message: z.optional(z.string()),
});
/** Params of `notifications/progress`. */
export interface ProgressNotificationParams extends z.infer<typeof ProgressNotificationParamsSchema> {}

/** Notification: progress of a long-running request. */
export const ProgressNotificationSchema = z.looseObject({
  ...notificationEnvelopeShape,
  method: z.literal('notifications/progress'),
  params: ProgressNotificationParamsSchema,
});
/** Notification: progress of a long-running request. */
export interface ProgressNotification extends z.infer<typeof ProgressNotificationSchema> {}

/** Params of `notifications/cancelled`. `requestId` is optional only in 2025-11-25 (task cancels). */
export const CancelledNotificationParamsSchema = z.looseObject({
  ...notificationParamsShape,
  requestId: z.optional(RequestIdSchema),
  reason: z.optional(z.string()),
});
/** Params of `notifications/cancelled`. */
export interface CancelledNotificationParams extends z.infer<typeof CancelledNotificationParamsSchema> {}

/** Notification: the sender cancels a request it sent earlier. */
export const CancelledNotificationSchema = z.looseObject({
  ...notificationEnvelopeShape,
  method: z.literal('notifications/cancelled'),
  params: CancelledNotificationParamsSchema,
});
/** Notification: the sender cancels a request it sent earlier. */
export interface CancelledNotification extends z.infer<typeof CancelledNotificationSchema> {}
