/**
 * Complete response messages of 2026-07-28 requests. Requests that may need client input
 * (`tools/call`, `prompts/get`, `resources/read`) answer with either their result or an
 * {@link InputRequiredResultSchema | InputRequiredResult}.
 *
 * @module
 */
import * as z from 'zod/mini';
import { CompleteResultSchema } from './completion.js';
import { JSONRPC_VERSION, RequestIdSchema } from './jsonrpc.js';
import { DiscoverResultSchema } from './lifecycle.js';
import { InputRequiredResultSchema } from './mrtr.js';
import { GetPromptResultSchema, ListPromptsResultSchema } from './prompts.js';
import { ListResourceTemplatesResultSchema, ListResourcesResultSchema, ReadResourceResultSchema } from './resources.js';
import { SubscriptionsListenResultSchema } from './subscriptions.js';
import { CallToolResultSchema, ListToolsResultSchema } from './tools.js';

const responseOf = <R extends z.ZodMiniType>(result: R) =>
  z.looseObject({ jsonrpc: z.literal(JSONRPC_VERSION), id: RequestIdSchema, result });

/** Response to `tools/call`: the result, or input required. */
export const CallToolResultResponseSchema = responseOf(z.union([InputRequiredResultSchema, CallToolResultSchema]));
/** Response to `tools/call`. */
export type CallToolResultResponse = z.infer<typeof CallToolResultResponseSchema>;

/** Response to `prompts/get`: the result, or input required. */
export const GetPromptResultResponseSchema = responseOf(z.union([InputRequiredResultSchema, GetPromptResultSchema]));
/** Response to `prompts/get`. */
export type GetPromptResultResponse = z.infer<typeof GetPromptResultResponseSchema>;

/** Response to `resources/read`: the result, or input required. */
export const ReadResourceResultResponseSchema = responseOf(
  z.union([InputRequiredResultSchema, ReadResourceResultSchema]),
);
/** Response to `resources/read`. */
export type ReadResourceResultResponse = z.infer<typeof ReadResourceResultResponseSchema>;

/** Response to `completion/complete`. */
export const CompleteResultResponseSchema = responseOf(CompleteResultSchema);
/** Response to `completion/complete`. */
export type CompleteResultResponse = z.infer<typeof CompleteResultResponseSchema>;

/** Response to `server/discover`. */
export const DiscoverResultResponseSchema = responseOf(DiscoverResultSchema);
/** Response to `server/discover`. */
export type DiscoverResultResponse = z.infer<typeof DiscoverResultResponseSchema>;

/** Response to `prompts/list`. */
export const ListPromptsResultResponseSchema = responseOf(ListPromptsResultSchema);
/** Response to `prompts/list`. */
export type ListPromptsResultResponse = z.infer<typeof ListPromptsResultResponseSchema>;

/** Response to `resources/templates/list`. */
export const ListResourceTemplatesResultResponseSchema = responseOf(ListResourceTemplatesResultSchema);
/** Response to `resources/templates/list`. */
export type ListResourceTemplatesResultResponse = z.infer<typeof ListResourceTemplatesResultResponseSchema>;

/** Response to `resources/list`. */
export const ListResourcesResultResponseSchema = responseOf(ListResourcesResultSchema);
/** Response to `resources/list`. */
export type ListResourcesResultResponse = z.infer<typeof ListResourcesResultResponseSchema>;

/** Response to `tools/list`. */
export const ListToolsResultResponseSchema = responseOf(ListToolsResultSchema);
/** Response to `tools/list`. */
export type ListToolsResultResponse = z.infer<typeof ListToolsResultResponseSchema>;

/** Response to `subscriptions/listen`, sent when the stream ends. */
export const SubscriptionsListenResultResponseSchema = responseOf(SubscriptionsListenResultSchema);
/** Response to `subscriptions/listen`. */
export type SubscriptionsListenResultResponse = z.infer<typeof SubscriptionsListenResultResponseSchema>;
