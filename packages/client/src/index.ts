/**
 * `@mcpkit/client`: one MCP client for every server, modern (2026-07-28) and legacy alike.
 *
 * @packageDocumentation
 */
export { Client } from './client.js';
export { DEFAULT_PROBE_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, type ClientOptions } from './options.js';
export type { CallOptions } from './requester.js';
export type { CallToolParams, CompleteParams, GetPromptParams, ListParams, TypedCallToolResult } from './calls.js';
export type {
  ElicitationOptions,
  FormElicitationHandler,
  InputContext,
  RootsHandler,
  RootsOptions,
  SamplingHandler,
  SamplingOptions,
  UrlElicitationHandler,
} from './input-handlers.js';
export { applyElicitationDefaults, type ElicitContent, type ElicitValue } from './elicitation-defaults.js';
export { ResponseCache, type ResponseCacheOptions } from './cache.js';
export { DEFAULT_MAX_INPUT_ROUNDS } from './mrtr.js';
export type { ClientEventListener, ClientEventName, ClientEvents, LogMessageEvent } from './events.js';
export type { ListenFilter, Subscription } from './subscriptions.js';
export type { PaginateOptions } from './pagination.js';
