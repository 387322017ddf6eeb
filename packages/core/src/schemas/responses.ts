/**
 * Complete response messages of 2026-07-28 requests. Requests that may need client input
 * (`tools/call`, `prompts/get`, `resources/read`) answer with either their result or an
 * {@link InputRequiredResultSchema | InputRequiredResult}.
 *
 * @module
 */
import * as z from 'zod/mini';
import { CompleteResultSchema, type CompleteResult } from './completion.js';
import { JSONRPC_VERSION, RequestIdSchema, type RequestId } from './jsonrpc.js';
import { DiscoverResultSchema, type DiscoverResult } from './lifecycle.js';
import { InputRequiredResultSchema, type InputRequiredResult } from './mrtr.js';
import {
  GetPromptResultSchema,
  ListPromptsResultSchema,
  type GetPromptResult,
  type ListPromptsResult,
} from './prompts.js';
import {
  ListResourceTemplatesResultSchema,
  ListResourcesResultSchema,
  ReadResourceResultSchema,
  type ListResourceTemplatesResult,
  type ListResourcesResult,
  type ReadResourceResult,
} from './resources.js';
import { SubscriptionsListenResultSchema, type SubscriptionsListenResult } from './subscriptions.js';
import { CallToolResultSchema, ListToolsResultSchema, type CallToolResult, type ListToolsResult } from './tools.js';

/** A JSON-RPC success response carrying a result of type `R`. */
export type ResultResponse<R> = { jsonrpc: typeof JSONRPC_VERSION; id: RequestId; result: R; [key: string]: unknown };

function responseOf<R>(result: z.ZodMiniType<R>): z.ZodMiniType<ResultResponse<R>> {
  return z.looseObject({ jsonrpc: z.literal(JSONRPC_VERSION), id: RequestIdSchema, result }) as z.ZodMiniType<
    ResultResponse<R>
  >;
}

/** Response to `tools/call`: the result, or input required. */
export type CallToolResultResponse = ResultResponse<InputRequiredResult | CallToolResult>;
/** Response to `tools/call`: the result, or input required. */
export const CallToolResultResponseSchema: z.ZodMiniType<CallToolResultResponse> = responseOf(
  z.union([InputRequiredResultSchema, CallToolResultSchema]),
);

/** Response to `prompts/get`: the result, or input required. */
export type GetPromptResultResponse = ResultResponse<InputRequiredResult | GetPromptResult>;
/** Response to `prompts/get`: the result, or input required. */
export const GetPromptResultResponseSchema: z.ZodMiniType<GetPromptResultResponse> = responseOf(
  z.union([InputRequiredResultSchema, GetPromptResultSchema]),
);

/** Response to `resources/read`: the result, or input required. */
export type ReadResourceResultResponse = ResultResponse<InputRequiredResult | ReadResourceResult>;
/** Response to `resources/read`: the result, or input required. */
export const ReadResourceResultResponseSchema: z.ZodMiniType<ReadResourceResultResponse> = responseOf(
  z.union([InputRequiredResultSchema, ReadResourceResultSchema]),
);

/** Response to `completion/complete`. */
export type CompleteResultResponse = ResultResponse<CompleteResult>;
/** Response to `completion/complete`. */
export const CompleteResultResponseSchema: z.ZodMiniType<CompleteResultResponse> = responseOf(CompleteResultSchema);

/** Response to `server/discover`. */
export type DiscoverResultResponse = ResultResponse<DiscoverResult>;
/** Response to `server/discover`. */
export const DiscoverResultResponseSchema: z.ZodMiniType<DiscoverResultResponse> = responseOf(DiscoverResultSchema);

/** Response to `prompts/list`. */
export type ListPromptsResultResponse = ResultResponse<ListPromptsResult>;
/** Response to `prompts/list`. */
export const ListPromptsResultResponseSchema: z.ZodMiniType<ListPromptsResultResponse> = responseOf(
  ListPromptsResultSchema,
);

/** Response to `resources/templates/list`. */
export type ListResourceTemplatesResultResponse = ResultResponse<ListResourceTemplatesResult>;
/** Response to `resources/templates/list`. */
export const ListResourceTemplatesResultResponseSchema: z.ZodMiniType<ListResourceTemplatesResultResponse> = responseOf(
  ListResourceTemplatesResultSchema,
);

/** Response to `resources/list`. */
export type ListResourcesResultResponse = ResultResponse<ListResourcesResult>;
/** Response to `resources/list`. */
export const ListResourcesResultResponseSchema: z.ZodMiniType<ListResourcesResultResponse> = responseOf(
  ListResourcesResultSchema,
);

/** Response to `tools/list`. */
export type ListToolsResultResponse = ResultResponse<ListToolsResult>;
/** Response to `tools/list`. */
export const ListToolsResultResponseSchema: z.ZodMiniType<ListToolsResultResponse> = responseOf(ListToolsResultSchema);

/** Response to `subscriptions/listen`, sent when the stream ends. */
export type SubscriptionsListenResultResponse = ResultResponse<SubscriptionsListenResult>;
/** Response to `subscriptions/listen`, sent when the stream ends. */
export const SubscriptionsListenResultResponseSchema: z.ZodMiniType<SubscriptionsListenResultResponse> = responseOf(
  SubscriptionsListenResultSchema,
);
