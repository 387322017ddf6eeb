/**
 * The typed calls of the client, as functions over a small context so `Client` stays thin.
 *
 * @module
 */
import {
  McpkitError,
  McpkitErrorCode,
  type CallToolResult,
  type CompleteResult,
  type GetPromptResult,
  type ListPromptsResult,
  type ListResourceTemplatesResult,
  type ListResourcesResult,
  type ListToolsResult,
  type ReadResourceResult,
  type Tool,
} from '@mcpkit/core';
import type { CallOptions, Requester } from './requester.js';
import { invalidHeaderAnnotation, type ToolRegistry } from './tool-registry.js';

/** What the calls need from the client. */
export interface CallContext {
  /** Sends requests. */
  readonly requester: Requester;
  /** Throws `MCPKIT_CAPABILITY_MISSING` if the server did not declare `capability` (a dot path). */
  requireServer(capability: string, method: string): void;
  /** Output schemas of listed tools. */
  readonly tools: ToolRegistry;
  /** Reports a non-fatal problem (a rejected tool definition). */
  warn(error: Error): void;
}

/** Params of {@link callTool}. */
export interface CallToolParams {
  /** The tool's name. */
  name: string;
  /** The tool's arguments. */
  arguments?: Record<string, unknown>;
}

/** A tool result whose `structuredContent` is typed `S` (checked against the tool's output schema). */
export type TypedCallToolResult<S = unknown> = CallToolResult & { structuredContent?: S };

/** Params of a list call. */
export interface ListParams {
  /** The cursor of the page to fetch; absent for the first page. */
  cursor?: string;
}

function cursorParams(params: ListParams | undefined): Record<string, unknown> {
  return params?.cursor === undefined ? {} : { cursor: params.cursor };
}

/** `tools/list`, one page. Tools with invalid `x-mcp-header` annotations are dropped (SEP-2243). */
export async function listTools(ctx: CallContext, params?: ListParams, options?: CallOptions): Promise<ListToolsResult> {
  ctx.requireServer('tools', 'tools/list');
  const result = await ctx.requester.request<ListToolsResult>('tools/list', cursorParams(params), options);
  const kept: Tool[] = [];
  for (const tool of result.tools) {
    const reason = invalidHeaderAnnotation(tool.inputSchema);
    if (reason === undefined) kept.push(tool);
    else ctx.warn(new McpkitError(McpkitErrorCode.InvalidResponse, `Ignored tool ${tool.name}: ${reason}`, { data: { tool: tool.name, reason } }));
  }
  ctx.tools.remember(kept);
  return kept.length === result.tools.length ? result : { ...result, tools: kept };
}

/** `tools/call`, with `structuredContent` checked against the tool's output schema. */
export async function callTool<S = unknown>(ctx: CallContext, params: CallToolParams, options?: CallOptions): Promise<TypedCallToolResult<S>> {
  ctx.requireServer('tools', 'tools/call');
  const body: Record<string, unknown> = { name: params.name };
  if (params.arguments !== undefined) body['arguments'] = params.arguments;
  const result = await ctx.requester.request<CallToolResult>('tools/call', body, options);
  ctx.tools.check(params.name, result);
  return result as TypedCallToolResult<S>;
}

/** `resources/list`, one page. */
export async function listResources(ctx: CallContext, params?: ListParams, options?: CallOptions): Promise<ListResourcesResult> {
  ctx.requireServer('resources', 'resources/list');
  return ctx.requester.request('resources/list', cursorParams(params), options);
}

/** `resources/templates/list`, one page. */
export async function listResourceTemplates(ctx: CallContext, params?: ListParams, options?: CallOptions): Promise<ListResourceTemplatesResult> {
  ctx.requireServer('resources', 'resources/templates/list');
  return ctx.requester.request('resources/templates/list', cursorParams(params), options);
}

/** `resources/read`. */
export async function readResource(ctx: CallContext, params: { uri: string }, options?: CallOptions): Promise<ReadResourceResult> {
  ctx.requireServer('resources', 'resources/read');
  return ctx.requester.request('resources/read', { uri: params.uri }, options);
}

/** `prompts/list`, one page. */
export async function listPrompts(ctx: CallContext, params?: ListParams, options?: CallOptions): Promise<ListPromptsResult> {
  ctx.requireServer('prompts', 'prompts/list');
  return ctx.requester.request('prompts/list', cursorParams(params), options);
}

/** Params of {@link getPrompt}. */
export interface GetPromptParams {
  /** The prompt's name. */
  name: string;
  /** Values of the prompt's arguments. */
  arguments?: Record<string, string>;
}

/** `prompts/get`. */
export async function getPrompt(ctx: CallContext, params: GetPromptParams, options?: CallOptions): Promise<GetPromptResult> {
  ctx.requireServer('prompts', 'prompts/get');
  const body: Record<string, unknown> = { name: params.name };
  if (params.arguments !== undefined) body['arguments'] = params.arguments;
  return ctx.requester.request('prompts/get', body, options);
}

/** Params of {@link complete}. */
export interface CompleteParams {
  /** What is being completed: a prompt or a resource template. */
  ref: { type: 'ref/prompt'; name: string } | { type: 'ref/resource'; uri: string };
  /** The argument being completed and its current value. */
  argument: { name: string; value: string };
  /** Values of other arguments already filled in. */
  context?: { arguments?: Record<string, string> };
}

/** `completion/complete`. */
export async function complete(ctx: CallContext, params: CompleteParams, options?: CallOptions): Promise<CompleteResult> {
  ctx.requireServer('completions', 'completion/complete');
  return ctx.requester.request('completion/complete', { ...params }, options);
}
