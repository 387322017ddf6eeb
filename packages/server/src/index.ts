/**
 * `@mcpkit/server`: the dual-era MCP server framework. One definition of tools, resources and
 * prompts serves 2026-07-28 clients and legacy (2025-11-25 … 2024-11-05) clients over any transport.
 *
 * @packageDocumentation
 */
export { McpServer } from './server.js';
export {
  DEFAULT_HANDLER_TIMEOUT_MS,
  DEFAULT_MAX_CONCURRENT_HANDLERS,
  DEFAULT_MAX_QUEUED_HANDLERS,
  DEFAULT_MAX_RESULT_BYTES,
  type McpServerOptions,
  type ServerInfo,
} from './options.js';
export type { ElicitFormParams, ElicitUrlParams, InputOptions, ServerContext, TraceContext } from './context/server-context.js';
export { ToolError } from './registry/tool-error.js';
export type {
  RegisteredTool,
  TaskSupport,
  ToolArgs,
  ToolConfig,
  ToolHandler,
  ToolResultInput,
  ToolReturn,
  ToolStructured,
} from './registry/tools.js';
export type {
  Completer,
  ReadResourceReturn,
  RegisteredResource,
  ResourceConfig,
  ResourceContentsInput,
  ResourceReadHandler,
  ResourceTemplateConfig,
  TemplateReadHandler,
  TemplateVariableNames,
  TemplateVariables,
} from './registry/resources.js';
export type { PromptArgs, PromptConfig, PromptHandler, PromptReturn, RegisteredPrompt } from './registry/prompts.js';
export type { CacheHints } from './registry/registry.js';
export { DEFAULT_PAGE_SIZE } from './registry/pagination.js';
export { UriTemplate, type UriVariables } from './registry/uri-template.js';
export { compose, observe, type Middleware, type MiddlewareRequest, type RequestEvent } from './middleware.js';
export { DEFAULT_REQUEST_STATE_TTL_MS } from './mrtr/request-state.js';
export type { JsonSchemaConverter, SchemaInput } from './schema/compile.js';
export type { SchemaIssue } from './schema/compile.js';
export type { InferInput, InferOutput, JsonSchemaObject, StandardSchemaV1 } from './schema/standard-schema.js';
export { InMemoryTaskStore, type InMemoryTaskStoreOptions, type TaskRecord, type TaskStatus, type TaskStore } from './tasks/task-store.js';
export { TASKS_EXTENSION } from './tasks/task-manager.js';
export {
  audio,
  audioFromUrl,
  embeddedResource,
  image,
  imageFromUrl,
  resourceLink,
  text,
  toBase64,
  type BinaryInput,
  type FetchContentOptions,
} from './content/helpers.js';
export { detectMimeType, mimeTypeFromPath } from './content/mime.js';
