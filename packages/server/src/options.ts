/**
 * Options of an `McpServer`, with their documented defaults.
 *
 * @module
 */
import type { ImplementationInfo, MessageInfo, ServerCapabilities, SessionOptions } from '@mcpkit/core';
import type { Middleware } from './middleware.js';
import type { CacheHints } from './registry/registry.js';
import type { JsonSchemaConverter } from './schema/compile.js';
import type { TaskStore } from './tasks/task-store.js';

/** Default maximum of handlers running at once across all connections. */
export const DEFAULT_MAX_CONCURRENT_HANDLERS = 64;
/** Default maximum of requests waiting for a handler slot. */
export const DEFAULT_MAX_QUEUED_HANDLERS = 1024;
/** Default handler timeout: 5 minutes. */
export const DEFAULT_HANDLER_TIMEOUT_MS = 5 * 60_000;
/**
 * Default largest result, in bytes of JSON: 4 MiB less 64 KiB of room for the JSON-RPC envelope
 * and framing, so a result that passes here also fits every transport's default 4 MiB inbound
 * limit, and a larger one is a clean "result too large" error instead of a dropped connection.
 */
export const DEFAULT_MAX_RESULT_BYTES = 4 * 1024 * 1024 - 64 * 1024;

/** Options of `new McpServer(info, options)`. Every limit has a default. */
export interface McpServerOptions {
  /** Guidance for the model, sent in `initialize` and `server/discover`. */
  instructions?: string;
  /** Capabilities to declare on top of those derived from what is registered. */
  capabilities?: ServerCapabilities;
  /** Items per page of every list method. Default 100. */
  pageSize?: number;
  /** Caching hints of list results. Default `{ ttlMs: 0, scope: 'public' }`. */
  listCache?: CacheHints;
  /** Caching hints of `resources/read` results (overridden per resource). Default `{ ttlMs: 0, scope: 'private' }`. */
  readCache?: CacheHints;
  /** Caching hints of `server/discover`. Default `{ ttlMs: 0, scope: 'public' }`. */
  discoverCache?: CacheHints;
  /**
   * Key of the HMAC that signs `requestState` (≥ 16 bytes). Default: random per process, so a state
   * only works on the process that made it. **N replicas behind a load balancer need a shared secret.**
   */
  requestStateSecret?: string | Uint8Array;
  /** Lifetime of a `requestState` in ms. Default 600 000 (10 minutes). */
  requestStateTtlMs?: number;
  /** Converts Standard Schemas without Standard JSON Schema support (zod 3: zod-to-json-schema). */
  jsonSchemaConverter?: JsonSchemaConverter;
  /** Handlers running at once across all connections; more wait in a queue. Default 64. */
  maxConcurrentHandlers?: number;
  /** Requests allowed to wait for a slot; past it, -32603 "overloaded". Default 1024. */
  maxQueuedHandlers?: number;
  /** Abort a handler (and answer -32603) after this many ms; 0 disables. Default 300 000. */
  handlerTimeoutMs?: number;
  /** Largest result, in bytes of JSON; larger ones become -32603. Default 4 MiB less 64 KiB (fits the transports' default inbound limit). */
  maxResultBytes?: number;
  /** Middleware around every request, outermost first. */
  middleware?: Middleware[];
  /** Tasks extension: where tasks live. Default: an in-memory store. */
  taskStore?: TaskStore;
  /** Tasks extension: lifetime and suggested poll interval of new tasks (ms). Default 1 h / 500 ms. */
  tasks?: { ttlMs?: number; pollIntervalMs?: number };
  /** Options of each connection's session (timeouts of server-to-client requests, ...). */
  session?: Omit<SessionOptions, 'handlers'>;
  /** The clock, ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Called for errors that are not sent to the client (a tool threw, a notification failed). */
  onerror?: (error: Error) => void;
  /**
   * Legacy era: called when a client sends `notifications/roots/list_changed`, with what the
   * transport knows of that connection (its session id). Drop roots cached for it. (In the modern
   * era roots come with each request round, so there is nothing to invalidate.)
   */
  onRootsListChanged?: (connection: MessageInfo | undefined) => void;
}

/** Identity of the server (the spec's `Implementation`). */
export type ServerInfo = ImplementationInfo;
