/**
 * Sampling messages and results: what a server sends to the client's LLM and what comes back.
 *
 * @module
 */
import * as z from 'zod/mini';
import {
  AudioContentSchema,
  ImageContentSchema,
  TextContentSchema,
  ToolResultContentSchema,
  ToolUseContentSchema,
  type AudioContent,
  type ImageContent,
  type TextContent,
  type ToolResultContent,
  type ToolUseContent,
} from './content.js';
import { MetaObjectSchema, RoleSchema, resultShape } from './meta.js';

const samplingMessageContentBlockSchema = z.discriminatedUnion('type', [
  TextContentSchema,
  ImageContentSchema,
  AudioContentSchema,
  ToolUseContentSchema,
  ToolResultContentSchema,
]);
/** A content block of a sampling message. */
export type SamplingMessageContentBlock =
  | TextContent
  | ImageContent
  | AudioContent
  | ToolUseContent
  | ToolResultContent;
/** A content block of a sampling message, discriminated on `type`. */
export const SamplingMessageContentBlockSchema: z.ZodMiniType<SamplingMessageContentBlock> =
  samplingMessageContentBlockSchema;

const samplingContent = z.union([SamplingMessageContentBlockSchema, z.array(SamplingMessageContentBlockSchema)]);

const samplingMessageSchema = z.looseObject({
  role: RoleSchema,
  content: samplingContent,
  _meta: z.optional(MetaObjectSchema),
});
/** One message of a sampling conversation. */
export interface SamplingMessage extends z.infer<typeof samplingMessageSchema> {}
/** One message of a sampling conversation. */
export const SamplingMessageSchema: z.ZodMiniType<SamplingMessage> = samplingMessageSchema;

/** A hint for model selection: a (sub)string of a model name. */
export const ModelHintSchema = z.looseObject({ name: z.optional(z.string()) });
/** A hint for model selection. */
export interface ModelHint extends z.infer<typeof ModelHintSchema> {}

const priority = z.optional(z.number().check(z.gte(0), z.lte(1)));

const modelPreferencesSchema = z.looseObject({
  hints: z.optional(z.array(ModelHintSchema)),
  costPriority: priority,
  speedPriority: priority,
  intelligencePriority: priority,
});
/** The server's preferences for model selection; the client decides. */
export interface ModelPreferences extends z.infer<typeof modelPreferencesSchema> {}
/** The server's preferences for model selection; the client decides. */
export const ModelPreferencesSchema: z.ZodMiniType<ModelPreferences> = modelPreferencesSchema;

/** How the model may use the offered tools. */
export const ToolChoiceSchema = z.looseObject({ mode: z.optional(z.enum(['auto', 'required', 'none'])) });
/** How the model may use the offered tools. */
export interface ToolChoice extends z.infer<typeof ToolChoiceSchema> {}

/** The client's answer to `sampling/createMessage`. */
export const CreateMessageResultSchema = z.looseObject({
  ...resultShape,
  role: RoleSchema,
  content: samplingContent,
  model: z.string(),
  stopReason: z.optional(z.string()),
});
/** The client's answer to `sampling/createMessage`. */
export interface CreateMessageResult extends z.infer<typeof CreateMessageResultSchema> {}
