/**
 * Prompts: `prompts/list`, `prompts/get` and `notifications/prompts/list_changed`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ContentBlockSchema } from './content.js';
import { inputRetryShape } from './input-responses.js';
import {
  IconSchema,
  MetaObjectSchema,
  NotificationParamsSchema,
  PaginatedRequestParamsSchema,
  RoleSchema,
  cacheableShape,
  notificationEnvelopeShape,
  requestEnvelopeShape,
  requestParamsShape,
  resultShape,
} from './meta.js';

/** An argument a prompt accepts. */
export const PromptArgumentSchema = z.looseObject({
  name: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  required: z.optional(z.boolean()),
});
/** An argument a prompt accepts. */
export interface PromptArgument extends z.infer<typeof PromptArgumentSchema> {}

/** A prompt or prompt template the server offers. */
export const PromptSchema = z.looseObject({
  name: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  arguments: z.optional(z.array(PromptArgumentSchema)),
  icons: z.optional(z.array(IconSchema)),
  _meta: z.optional(MetaObjectSchema),
});
/** A prompt or prompt template the server offers. */
export interface Prompt extends z.infer<typeof PromptSchema> {}

/** One message of a prompt. */
export const PromptMessageSchema = z.looseObject({ role: RoleSchema, content: ContentBlockSchema });
/** One message of a prompt. */
export interface PromptMessage extends z.infer<typeof PromptMessageSchema> {}

/** Request: list prompts. */
export const ListPromptsRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('prompts/list'),
  params: z.optional(PaginatedRequestParamsSchema),
});
/** Request: list prompts. */
export interface ListPromptsRequest extends z.infer<typeof ListPromptsRequestSchema> {}

/** Result of `prompts/list`. */
export const ListPromptsResultSchema = z.looseObject({
  ...resultShape,
  ...cacheableShape,
  prompts: z.array(PromptSchema),
  nextCursor: z.optional(z.string()),
});
/** Result of `prompts/list`. */
export interface ListPromptsResult extends z.infer<typeof ListPromptsResultSchema> {}

/** Params of `prompts/get`. Modern retries carry `inputResponses` and `requestState`. */
export const GetPromptRequestParamsSchema = z.looseObject({
  ...requestParamsShape,
  name: z.string(),
  arguments: z.optional(z.record(z.string(), z.string())),
  ...inputRetryShape,
});
/** Params of `prompts/get`. */
export interface GetPromptRequestParams extends z.infer<typeof GetPromptRequestParamsSchema> {}

/** Request: get a prompt, filled in with arguments. */
export const GetPromptRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('prompts/get'),
  params: GetPromptRequestParamsSchema,
});
/** Request: get a prompt. */
export interface GetPromptRequest extends z.infer<typeof GetPromptRequestSchema> {}

/** Result of `prompts/get`. */
export const GetPromptResultSchema = z.looseObject({
  ...resultShape,
  description: z.optional(z.string()),
  messages: z.array(PromptMessageSchema),
});
/** Result of `prompts/get`. */
export interface GetPromptResult extends z.infer<typeof GetPromptResultSchema> {}

/** Notification: the list of prompts changed. */
export const PromptListChangedNotificationSchema = z.looseObject({
  ...notificationEnvelopeShape,
  method: z.literal('notifications/prompts/list_changed'),
  params: z.optional(NotificationParamsSchema),
});
/** Notification: the list of prompts changed. */
export interface PromptListChangedNotification extends z.infer<typeof PromptListChangedNotificationSchema> {}
