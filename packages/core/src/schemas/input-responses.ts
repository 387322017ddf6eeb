/**
 * The client's answers to a modern server's input requests (Multi Round-Trip Requests), sent
 * back with the retried request.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ElicitResultSchema, type ElicitResult } from './elicitation.js';
import { ListRootsResultSchema, type ListRootsResult } from './roots.js';
import { CreateMessageResultSchema, type CreateMessageResult } from './sampling-message.js';

const inputResponseSchema = z.union([CreateMessageResultSchema, ListRootsResultSchema, ElicitResultSchema]);
/** The answer to one input request. */
export type InputResponse = CreateMessageResult | ListRootsResult | ElicitResult;
/** The answer to one input request: a sampling, roots or elicitation result. */
export const InputResponseSchema: z.ZodMiniType<InputResponse> = inputResponseSchema;

const inputResponsesSchema = z.record(z.string(), InputResponseSchema);
/** Answers keyed like the `inputRequests` they answer. */
export type InputResponses = Record<string, InputResponse>;
/** Answers keyed like the `inputRequests` they answer. */
export const InputResponsesSchema: z.ZodMiniType<InputResponses> = inputResponsesSchema;

/** Members a retried request adds to its params. Spread into params shapes. */
export const inputRetryShape = {
  inputResponses: z.optional(InputResponsesSchema),
  requestState: z.optional(z.string()),
};
