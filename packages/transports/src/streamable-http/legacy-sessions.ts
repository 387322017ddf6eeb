/**
 * Legacy-era session registry: creates a session on `initialize`, finds it by `Mcp-Session-Id`
 * (404 when unknown), ends it on DELETE or after an idle timeout.
 *
 * @module
 */
import { ErrorCode, isJSONRPCRequest, type JSONRPCMessage, type MessageInfo, type Timers } from '@mcpkit/core';
import { emptyResponse, jsonRpcErrorResponse } from '../http/responses.js';
import { inMemoryEventStores } from './event-store.js';
import { LegacySessionTransport, type LegacySessionConfig } from './legacy-session.js';
import { STREAMABLE_HTTP_DEFAULTS, type ConnectableServer, type LegacySessionOptions, type ResolvedHandlerOptions } from './options.js';
import type { ResponseMode } from './post-responder.js';

/** A crypto-random session id: 128 bits from WebCrypto as 32 hex digits. */
export function randomSessionId(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
const defaultTimers: Timers = {
  setTimeout: (fn, ms) => {
    const handle = setTimeout(fn, ms);
    // An idle-session timer must not keep the process alive.
    (handle as { unref?: () => void }).unref?.();
    return handle;
  },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** Sweeps per idle timeout: a session is closed between one and 1.25 idle timeouts after its last use. */
const SWEEPS_PER_TIMEOUT = 4;
/** Sweeps are at least this far apart (ms), so a tiny timeout does not turn the sweep into a busy loop. */
const MIN_SWEEP_MS = 1000;
/** Longest delay timers honour; a longer one would fire after 1 ms. */
const MAX_TIMER_DELAY = 2_147_483_647;

interface Entry {
  readonly transport: LegacySessionTransport;
  /** The sweep count when the session was last used. */
  seen: number;
}

/** What a legacy POST carries after parsing. */
export interface LegacyPost {
  readonly request: Request;
  readonly messages: readonly JSONRPCMessage[];
  readonly batch: boolean;
  readonly mode: ResponseMode;
  readonly headers: Record<string, string>;
  readonly info: MessageInfo;
}

/** The sessions of one handler. */
export class LegacySessions {
  readonly #server: ConnectableServer;
  readonly #options: LegacySessionOptions;
  readonly #timers: Timers;
  readonly #sessions = new Map<string, Entry>();
  /** Built once: sessions copy it with their id and share its `onClosed`, so none holds a closure of its own. */
  readonly #config: Omit<LegacySessionConfig, 'sessionId'>;
  /**
   * One timer sweeps all sessions, and needs no clock: `#sweeps` counts sweeps, plus one when the
   * timer is armed from rest. At least one interval passes between a count and the next, so a
   * session last used at count `seen` has been idle for at least `now - seen - 1` intervals.
   */
  #sweeps = 0;
  #sweepTimer: unknown;

  /**
   * @param server - gets one `connect` per session
   * @param options - session options
   * @param resolved - shared handler options
   */
  constructor(server: ConnectableServer, options: LegacySessionOptions, resolved: ResolvedHandlerOptions) {
    this.#server = server;
    this.#options = options;
    this.#timers = resolved.timers ?? defaultTimers;
    const factory = options.eventStore === false ? undefined : (options.eventStore ?? inMemoryEventStores());
    this.#config = {
      eventStore: factory,
      retryMs: options.retryMs ?? STREAMABLE_HTTP_DEFAULTS.retryMs,
      keepAliveMs: resolved.keepAliveMs,
      timers: resolved.timers,
      maxFinishedStreams: options.maxFinishedStreams,
      maxUndelivered: options.maxUndelivered,
      onClosed: (transport) => this.#forget(transport.sessionId),
    };
  }

  /** Sessions open now. */
  get size(): number {
    return this.#sessions.size;
  }

  /** The transport of a session, if open (for `closeSseStream` and tests). */
  session(sessionId: string): LegacySessionTransport | undefined {
    return this.#sessions.get(sessionId)?.transport;
  }

  /** Serves a legacy POST. */
  async handlePost(post: LegacyPost): Promise<Response> {
    const { request, messages, headers } = post;
    const sessionId = request.headers.get('mcp-session-id');
    const init = messages.find((m) => isJSONRPCRequest(m) && m.method === 'initialize');
    if (init !== undefined) {
      if (sessionId !== null) return jsonRpcErrorResponse(400, ErrorCode.InvalidRequest, 'Invalid request: the session is already initialized', null, headers);
      if (messages.length > 1) return jsonRpcErrorResponse(400, ErrorCode.InvalidRequest, 'Invalid request: initialize must be sent alone', null, headers);
      return this.#open(post);
    }
    if (sessionId === null) return jsonRpcErrorResponse(400, ErrorCode.InvalidRequest, 'Bad request: Mcp-Session-Id header is required', null, headers);
    const entry = this.#sessions.get(sessionId);
    if (entry === undefined) return jsonRpcErrorResponse(404, ErrorCode.InvalidRequest, 'Session not found', null, headers);
    entry.seen = this.#sweeps;
    const info = { ...post.info, sessionId };
    return entry.transport.handlePost(request, messages, post.batch, post.mode, headers, info);
  }

  /** Serves a GET (standalone stream or resumption). */
  handleGet(request: Request, headers: Record<string, string>): Promise<Response> {
    const found = this.#find(request, headers);
    if (found instanceof Response) return Promise.resolve(found);
    found.entry.seen = this.#sweeps;
    return found.entry.transport.handleGet(request, { ...headers, 'mcp-session-id': found.id });
  }

  /** Serves a DELETE: ends the session. */
  async handleDelete(request: Request, headers: Record<string, string>): Promise<Response> {
    const found = this.#find(request, headers);
    if (found instanceof Response) return found;
    await this.#close(found.id);
    return emptyResponse(200, headers);
  }

  /** Closes every session. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.#sessions.keys()].map((id) => this.#close(id)));
  }

  #find(request: Request, headers: Record<string, string>): { id: string; entry: Entry } | Response {
    const id = request.headers.get('mcp-session-id');
    if (id === null) return jsonRpcErrorResponse(400, ErrorCode.InvalidRequest, 'Bad request: Mcp-Session-Id header is required', null, headers);
    const entry = this.#sessions.get(id);
    return entry === undefined ? jsonRpcErrorResponse(404, ErrorCode.InvalidRequest, 'Session not found', null, headers) : { id, entry };
  }

  async #open(post: LegacyPost): Promise<Response> {
    const max = this.#options.maxSessions ?? STREAMABLE_HTTP_DEFAULTS.maxSessions;
    if (this.#sessions.size >= max) {
      return jsonRpcErrorResponse(503, ErrorCode.InternalError, 'Too many sessions; try again later', null, post.headers);
    }
    const id = (this.#options.generateSessionId ?? randomSessionId)();
    if (!VISIBLE_ASCII.test(id) || this.#sessions.has(id)) {
      return jsonRpcErrorResponse(500, ErrorCode.InternalError, 'Internal error', null, post.headers);
    }
    // The id goes first: on Node 20, optimized code gives `{ ...config, id }` a hidden class per object.
    const transport = new LegacySessionTransport({ sessionId: id, ...this.#config });
    // Not swept while connecting: its idle time starts once it is open.
    const entry: Entry = { transport, seen: Number.POSITIVE_INFINITY };
    this.#sessions.set(id, entry);
    try {
      await this.#server.connect(transport);
    } catch {
      this.#sessions.delete(id);
      return jsonRpcErrorResponse(500, ErrorCode.InternalError, 'Internal error', null, post.headers);
    }
    entry.seen = this.#sweeps;
    if (this.#sweepTimer === undefined) {
      this.#sweeps++;
      this.#armSweep();
    }
    this.#options.onSessionOpened?.(id);
    const headers = { ...post.headers, 'mcp-session-id': id };
    return transport.handlePost(post.request, post.messages, false, post.mode, headers, { ...post.info, sessionId: id });
  }

  #armSweep(): void {
    this.#sweepTimer = this.#timers.setTimeout(() => this.#sweep(), this.#sweepInterval());
  }

  #sweepInterval(): number {
    const ttl = this.#options.idleTimeoutMs ?? STREAMABLE_HTTP_DEFAULTS.idleTimeoutMs;
    return Math.min(Math.max(ttl / SWEEPS_PER_TIMEOUT, MIN_SWEEP_MS), MAX_TIMER_DELAY);
  }

  #sweep(): void {
    this.#sweepTimer = undefined;
    const ttl = this.#options.idleTimeoutMs ?? STREAMABLE_HTTP_DEFAULTS.idleTimeoutMs;
    // Intervals that make up the idle timeout (Infinity for an infinite timeout: never idle).
    const limit = Math.ceil(ttl / this.#sweepInterval());
    const now = ++this.#sweeps;
    for (const [id, entry] of this.#sessions) {
      if (now - entry.seen - 1 < limit) continue;
      // A session with a request running or a stream open is not idle: its time starts again.
      if (entry.transport.busy) entry.seen = now;
      else void this.#close(id);
    }
    if (this.#sessions.size > 0) this.#armSweep();
  }

  async #close(id: string): Promise<void> {
    const entry = this.#sessions.get(id);
    if (entry === undefined) return;
    await entry.transport.close();
    this.#forget(id);
  }

  #forget(id: string): void {
    const entry = this.#sessions.get(id);
    if (entry === undefined) return;
    this.#sessions.delete(id);
    if (this.#sessions.size === 0 && this.#sweepTimer !== undefined) {
      this.#timers.clearTimeout(this.#sweepTimer);
      this.#sweepTimer = undefined;
    }
    this.#options.onSessionClosed?.(id);
  }
}
