/**
 * Resources: list, templates, read, and their change notifications. Subscriptions are in
 * `subscriptions.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ResourceContentsItemSchema, resourceShape } from './content.js';
import { inputRetryShape } from './input-responses.js';
import {
  AnnotationsSchema,
  IconSchema,
  MetaObjectSchema,
  NotificationParamsSchema,
  PaginatedRequestParamsSchema,
  cacheableShape,
  notificationEnvelopeShape,
  notificationParamsShape,
  requestEnvelopeShape,
  requestParamsShape,
  resultShape,
} from './meta.js';

/** A resource the server can read. */
export const ResourceSchema = z.looseObject(resourceShape);
/** A resource the server can read. */
export interface Resource extends z.infer<typeof ResourceSchema> {}

/** A family of resources addressed by an RFC 6570 URI template. */
export const ResourceTemplateSchema = z.looseObject({
  uriTemplate: z.string(),
  name: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  mimeType: z.optional(z.string()),
  annotations: z.optional(AnnotationsSchema),
  icons: z.optional(z.array(IconSchema)),
  _meta: z.optional(MetaObjectSchema),
});
/** A family of resources addressed by an RFC 6570 URI template. */
export interface ResourceTemplate extends z.infer<typeof ResourceTemplateSchema> {}

/** Params of any request about one resource. */
export const ResourceRequestParamsSchema = z.looseObject({ ...requestParamsShape, uri: z.string() });
/** Params of any request about one resource. */
export interface ResourceRequestParams extends z.infer<typeof ResourceRequestParamsSchema> {}

/** Request: list resources. */
export const ListResourcesRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('resources/list'),
  params: z.optional(PaginatedRequestParamsSchema),
});
/** Request: list resources. */
export interface ListResourcesRequest extends z.infer<typeof ListResourcesRequestSchema> {}

/** Result of `resources/list`. */
export const ListResourcesResultSchema = z.looseObject({
  ...resultShape,
  ...cacheableShape,
  resources: z.array(ResourceSchema),
  nextCursor: z.optional(z.string()),
});
/** Result of `resources/list`. */
export interface ListResourcesResult extends z.infer<typeof ListResourcesResultSchema> {}

/** Request: list resource templates. */
export const ListResourceTemplatesRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('resources/templates/list'),
  params: z.optional(PaginatedRequestParamsSchema),
});
/** Request: list resource templates. */
export interface ListResourceTemplatesRequest extends z.infer<typeof ListResourceTemplatesRequestSchema> {}

/** Result of `resources/templates/list`. */
export const ListResourceTemplatesResultSchema = z.looseObject({
  ...resultShape,
  ...cacheableShape,
  resourceTemplates: z.array(ResourceTemplateSchema),
  nextCursor: z.optional(z.string()),
});
/** Result of `resources/templates/list`. */
export interface ListResourceTemplatesResult extends z.infer<typeof ListResourceTemplatesResultSchema> {}

/** Params of `resources/read`. Modern retries carry `inputResponses` and `requestState`. */
export const ReadResourceRequestParamsSchema = z.looseObject({
  ...requestParamsShape,
  uri: z.string(),
  ...inputRetryShape,
});
/** Params of `resources/read`. */
export interface ReadResourceRequestParams extends z.infer<typeof ReadResourceRequestParamsSchema> {}

/** Request: read a resource. */
export const ReadResourceRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('resources/read'),
  params: ReadResourceRequestParamsSchema,
});
/** Request: read a resource. */
export interface ReadResourceRequest extends z.infer<typeof ReadResourceRequestSchema> {}

/** Result of `resources/read`. */
export const ReadResourceResultSchema = z.looseObject({
  ...resultShape,
  ...cacheableShape,
  contents: z.array(ResourceContentsItemSchema),
});
/** Result of `resources/read`. */
export interface ReadResourceResult extends z.infer<typeof ReadResourceResultSchema> {}

/** Notification: the list of resources changed. */
export const ResourceListChangedNotificationSchema = z.looseObject({
  ...notificationEnvelopeShape,
  method: z.literal('notifications/resources/list_changed'),
  params: z.optional(NotificationParamsSchema),
});
/** Notification: the list of resources changed. */
export interface ResourceListChangedNotification extends z.infer<typeof ResourceListChangedNotificationSchema> {}

/** Params of `notifications/resources/updated`. */
export const ResourceUpdatedNotificationParamsSchema = z.looseObject({ ...notificationParamsShape, uri: z.string() });
/** Params of `notifications/resources/updated`. */
export interface ResourceUpdatedNotificationParams extends z.infer<typeof ResourceUpdatedNotificationParamsSchema> {}

/** Notification: a subscribed resource changed; read it again. */
export const ResourceUpdatedNotificationSchema = z.looseObject({
  ...notificationEnvelopeShape,
  method: z.literal('notifications/resources/updated'),
  params: ResourceUpdatedNotificationParamsSchema,
});
/** Notification: a subscribed resource changed. */
export interface ResourceUpdatedNotification extends z.infer<typeof ResourceUpdatedNotificationSchema> {}
