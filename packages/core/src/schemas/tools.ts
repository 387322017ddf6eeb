/**
 * Tools: `tools/list`, `tools/call` and `notifications/tools/list_changed`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ContentBlockSchema } from './content.js';
import { JSONObjectSchema } from './json.js';
import {
  IconSchema,
  MetaObjectSchema,
  PaginatedRequestParamsSchema,
  cacheableShape,
  notificationEnvelopeShape,
  NotificationParamsSchema,
  requestEnvelopeShape,
  requestParamsShape,
  resultShape,
} from './meta.js';
import { inputRetryShape } from './input-responses.js';
import { TaskMetadataSchema } from './tasks.js';

/** Behaviour hints about a tool. Untrusted unless the server is. */
export const ToolAnnotationsSchema = z.looseObject({
  title: z.optional(z.string()),
  readOnlyHint: z.optional(z.boolean()),
  destructiveHint: z.optional(z.boolean()),
  idempotentHint: z.optional(z.boolean()),
  openWorldHint: z.optional(z.boolean()),
});
/** Behaviour hints about a tool. Untrusted unless the server is. */
export interface ToolAnnotations extends z.infer<typeof ToolAnnotationsSchema> {}

/** 2025-11-25: whether a tool can run as a task. */
export const ToolExecutionSchema = z.looseObject({
  taskSupport: z.optional(z.enum(['forbidden', 'optional', 'required'])),
});
/** 2025-11-25: whether a tool can run as a task. */
export interface ToolExecution extends z.infer<typeof ToolExecutionSchema> {}

const jsonSchemaShape = {
  $schema: z.optional(z.string()),
  properties: z.optional(z.record(z.string(), JSONObjectSchema)),
  required: z.optional(z.array(z.string())),
};

/** A JSON Schema for a tool's arguments: always an object schema. */
export const ToolInputSchemaSchema = z.looseObject({ type: z.literal('object'), ...jsonSchemaShape });

/** A JSON Schema for a tool's `structuredContent`: an object schema before 2026-07-28, any schema since. */
export const ToolOutputSchemaSchema = z.looseObject({
  type: z.optional(z.union([z.string(), z.array(z.string())])),
  ...jsonSchemaShape,
});

const toolSchema = z.looseObject({
  name: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  inputSchema: ToolInputSchemaSchema,
  outputSchema: z.optional(ToolOutputSchemaSchema),
  annotations: z.optional(ToolAnnotationsSchema),
  execution: z.optional(ToolExecutionSchema),
  icons: z.optional(z.array(IconSchema)),
  _meta: z.optional(MetaObjectSchema),
});
/** A tool the client can call. */
export interface Tool extends z.infer<typeof toolSchema> {}
/** A tool the client can call. */
export const ToolSchema: z.ZodMiniType<Tool> = toolSchema;

/** Request: list the server's tools. */
export const ListToolsRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('tools/list'),
  params: z.optional(PaginatedRequestParamsSchema),
});
/** Request: list the server's tools. */
export interface ListToolsRequest extends z.infer<typeof ListToolsRequestSchema> {}

/** Result of `tools/list`. */
export const ListToolsResultSchema = z.looseObject({
  ...resultShape,
  ...cacheableShape,
  tools: z.array(ToolSchema),
  nextCursor: z.optional(z.string()),
});
/** Result of `tools/list`. */
export interface ListToolsResult extends z.infer<typeof ListToolsResultSchema> {}

/** Params of `tools/call`. Modern retries carry `inputResponses` and `requestState`. */
export const CallToolRequestParamsSchema = z.looseObject({
  ...requestParamsShape,
  name: z.string(),
  // A loose object passes members through without a per-key check: arguments are validated by the tool.
  arguments: z.optional(JSONObjectSchema),
  task: z.optional(TaskMetadataSchema),
  ...inputRetryShape,
});
/** Params of `tools/call`. */
export interface CallToolRequestParams extends z.infer<typeof CallToolRequestParamsSchema> {}

/** Request: call a tool. */
export const CallToolRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('tools/call'),
  params: CallToolRequestParamsSchema,
});
/** Request: call a tool. */
export interface CallToolRequest extends z.infer<typeof CallToolRequestSchema> {}

/** Result of `tools/call`. A tool error is `isError: true`, not a JSON-RPC error. */
export const CallToolResultSchema = z.looseObject({
  ...resultShape,
  content: z.array(ContentBlockSchema),
  structuredContent: z.optional(z.unknown()),
  isError: z.optional(z.boolean()),
});
/** Result of `tools/call`. A tool error is `isError: true`, not a JSON-RPC error. */
export interface CallToolResult extends z.infer<typeof CallToolResultSchema> {}

/** Notification: the list of tools changed. */
export const ToolListChangedNotificationSchema = z.looseObject({
  ...notificationEnvelopeShape,
  method: z.literal('notifications/tools/list_changed'),
  params: z.optional(NotificationParamsSchema),
});
/** Notification: the list of tools changed. */
export interface ToolListChangedNotification extends z.infer<typeof ToolListChangedNotificationSchema> {}
