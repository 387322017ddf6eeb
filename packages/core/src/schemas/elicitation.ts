/**
 * Elicitation: `elicitation/create` (form and URL modes), the restricted JSON Schema subset a
 * form may use, the client's answer, and the legacy `notifications/elicitation/complete`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { JSONRPC_VERSION, RequestIdSchema } from './jsonrpc.js';
import { notificationEnvelopeShape, notificationParamsShape, requestParamsShape, resultShape } from './meta.js';
import { TaskMetadataSchema } from './tasks.js';

const described = { title: z.optional(z.string()), description: z.optional(z.string()) };

/** A string field of a form. */
export const StringSchemaSchema = z.looseObject({
  type: z.literal('string'),
  ...described,
  minLength: z.optional(z.int()),
  maxLength: z.optional(z.int()),
  format: z.optional(z.enum(['email', 'uri', 'date', 'date-time'])),
  default: z.optional(z.string()),
});
/** A string field of a form. */
export interface StringSchema extends z.infer<typeof StringSchemaSchema> {}

/** A number or integer field of a form. */
export const NumberSchemaSchema = z.looseObject({
  type: z.enum(['number', 'integer']),
  ...described,
  minimum: z.optional(z.number()),
  maximum: z.optional(z.number()),
  default: z.optional(z.number()),
});
/** A number or integer field of a form. */
export interface NumberSchema extends z.infer<typeof NumberSchemaSchema> {}

/** A boolean field of a form. */
export const BooleanSchemaSchema = z.looseObject({
  type: z.literal('boolean'),
  ...described,
  default: z.optional(z.boolean()),
});
/** A boolean field of a form. */
export interface BooleanSchema extends z.infer<typeof BooleanSchemaSchema> {}

const titledOption = z.looseObject({ const: z.string(), title: z.string() });

/** Single choice among plain values. */
export const UntitledSingleSelectEnumSchemaSchema = z.looseObject({
  type: z.literal('string'),
  ...described,
  enum: z.array(z.string()),
  default: z.optional(z.string()),
});
/** Single choice among plain values. */
export interface UntitledSingleSelectEnumSchema extends z.infer<typeof UntitledSingleSelectEnumSchemaSchema> {}

/** Single choice among values with display titles. */
export const TitledSingleSelectEnumSchemaSchema = z.looseObject({
  type: z.literal('string'),
  ...described,
  oneOf: z.array(titledOption),
  default: z.optional(z.string()),
});
/** Single choice among values with display titles. */
export interface TitledSingleSelectEnumSchema extends z.infer<typeof TitledSingleSelectEnumSchemaSchema> {}

const multiSelect = {
  type: z.literal('array'),
  ...described,
  minItems: z.optional(z.int()),
  maxItems: z.optional(z.int()),
};

/** Multiple choice among plain values. */
export const UntitledMultiSelectEnumSchemaSchema = z.looseObject({
  ...multiSelect,
  items: z.looseObject({ type: z.literal('string'), enum: z.array(z.string()) }),
  default: z.optional(z.array(z.string())),
});
/** Multiple choice among plain values. */
export interface UntitledMultiSelectEnumSchema extends z.infer<typeof UntitledMultiSelectEnumSchemaSchema> {}

/** Multiple choice among values with display titles. */
export const TitledMultiSelectEnumSchemaSchema = z.looseObject({
  ...multiSelect,
  items: z.looseObject({ anyOf: z.array(titledOption) }),
  default: z.optional(z.array(z.string())),
});
/** Multiple choice among values with display titles. */
export interface TitledMultiSelectEnumSchema extends z.infer<typeof TitledMultiSelectEnumSchemaSchema> {}

/** Deprecated single choice with parallel `enumNames` (the 2025-06-18 form). */
export const LegacyTitledEnumSchemaSchema = z.looseObject({
  type: z.literal('string'),
  ...described,
  enum: z.array(z.string()),
  enumNames: z.optional(z.array(z.string())),
  default: z.optional(z.string()),
});
/** Deprecated single choice with parallel `enumNames`. */
export interface LegacyTitledEnumSchema extends z.infer<typeof LegacyTitledEnumSchemaSchema> {}

/** A single-choice field. */
export const SingleSelectEnumSchemaSchema = z.union([
  UntitledSingleSelectEnumSchemaSchema,
  TitledSingleSelectEnumSchemaSchema,
]);
/** A single-choice field. */
export type SingleSelectEnumSchema = z.infer<typeof SingleSelectEnumSchemaSchema>;

/** A multiple-choice field. */
export const MultiSelectEnumSchemaSchema = z.union([
  UntitledMultiSelectEnumSchemaSchema,
  TitledMultiSelectEnumSchemaSchema,
]);
/** A multiple-choice field. */
export type MultiSelectEnumSchema = z.infer<typeof MultiSelectEnumSchemaSchema>;

