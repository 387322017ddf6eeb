/**
 * The client's answers to a modern server's input requests (Multi Round-Trip Requests), sent
 * back with the retried request.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ElicitResultSchema } from './elicitation.js';
import { ListRootsResultSchema } from './roots.js';
import { CreateMessageResultSchema } from './sampling-message.js';

/** The answer to one input request: a sampling, roots or elicitation result. */
export const InputResponseSchema = z.union([CreateMessageResultSchema, ListRootsResultSchema, ElicitResultSchema]);
/** The answer to one input request. */
export type InputResponse = z.infer<typeof InputResponseSchema>;

/** Answers keyed like the `inputRequests` they answer. */
export const InputResponsesSchema = z.record(z.string(), InputResponseSchema);
/** Answers keyed like the `inputRequests` they answer. */
export type InputResponses = z.infer<typeof InputResponsesSchema>;

/** Members a retried request adds to its params. Spread into params shapes. */
export const inputRetryShape = {
  inputResponses: z.optional(InputResponsesSchema),
  requestState: z.optional(z.string()),
};
