/**
 * Content blocks (text, image, audio, resource links, embedded resources, tool use and tool
 * results) and resource contents.
 *
 * @module
 */
import * as z from 'zod/mini';
import { JSONObjectSchema } from './json.js';
import { AnnotationsSchema, IconSchema, MetaObjectSchema } from './meta.js';

/** Plain text. */
export const TextContentSchema = z.looseObject({
  type: z.literal('text'),
  text: z.string(),
  annotations: z.optional(AnnotationsSchema),
  _meta: z.optional(MetaObjectSchema),
});
/** Plain text. */
export interface TextContent extends z.infer<typeof TextContentSchema> {}

/** A base64-encoded image. */
export const ImageContentSchema = z.looseObject({
  type: z.literal('image'),
  data: z.string(),
  mimeType: z.string(),
  annotations: z.optional(AnnotationsSchema),
  _meta: z.optional(MetaObjectSchema),
});
/** A base64-encoded image. */
export interface ImageContent extends z.infer<typeof ImageContentSchema> {}

/** Base64-encoded audio. */
export const AudioContentSchema = z.looseObject({
  type: z.literal('audio'),
  data: z.string(),
  mimeType: z.string(),
  annotations: z.optional(AnnotationsSchema),
  _meta: z.optional(MetaObjectSchema),
});
/** Base64-encoded audio. */
export interface AudioContent extends z.infer<typeof AudioContentSchema> {}

/** Members of a resource descriptor, shared by `Resource` and `ResourceLink`. */
export const resourceShape = {
  uri: z.string(),
  name: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  mimeType: z.optional(z.string()),
  size: z.optional(z.int()),
  annotations: z.optional(AnnotationsSchema),
  icons: z.optional(z.array(IconSchema)),
  _meta: z.optional(MetaObjectSchema),
};

/** A link to a resource the client may read; it need not appear in `resources/list`. */
export const ResourceLinkSchema = z.looseObject({ type: z.literal('resource_link'), ...resourceShape });
/** A link to a resource the client may read. */
export interface ResourceLink extends z.infer<typeof ResourceLinkSchema> {}

/** Contents of a resource, without the body. */
export const ResourceContentsSchema = z.looseObject({
  uri: z.string(),
  mimeType: z.optional(z.string()),
  _meta: z.optional(MetaObjectSchema),
});
/** Contents of a resource, without the body. */
export interface ResourceContents extends z.infer<typeof ResourceContentsSchema> {}

/** Text contents of a resource. */
export const TextResourceContentsSchema = z.looseObject({
  uri: z.string(),
  mimeType: z.optional(z.string()),
  text: z.string(),
  _meta: z.optional(MetaObjectSchema),
});
/** Text contents of a resource. */
export interface TextResourceContents extends z.infer<typeof TextResourceContentsSchema> {}

/** Binary contents of a resource, base64-encoded. */
export const BlobResourceContentsSchema = z.looseObject({
  uri: z.string(),
  mimeType: z.optional(z.string()),
  blob: z.string(),
  _meta: z.optional(MetaObjectSchema),
});
/** Binary contents of a resource, base64-encoded. */
export interface BlobResourceContents extends z.infer<typeof BlobResourceContentsSchema> {}

const resourceContentsItemSchema = z.union([TextResourceContentsSchema, BlobResourceContentsSchema]);
/** Text or binary contents of a resource. */
export type ResourceContentsItem = TextResourceContents | BlobResourceContents;
/** Text or binary contents of a resource. */
export const ResourceContentsItemSchema: z.ZodMiniType<ResourceContentsItem> = resourceContentsItemSchema;

/** A resource embedded in a prompt or tool result. */
export const EmbeddedResourceSchema = z.looseObject({
  type: z.literal('resource'),
  resource: ResourceContentsItemSchema,
  annotations: z.optional(AnnotationsSchema),
  _meta: z.optional(MetaObjectSchema),
});
/** A resource embedded in a prompt or tool result. */
export interface EmbeddedResource extends z.infer<typeof EmbeddedResourceSchema> {}

const contentBlockSchema = z.discriminatedUnion('type', [
  TextContentSchema,
  ImageContentSchema,
  AudioContentSchema,
  ResourceLinkSchema,
  EmbeddedResourceSchema,
]);
/** Any content block of a tool result or prompt message. */
export type ContentBlock = TextContent | ImageContent | AudioContent | ResourceLink | EmbeddedResource;
/** Any content block of a tool result or prompt message, discriminated on `type`. */
export const ContentBlockSchema: z.ZodMiniType<ContentBlock> = contentBlockSchema;

/** A model's request to call a tool (sampling with tools). */
export const ToolUseContentSchema = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: JSONObjectSchema,
  _meta: z.optional(MetaObjectSchema),
});
/** A model's request to call a tool (sampling with tools). */
export interface ToolUseContent extends z.infer<typeof ToolUseContentSchema> {}

/** The result of a tool call, given back to the model (sampling with tools). */
export const ToolResultContentSchema = z.looseObject({
  type: z.literal('tool_result'),
  toolUseId: z.string(),
  content: z.array(ContentBlockSchema),
  structuredContent: z.optional(z.unknown()),
  isError: z.optional(z.boolean()),
  _meta: z.optional(MetaObjectSchema),
});
/** The result of a tool call, given back to the model (sampling with tools). */
export interface ToolResultContent extends z.infer<typeof ToolResultContentSchema> {}