/** Any choice field. */
export const EnumSchemaSchema = z.union([
  UntitledSingleSelectEnumSchemaSchema,
  TitledSingleSelectEnumSchemaSchema,
  UntitledMultiSelectEnumSchemaSchema,
  TitledMultiSelectEnumSchemaSchema,
  LegacyTitledEnumSchemaSchema,
]);
/** Any choice field. */
export type EnumSchema = z.infer<typeof EnumSchemaSchema>;

const primitiveSchemaDefinitionSchema = z.union([
  StringSchemaSchema,
  NumberSchemaSchema,
  BooleanSchemaSchema,
  UntitledSingleSelectEnumSchemaSchema,
  TitledSingleSelectEnumSchemaSchema,
  UntitledMultiSelectEnumSchemaSchema,
  TitledMultiSelectEnumSchemaSchema,
  LegacyTitledEnumSchemaSchema,
]);
/** Any field a form may contain: flat primitives only. */
export type PrimitiveSchemaDefinition = StringSchema | NumberSchema | BooleanSchema | EnumSchema;
/** Any field a form may contain: flat primitives only. */
export const PrimitiveSchemaDefinitionSchema: z.ZodMiniType<PrimitiveSchemaDefinition> =
  primitiveSchemaDefinitionSchema;

/** Params of a form-mode elicitation. `mode` may be omitted (the 2025-06-18 form). */
export const ElicitRequestFormParamsSchema = z.looseObject({
  ...requestParamsShape,
  mode: z.optional(z.literal('form')),
  message: z.string(),
  requestedSchema: z.looseObject({
    $schema: z.optional(z.string()),
    type: z.literal('object'),
    properties: z.record(z.string(), PrimitiveSchemaDefinitionSchema),
    required: z.optional(z.array(z.string())),
  }),
  task: z.optional(TaskMetadataSchema),
});
/** Params of a form-mode elicitation. */
export interface ElicitRequestFormParams extends z.infer<typeof ElicitRequestFormParamsSchema> {}

/** Params of a URL-mode elicitation: the user completes an interaction in a browser. */
export const ElicitRequestURLParamsSchema = z.looseObject({
  ...requestParamsShape,
  mode: z.literal('url'),
  message: z.string(),
  url: z.string(),
  elicitationId: z.optional(z.string()),
  task: z.optional(TaskMetadataSchema),
});
/** Params of a URL-mode elicitation. */
export interface ElicitRequestURLParams extends z.infer<typeof ElicitRequestURLParamsSchema> {}

const elicitRequestParamsSchema = z.union([ElicitRequestURLParamsSchema, ElicitRequestFormParamsSchema]);
/** Params of `elicitation/create`. */
export type ElicitRequestParams = ElicitRequestURLParams | ElicitRequestFormParams;
/** Params of `elicitation/create`: URL mode or form mode. */
export const ElicitRequestParamsSchema: z.ZodMiniType<ElicitRequestParams> = elicitRequestParamsSchema;

/**
 * Request: ask the user for input. `jsonrpc` and `id` are present on a legacy server-to-client
 * request and absent on a modern input request.
 */
export const ElicitRequestSchema = z.looseObject({
  jsonrpc: z.optional(z.literal(JSONRPC_VERSION)),
  id: z.optional(RequestIdSchema),
  method: z.literal('elicitation/create'),
  params: ElicitRequestParamsSchema,
});
/** Request: ask the user for input. */
export interface ElicitRequest extends z.infer<typeof ElicitRequestSchema> {}

/** The client's answer to `elicitation/create`. `content` is present when the user accepted a form. */
export const ElicitResultSchema = z.looseObject({
  ...resultShape,
  action: z.enum(['accept', 'decline', 'cancel']),
  content: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))),
});
/** The client's answer to `elicitation/create`. */
export interface ElicitResult extends z.infer<typeof ElicitResultSchema> {}

/** Params of `notifications/elicitation/complete`. */
export const ElicitationCompleteNotificationParamsSchema = z.looseObject({
  ...notificationParamsShape,
  elicitationId: z.string(),
});
/** Params of `notifications/elicitation/complete`. */
export interface ElicitationCompleteNotificationParams extends z.infer<typeof ElicitationCompleteNotificationParamsSchema> {}

/** Notification (2025-11-25): a URL-mode elicitation finished. */
export const ElicitationCompleteNotificationSchema = z.looseObject({
  ...notificationEnvelopeShape,
  method: z.literal('notifications/elicitation/complete'),
  params: ElicitationCompleteNotificationParamsSchema,
});
/** Notification (2025-11-25): a URL-mode elicitation finished. */
export interface ElicitationCompleteNotification extends z.infer<typeof ElicitationCompleteNotificationSchema> {}
