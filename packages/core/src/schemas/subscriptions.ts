/**
 * Subscriptions: the modern `subscriptions/listen` stream and its acknowledgement, and the legacy
 * `resources/subscribe` / `resources/unsubscribe`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { RequestIdSchema } from './jsonrpc.js';
import {
  ImplementationSchema,
  notificationEnvelopeShape,
  notificationParamsShape,
  requestEnvelopeShape,
  requestParamsShape,
  resultShape,
} from './meta.js';

/** Which notifications a `subscriptions/listen` stream carries. */
export const SubscriptionFilterSchema = z.looseObject({
  toolsListChanged: z.optional(z.boolean()),
  promptsListChanged: z.optional(z.boolean()),
  resourcesListChanged: z.optional(z.boolean()),
  resourceSubscriptions: z.optional(z.array(z.string())),
});
/** Which notifications a `subscriptions/listen` stream carries. */
export interface SubscriptionFilter extends z.infer<typeof SubscriptionFilterSchema> {}

/** Params of `subscriptions/listen`. */
export const SubscriptionsListenRequestParamsSchema = z.looseObject({
  ...requestParamsShape,
  notifications: SubscriptionFilterSchema,
});
/** Params of `subscriptions/listen`. */
export interface SubscriptionsListenRequestParams extends z.infer<typeof SubscriptionsListenRequestParamsSchema> {}

/** Request (2026-07-28): open a stream of change notifications. */
export const SubscriptionsListenRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('subscriptions/listen'),
  params: SubscriptionsListenRequestParamsSchema,
});
/** Request (2026-07-28): open a stream of change notifications. */
export interface SubscriptionsListenRequest extends z.infer<typeof SubscriptionsListenRequestSchema> {}

/** The `_meta` of a `subscriptions/listen` result: the subscription id is required. */
export const SubscriptionsListenResultMetaObjectSchema = z.looseObject({
  'io.modelcontextprotocol/serverInfo': z.optional(ImplementationSchema),
  'io.modelcontextprotocol/subscriptionId': RequestIdSchema,
});
/** The `_meta` of a `subscriptions/listen` result. */
export interface SubscriptionsListenResultMetaObject extends z.infer<typeof SubscriptionsListenResultMetaObjectSchema> {}

/** Result of `subscriptions/listen`, sent when the stream ends. */
export const SubscriptionsListenResultSchema = z.looseObject({
  _meta: SubscriptionsListenResultMetaObjectSchema,
  resultType: resultShape.resultType,
});
/** Result of `subscriptions/listen`. */
export interface SubscriptionsListenResult extends z.infer<typeof SubscriptionsListenResultSchema> {}

/** Params of `notifications/subscriptions/acknowledged`: the subset the server agreed to send. */
export const SubscriptionsAcknowledgedNotificationParamsSchema = z.looseObject({
  ...notificationParamsShape,
  notifications: SubscriptionFilterSchema,
});
/** Params of `notifications/subscriptions/acknowledged`. */
export type SubscriptionsAcknowledgedNotificationParams = z.infer<
  typeof SubscriptionsAcknowledgedNotificationParamsSchema
>;

/** Notification (2026-07-28): the first message on a listen stream. */
export const SubscriptionsAcknowledgedNotificationSchema = z.looseObject({
  ...notificationEnvelopeShape,
  method: z.literal('notifications/subscriptions/acknowledged'),
  params: SubscriptionsAcknowledgedNotificationParamsSchema,
});
/** Notification (2026-07-28): the first message on a listen stream. */
export interface SubscriptionsAcknowledgedNotification extends z.infer<typeof SubscriptionsAcknowledgedNotificationSchema> {}

/** Params of the legacy `resources/subscribe`. */
export const SubscribeRequestParamsSchema = z.looseObject({ ...requestParamsShape, uri: z.string() });
/** Params of the legacy `resources/subscribe`. */
export interface SubscribeRequestParams extends z.infer<typeof SubscribeRequestParamsSchema> {}

/** Request (legacy era): subscribe to updates of a resource. */
export const SubscribeRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('resources/subscribe'),
  params: SubscribeRequestParamsSchema,
});
/** Request (legacy era): subscribe to updates of a resource. */
export interface SubscribeRequest extends z.infer<typeof SubscribeRequestSchema> {}

/** Params of the legacy `resources/unsubscribe`. */
export const UnsubscribeRequestParamsSchema = SubscribeRequestParamsSchema;
/** Params of the legacy `resources/unsubscribe`. */
export type UnsubscribeRequestParams = SubscribeRequestParams;

/** Request (legacy era): stop updates of a resource. */
export const UnsubscribeRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('resources/unsubscribe'),
  params: UnsubscribeRequestParamsSchema,
});
/** Request (legacy era): stop updates of a resource. */
export interface UnsubscribeRequest extends z.infer<typeof UnsubscribeRequestSchema> {}
