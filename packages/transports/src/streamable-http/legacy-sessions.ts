/**
 * Legacy-era session registry: creates a session on `initialize`, finds it by `Mcp-Session-Id`
 * (404 when unknown), ends it on DELETE or after an idle timeout.
 *
 * @module
 */
import { ErrorCode, isJSONRPCRequest, type JSONRPCMessage, type MessageInfo, type Timers } from '@mcpkit/core';
import { emptyResponse, jsonRpcErrorResponse } from '../http/responses.js';
import { inMemoryEventStores } from './event-store.js';
import { LegacySessionTransport } from './legacy-session.js';
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

interface Entry {
  transport: LegacySessionTransport;
  timer: unknown;
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
  readonly #resolved: ResolvedHandlerOptions;
  readonly #timers: Timers;
  readonly #sessions = new Map<string, Entry>();

  /**
   * @param server - gets one `connect` per session
   * @param options - session options
   * @param resolved - shared handler options
   */
  constructor(server: ConnectableServer, options: LegacySessionOptions, resolved: ResolvedHandlerOptions) {
    this.#server = server;
    this.#options = options;
    this.#resolved = resolved;
    this.#timers = resolved.timers ?? defaultTimers;
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
    this.#touch(sessionId, entry);
    const info = { ...post.info, sessionId };
    return entry.transport.handlePost(request, messages, post.batch, post.mode, headers, info);
  }

  /** Serves a GET (standalone stream or resumption). */
  handleGet(request: Request, headers: Record<string, string>): Promise<Response> {
    const found = this.#find(request, headers);
    if (found instanceof Response) return Promise.resolve(found);
    this.#touch(found.id, found.entry);
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
    const factory = this.#options.eventStore === false ? undefined : (this.#options.eventStore ?? inMemoryEventStores());
    const transport = new LegacySessionTransport({
      sessionId: id,
      eventStore: factory?.(id),
      retryMs: this.#options.retryMs ?? STREAMABLE_HTTP_DEFAULTS.retryMs,
      keepAliveMs: this.#resolved.keepAliveMs,
      timers: this.#resolved.timers,
      maxFinishedStreams: this.#options.maxFinishedStreams,
      maxUndelivered: this.#options.maxUndelivered,
    });
    const entry: Entry = { transport, timer: undefined };
    this.#sessions.set(id, entry);
    const previous = transport.onclose;
    try {
      await this.#server.connect(transport);
    } catch {
      this.#sessions.delete(id);
      return jsonRpcErrorResponse(500, ErrorCode.InternalError, 'Internal error', null, post.headers);
    }
    // The server installs its own onclose in connect; chain ours after it.
    const installed = transport.onclose ?? previous;
    transport.onclose = () => {
      installed?.();
      this.#forget(id);
    };
    this.#touch(id, entry);
    this.#options.onSessionOpened?.(id);
    const headers = { ...post.headers, 'mcp-session-id': id };
    return transport.handlePost(post.request, post.messages, false, post.mode, headers, { ...post.info, sessionId: id });
  }

  #touch(id: string, entry: Entry): void {
    if (entry.timer !== undefined) this.#timers.clearTimeout(entry.timer);
    const ttl = this.#options.idleTimeoutMs ?? STREAMABLE_HTTP_DEFAULTS.idleTimeoutMs;
    entry.timer = this.#timers.setTimeout(() => {
      entry.timer = undefined;
      if (entry.transport.busy) this.#touch(id, entry);
      else void this.#close(id);
    }, ttl);
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
    if (entry.timer !== undefined) this.#timers.clearTimeout(entry.timer);
    this.#sessions.delete(id);
    this.#options.onSessionClosed?.(id);
  }
}
