/**
 * The internal state every method handler reads: registries, connections, listen streams, limits.
 * One per `McpServer`, shared by all its connections.
 *
 * @module
 */
import type { ImplementationInfo, MessageInfo, ParamsObject, RequestContext, ResultObject, ServerCapabilities } from '@mcpkit/core';
import type { Cancellation } from './context/cancellation.js';
import type { ConnectionRegistry } from './context/connection.js';
import type { RequestEra } from './context/era.js';
import type { ListenHub } from './handlers/listen-hub.js';
import type { Middleware } from './middleware.js';
import type { RequestStateCodec } from './mrtr/request-state.js';
import type { PromptEntry } from './registry/prompts.js';
import type { CacheHints, Registry } from './registry/registry.js';
import type { ResourceEntry, TemplateEntry } from './registry/resources.js';
import type { ToolEntry } from './registry/tools.js';
import type { TaskManager } from './tasks/task-manager.js';

/** Resolved options: every default applied. */
export interface ResolvedLimits {
  pageSize: number;
  listCache: Required<CacheHints>;
  readCache: Required<CacheHints>;
  discoverCache: Required<CacheHints>;
  requestStateTtlMs: number;
  handlerTimeoutMs: number;
  maxResultBytes: number;
}

/** What method handlers share. */
export interface ServerCore {
  readonly info: ImplementationInfo;
  readonly instructions: string | undefined;
  readonly limits: ResolvedLimits;
  readonly tools: Registry<ToolEntry>;
  readonly resources: Registry<ResourceEntry>;
  readonly templates: Registry<TemplateEntry>;
  readonly prompts: Registry<PromptEntry>;
  readonly connections: ConnectionRegistry;
  readonly listeners: ListenHub;
  readonly codec: RequestStateCodec;
  readonly tasks: TaskManager;
  readonly middleware: readonly Middleware[];
  /** Legacy era: a client's roots changed (see `McpServerOptions.onRootsListChanged`). */
  readonly onRootsListChanged: ((connection: MessageInfo | undefined) => void) | undefined;
  /** Capabilities derived from what is registered, plus the declared ones. */
  capabilities(): ServerCapabilities;
  /** Reports an error that is not sent to the client. */
  report(error: Error): void;
}

/** One request as a method handler sees it. */
export interface Call {
  readonly rctx: RequestContext;
  readonly era: RequestEra;
  readonly params: ParamsObject;
  readonly meta: Record<string, unknown>;
  /** Cancellation, connection close and handler timeout; its `signal` is created only when read. */
  readonly cancellation: Cancellation;
}

/** Serves one method. */
export type MethodHandler = (core: ServerCore, call: Call) => Promise<ResultObject>;

/** The caching fields of a modern result; nothing in the legacy era. */
export function cacheFields(call: Call, hints: { ttlMs: number; cacheScope: 'public' | 'private' }): ResultObject {
  return call.era.era === 'modern' ? { ttlMs: hints.ttlMs, cacheScope: hints.cacheScope } : {};
}
