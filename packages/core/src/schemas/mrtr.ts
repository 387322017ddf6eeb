/**
 * Multi Round-Trip Requests (2026-07-28): a server that needs input answers with an
 * `input_required` result holding input requests; the client retries with `inputResponses`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ElicitRequestSchema, type ElicitRequest } from './elicitation.js';
import { inputRetryShape } from './input-responses.js';
import { ResultMetaObjectSchema, requestParamsShape } from './meta.js';
import { ListRootsRequestSchema, type ListRootsRequest } from './roots.js';
import { CreateMessageRequestSchema, type CreateMessageRequest } from './sampling.js';


const inputRequestSchema = z.discriminatedUnion('method', [
  CreateMessageRequestSchema,
  ListRootsRequestSchema,
  ElicitRequestSchema,
]);
/** One input request: sampling, roots or elicitation. */
export type InputRequest = CreateMessageRequest | ListRootsRequest | ElicitRequest;
/** One input request: sampling, roots or elicitation, discriminated on `method`. */
export const InputRequestSchema: z.ZodMiniType<InputRequest> = inputRequestSchema;

const inputRequestsSchema = z.record(z.string(), InputRequestSchema);
/** Input requests keyed by ids the server chooses. */
export type InputRequests = Record<string, InputRequest>;
/** Input requests keyed by ids the server chooses; answers use the same keys. */
export const InputRequestsSchema: z.ZodMiniType<InputRequests> = inputRequestsSchema;

/** The `resultType` of an {@link InputRequiredResult}. */
export const INPUT_REQUIRED = 'input_required';

/**
 * A result asking the client for input before the server can finish. Retry the same request with
 * `inputResponses` (same keys) and the echoed `requestState`.
 */
export const InputRequiredResultSchema = z.looseObject({
  _meta: z.optional(ResultMetaObjectSchema),
  resultType: z.string(),
  inputRequests: z.optional(InputRequestsSchema),
  requestState: z.optional(z.string()),
});
/** A result asking the client for input before the server can finish. */
export interface InputRequiredResult extends z.infer<typeof InputRequiredResultSchema> {}

/** Params of a retried request: the answers and the opaque state to echo. */
export const InputResponseRequestParamsSchema = z.looseObject({ ...requestParamsShape, ...inputRetryShape });
/** Params of a retried request. */
export interface InputResponseRequestParams extends z.infer<typeof InputResponseRequestParamsSchema> {}
