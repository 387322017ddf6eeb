/**
 * Options of the Streamable HTTP server end.
 *
 * @module
 */
import type { Timers, Transport } from '@mcpkit/core';
import type { Authenticate } from '../http/authenticate.js';
import type { CorsOptions } from '../http/cors.js';
import type { DnsRebindingOptions } from '../http/security.js';
import type { EventStoreFactory } from './event-store.js';
import type { ResponseMode } from './post-responder.js';
import type { HeaderParam } from './x-mcp-header.js';

/** Anything that can serve a transport: `McpServer` and test doubles alike. */
export interface ConnectableServer {
  /**
   * Serves one transport. Called once per legacy session and once per modern request, so it must
   * accept many transports at a time.
   */
  connect(transport: Transport): Promise<void>;
  /**
   * Optional: the `inputSchema` of a tool, so the handler can check `Mcp-Param-*` headers
   * against `x-mcp-header` arguments without being told (`modern.headerParams` wins).
   */
  toolInputSchema?(toolName: string): unknown;
}

/** Legacy-era (2025-03-26 … 2025-11-25) session options. */
export interface LegacySessionOptions {
  /** Session id generator. Default: 128 random bits from WebCrypto as 32 hex digits. */
  generateSessionId?: () => string;
  /**
   * A session with no request and no open stream for this long is closed. One timer checks all
   * sessions a quarter of this apart (at least 1 s apart), so an idle session may live up to a
   * quarter longer (for timeouts under 4 s, up to 2 s longer). Default 30 min.
   */
  idleTimeoutMs?: number;
  /** Sessions open at once; an `initialize` past this gets 503. Default 10 000. */
  maxSessions?: number;
  /** Per-session event store for `Last-Event-ID` resumption, or `false` to disable. Default: in memory. */
  eventStore?: EventStoreFactory | false;
  /** The `retry` (ms) sent in the priming event of every resumable SSE stream. Default 1000. */
  retryMs?: number;
  /** Answered streams per session that stay resumable; older ones are forgotten. Default 100. */
  maxFinishedStreams?: number;
  /** Unrelated messages per session kept while no GET stream is open (oldest dropped). Default 1000. */
  maxUndelivered?: number;
  /** Called when a session is created. */
  onSessionOpened?: (sessionId: string) => void;
  /** Called when a session is closed (DELETE, idle timeout or server close). */
  onSessionClosed?: (sessionId: string) => void;
}

/** Modern-era (2026-07-28) options. */
export interface ModernRequestOptions {
  /**
   * The `x-mcp-header` annotations of a tool, so `Mcp-Param-*` headers can be checked against
   * the arguments. Without it only the standard headers are checked.
   */
  headerParams?: (toolName: string) => readonly HeaderParam[] | undefined;
  /** Modern requests in flight at once (long-lived `subscriptions/listen` streams count); past it 503. Default 1000. */
  maxConcurrentRequests?: number;
}

/** Options of `createStreamableHttpHandler`. Secure by default. */
export interface StreamableHttpHandlerOptions {
  /** `Host`/`Origin` allow-lists (403 otherwise). Default: loopback only. `false` disables. */
  dnsRebindingProtection?: DnsRebindingOptions | false;
  /** CORS for browser clients. Default: off. */
  cors?: CorsOptions;
  /** Largest accepted body in bytes (413 past it). Default 4 MiB. */
  maxBodyBytes?: number;
  /**
   * How requests are answered. `auto` picks JSON unless related messages come first. `json`
   * answers with JSON, except a request carrying `_meta.progressToken` from a client that accepts
   * `text/event-stream`: that one is answered as in `auto`, so its progress reaches the client
   * before the result. Default `auto`.
   */
  responseMode?: ResponseMode;
  /** Keep-alive comment interval on SSE streams in ms; 0 disables. Default 15 000. */
  keepAliveMs?: number;
  /** Timers (default: the global ones). */
  timers?: Timers;
  /** Authenticates every request; its facts reach handlers as `authInfo`. Throw to refuse (401). */
  authenticate?: Authenticate;
  /** Legacy sessions; `false` serves only the modern era (GET/DELETE → 405). */
  legacy?: LegacySessionOptions | false;
  /** Modern stateless requests; `false` serves only the legacy era. */
  modern?: ModernRequestOptions | false;
}

/** The defaults, named so docs and tests can refer to them. */
export const STREAMABLE_HTTP_DEFAULTS = {
  maxBodyBytes: 4 * 1024 * 1024,
  keepAliveMs: 15_000,
  idleTimeoutMs: 30 * 60 * 1000,
  maxSessions: 10_000,
  retryMs: 1000,
  maxConcurrentRequests: 1000,
} as const;

/** Options after defaults, shared by the era handlers. */
export interface ResolvedHandlerOptions {
  readonly responseMode: ResponseMode;
  readonly keepAliveMs: number;
  readonly timers: Timers | undefined;
}
