/**
 * Options of the Streamable HTTP client end.
 *
 * @module
 */
import type { JSONRPCMessage, RequestId, Timers } from '@mcpkit/core';
import type { ReconnectionOptions } from '../http/backoff.js';
import type { FetchLike, HeaderRecord } from '../http/fetch-like.js';
import type { HeaderParam } from './x-mcp-header.js';

/** Options of `StreamableHttpClientTransport`. */
export interface StreamableHttpClientTransportOptions {
  /** The `fetch` to use. Default: the global one. */
  fetch?: FetchLike;
  /** Headers sent on every HTTP request (authorization, tenant …). */
  headers?: HeaderRecord;
  /** Headers computed per message (called for every POST). */
  requestHeaders?: (message: JSONRPCMessage) => HeaderRecord | undefined | Promise<HeaderRecord | undefined>;
  /** A legacy session id to continue (from an earlier `transport.sessionId`). */
  sessionId?: string;
  /** The protocol version for the `MCP-Protocol-Version` header until `setProtocolVersion` is called. */
  protocolVersion?: string;
  /** Reconnection of broken SSE streams (legacy: GET with `Last-Event-ID`; modern: re-issue). */
  reconnection?: ReconnectionOptions;
  /** Open the legacy standalone GET stream after `notifications/initialized`. Default true. */
  openGetStream?: boolean;
  /** Send DELETE to end the legacy session on `close()`. Default true. */
  terminateSessionOnClose?: boolean;
  /** How long `close()` waits for the DELETE, ms. Default 2000. */
  closeTimeoutMs?: number;
  /** Largest SSE event accepted, in characters. Default 4 MiB. */
  maxEventSize?: number;
  /** Largest JSON response body accepted, in bytes. Default 16 MiB. */
  maxResponseBytes?: number;
  /**
   * `x-mcp-header` annotations per tool, for `Mcp-Param-*` headers. By default the transport
   * learns them from the `tools/list` results it carries.
   */
  headerParams?: (toolName: string) => readonly HeaderParam[] | undefined;
  /** Ids for re-issued modern requests (must not collide with the session's). Default `mcpkit-retry-{n}`. */
  generateRetryId?: () => RequestId;
  /** Timers (default: the global ones). */
  timers?: Timers;
}

/** Defaults of the client options, named so docs and tests can refer to them. */
export const CLIENT_DEFAULTS = {
  closeTimeoutMs: 2000,
  maxResponseBytes: 16 * 1024 * 1024,
} as const;
