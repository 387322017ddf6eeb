/**
 * Completion: `completion/complete`, argument suggestions for prompts and resource templates.
 *
 * @module
 */
import * as z from 'zod/mini';
import { requestEnvelopeShape, requestParamsShape, resultShape } from './meta.js';

/** Identifies a prompt. */
export const PromptReferenceSchema = z.looseObject({
  type: z.literal('ref/prompt'),
  name: z.string(),
  title: z.optional(z.string()),
});
/** Identifies a prompt. */
export interface PromptReference extends z.infer<typeof PromptReferenceSchema> {}

/** Identifies a resource template (`ResourceReference` before 2025-06-18). */
export const ResourceTemplateReferenceSchema = z.looseObject({ type: z.literal('ref/resource'), uri: z.string() });
/** Identifies a resource template. */
export interface ResourceTemplateReference extends z.infer<typeof ResourceTemplateReferenceSchema> {}

/** Params of `completion/complete`. */
export const CompleteRequestParamsSchema = z.looseObject({
  ...requestParamsShape,
  ref: z.discriminatedUnion('type', [PromptReferenceSchema, ResourceTemplateReferenceSchema]),
  argument: z.looseObject({ name: z.string(), value: z.string() }),
  context: z.optional(z.looseObject({ arguments: z.optional(z.record(z.string(), z.string())) })),
});
/** Params of `completion/complete`. */
export interface CompleteRequestParams extends z.infer<typeof CompleteRequestParamsSchema> {}

/** Request: complete an argument value. */
export const CompleteRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('completion/complete'),
  params: CompleteRequestParamsSchema,
});
/** Request: complete an argument value. */
export interface CompleteRequest extends z.infer<typeof CompleteRequestSchema> {}

/** Result of `completion/complete`: at most 100 values. */
export const CompleteResultSchema = z.looseObject({
  ...resultShape,
  completion: z.looseObject({
    values: z.array(z.string()).check(z.maxLength(100)),
    total: z.optional(z.int()),
    hasMore: z.optional(z.boolean()),
  }),
});
/** Result of `completion/complete`. */
export interface CompleteResult extends z.infer<typeof CompleteResultSchema> {}
