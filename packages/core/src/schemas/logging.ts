/**
 * Logging: `notifications/message` and the legacy `logging/setLevel`. In the modern era the
 * level travels in each request's `_meta` instead. `LoggingLevel` is in `meta.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import {
  LoggingLevelSchema,
  notificationEnvelopeShape,
  notificationParamsShape,
  requestEnvelopeShape,
  requestParamsShape,
} from './meta.js';

/** Params of `logging/setLevel` (legacy era). */
export const SetLevelRequestParamsSchema = z.looseObject({ ...requestParamsShape, level: LoggingLevelSchema });
/** Params of `logging/setLevel` (legacy era). */
export interface SetLevelRequestParams extends z.infer<typeof SetLevelRequestParamsSchema> {}

/** Request (legacy era): set the minimum level of log messages the server sends. */
export const SetLevelRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('logging/setLevel'),
  params: SetLevelRequestParamsSchema,
});
/** Request (legacy era): set the minimum log level. */
export interface SetLevelRequest extends z.infer<typeof SetLevelRequestSchema> {}

/** Params of `notifications/message`. `data` is any JSON value. */
export const LoggingMessageNotificationParamsSchema = z.looseObject({
  ...notificationParamsShape,
  level: LoggingLevelSchema,
  logger: z.optional(z.string()),
  data: z.unknown(),
});
/** Params of `notifications/message`. */
export interface LoggingMessageNotificationParams extends z.infer<typeof LoggingMessageNotificationParamsSchema> {}

/** Notification: a log message from the server. */
export const LoggingMessageNotificationSchema = z.looseObject({
  ...notificationEnvelopeShape,
  method: z.literal('notifications/message'),
  params: LoggingMessageNotificationParamsSchema,
});
/** Notification: a log message from the server. */
export interface LoggingMessageNotification extends z.infer<typeof LoggingMessageNotificationSchema> {}
