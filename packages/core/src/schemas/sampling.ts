/**
 * Sampling: `sampling/createMessage`, a server asking the client's LLM. A legacy-era server
 * sends it as a request; a modern one as an input request inside an `input_required` result.
 *
 * @module
 */
import * as z from 'zod/mini';
import { JSONObjectSchema } from './json.js';
import { RequestIdSchema, JSONRPC_VERSION } from './jsonrpc.js';
import { requestParamsShape } from './meta.js';
import { ModelPreferencesSchema, SamplingMessageSchema, ToolChoiceSchema } from './sampling-message.js';
import { TaskMetadataSchema } from './tasks.js';
import { ToolSchema } from './tools.js';

/** Params of `sampling/createMessage`. */
export const CreateMessageRequestParamsSchema = z.looseObject({
  ...requestParamsShape,
  messages: z.array(SamplingMessageSchema),
  modelPreferences: z.optional(ModelPreferencesSchema),
  systemPrompt: z.optional(z.string()),
  includeContext: z.optional(z.enum(['none', 'thisServer', 'allServers'])),
  temperature: z.optional(z.number()),
  maxTokens: z.int(),
  stopSequences: z.optional(z.array(z.string())),
  metadata: z.optional(JSONObjectSchema),
  tools: z.optional(z.array(ToolSchema)),
  toolChoice: z.optional(ToolChoiceSchema),
  task: z.optional(TaskMetadataSchema),
});
/** Params of `sampling/createMessage`. */
export interface CreateMessageRequestParams extends z.infer<typeof CreateMessageRequestParamsSchema> {}

/**
 * Request: sample from the client's LLM. `jsonrpc` and `id` are present on a legacy
 * server-to-client request and absent on a modern input request.
 */
export const CreateMessageRequestSchema = z.looseObject({
  jsonrpc: z.optional(z.literal(JSONRPC_VERSION)),
  id: z.optional(RequestIdSchema),
  method: z.literal('sampling/createMessage'),
  params: CreateMessageRequestParamsSchema,
});
/** Request: sample from the client's LLM. */
export interface CreateMessageRequest extends z.infer<typeof CreateMessageRequestSchema> {}
