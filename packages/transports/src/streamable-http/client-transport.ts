/**
 * The Streamable HTTP client end, for both eras: POST with JSON or SSE answers, the legacy GET
 * stream and `Last-Event-ID` resumption, modern request metadata headers and re-issue of a
 * request whose response stream broke.
 *
 * @module
 */
import {
  McpkitError,
  decodeMessages,
  McpkitErrorCode,
  isJSONRPCNotification,
  isJSONRPCRequest,
  isJSONRPCResponse,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type MessageInfo,
  type RequestId,
  type Timers,
  type Transport,
} from '@mcpkit/core';
import { DEFAULT_RECONNECTION, reconnectDelay, type ReconnectionOptions } from '../http/backoff.js';
import type { FetchLike } from '../http/fetch-like.js';
import { errorResponseForHttpFailure, errorResponseForLostStream } from '../http/http-failure.js';
import { readBodyText } from '../http/read-body.js';
import { readSse } from '../http/sse-reader.js';
import { CLIENT_DEFAULTS, type StreamableHttpClientTransportOptions } from './client-options.js';
import { clientHeaders, modernVersionOf } from './client-headers.js';
import { ClientRequests } from './client-requests.js';

/** One SSE stream the client reads, and what it still waits for on it. */
interface StreamContext {
  readonly pending: Set<RequestId>;
  readonly request: JSONRPCRequest | undefined;
  readonly standalone: boolean;
  lastEventId: string | undefined;
  retryMs: number | undefined;
  failures: number;
  reissues: number;
}

const globalTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * A client transport for a Streamable HTTP MCP endpoint.
 *
 * @example
 * ```ts
 * const transport = new StreamableHttpClientTransport(new URL('http://127.0.0.1:3000/mcp'), {
 *   headers: { authorization: `Bearer ${token}` },
 * });
 * ```
 */
export class StreamableHttpClientTransport implements Transport {
  /** {@inheritDoc Transport.onmessage} */
  onmessage?: ((message: JSONRPCMessage, info?: MessageInfo) => void) | undefined;
  /** {@inheritDoc Transport.onclose} */
  onclose?: (() => void) | undefined;
  /** {@inheritDoc Transport.onerror} */
  onerror?: ((error: Error) => void) | undefined;
  readonly #url: URL;
  readonly #options: StreamableHttpClientTransportOptions;
  readonly #fetch: FetchLike;
  readonly #timers: Timers;
  readonly #reconnection: Required<ReconnectionOptions>;
  readonly #abort = new AbortController();
  readonly #requests = new ClientRequests();
  readonly #scheduled = new Set<unknown>();
  #sessionId: string | undefined;
  #protocolVersion: string | undefined;
  #getStreamOpened = false;
  #retryIds = 0;
  #closed = false;

  /**
   * @param url - the MCP endpoint
   * @param options - fetch, headers, reconnection and limits
   */
  constructor(url: URL | string, options: StreamableHttpClientTransportOptions = {}) {
    this.#url = new URL(url);
    this.#options = options;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#timers = options.timers ?? globalTimers;
    this.#reconnection = { ...DEFAULT_RECONNECTION, ...options.reconnection };
    this.#sessionId = options.sessionId;
    this.#protocolVersion = options.protocolVersion;
  }

  /** The legacy session id, once the server assigned one. */
  get sessionId(): string | undefined {
    return this.#sessionId;
  }

  /** The protocol version sent in `MCP-Protocol-Version` on legacy requests. */
  get protocolVersion(): string | undefined {
    return this.#protocolVersion;
  }

  /** {@inheritDoc Transport.start} */
  start(): Promise<void> {
    if (this.#closed) return Promise.reject(this.#notConnected());
    return Promise.resolve();
  }

  /** {@inheritDoc Transport.setProtocolVersion} */
  setProtocolVersion(version: string): void {
    this.#protocolVersion = version;
  }

  /** {@inheritDoc Transport.send} */
  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) throw this.#notConnected();
    if (isJSONRPCNotification(message) && message.method === 'notifications/cancelled' && this.#cancelModern(message.params?.requestId)) return;
    if (isJSONRPCRequest(message)) this.#requests.track(message, modernVersionOf(message) !== undefined);
    await this.#post(message, 0);
  }

  /** {@inheritDoc Transport.close} */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#abort.abort();
    for (const handle of this.#scheduled) this.#timers.clearTimeout(handle);
    this.#scheduled.clear();
    const sessionId = this.#sessionId;
    if (sessionId !== undefined && this.#options.terminateSessionOnClose !== false) {
      const timeout = this.#options.closeTimeoutMs ?? CLIENT_DEFAULTS.closeTimeoutMs;
      try {
        const headers = await this.#headers(undefined, { accept: 'application/json, text/event-stream' });
        const response = await this.#fetch(this.#url, { method: 'DELETE', headers, signal: AbortSignal.timeout(timeout) });
        await response.body?.cancel();
      } catch {
        // Ending the session is a courtesy; the server reaps it anyway.
      }
    }
    this.onclose?.();
  }

  async #post(message: JSONRPCMessage, reissues: number): Promise<void> {
    const headers = await this.#headers(message, {
      accept: 'application/json, text/event-stream',
      'content-type': 'application/json',
    });
    let response: Response;
    try {
      response = await this.#fetch(this.#url, { method: 'POST', headers, body: JSON.stringify(message), signal: this.#signalFor(message) });
    } catch (error) {
      if (this.#closed || (isJSONRPCRequest(message) && !this.#requests.awaits(message.id))) return;
      throw new McpkitError(McpkitErrorCode.Transport, `POST to ${this.#url.href} failed; is the server running?`, { cause: error });
    }
    const sessionId = response.headers.get('mcp-session-id');
    if (sessionId !== null && response.ok) this.#sessionId = sessionId;
    const request = isJSONRPCRequest(message) ? message : undefined;
    if (response.status === 202) {
      await response.body?.cancel();
      if (isJSONRPCNotification(message) && message.method === 'notifications/initialized') this.#openGetStream();
      return;
    }
    if (!response.ok) return this.#httpFailure(message, response, headers['mcp-session-id'] !== undefined);
    const type = (response.headers.get('content-type') ?? '').toLowerCase();
    if (type.startsWith('text/event-stream') && response.body !== null) {
      const ctx: StreamContext = { pending: new Set(request ? [request.id] : []), request, standalone: false, lastEventId: undefined, retryMs: undefined, failures: 0, reissues };
      void this.#consume(response.body, ctx);
      return;
    }
    const body = await readBodyText(response, this.#options.maxResponseBytes ?? CLIENT_DEFAULTS.maxResponseBytes);
    if (body.ok && type.startsWith('application/json')) {
      const decoded = decodeMessages(body.text);
      for (const m of decoded.messages) this.#deliver(m, undefined);
      if (decoded.errors.length > 0) this.#report(new McpkitError(McpkitErrorCode.InvalidResponse, 'The server sent a body that is not JSON-RPC'));
    }
    if (request !== undefined && this.#requests.awaits(request.id)) {
      this.#deliver(errorResponseForLostStream(request.id, 'The server answered without a JSON-RPC response'), undefined);
    }
  }

  async #httpFailure(message: JSONRPCMessage, response: Response, hadSession: boolean): Promise<void> {
    const body = await readBodyText(response, 64 * 1024);
    // A 404 for a session id means the session is gone: the client must initialize again.
    if (response.status === 404 && hadSession) this.#sessionId = undefined;
    if (isJSONRPCRequest(message)) {
      this.#deliver(errorResponseForHttpFailure(message.id, response.status, body.ok ? body.text : ''), undefined);
    } else {
      this.#report(new McpkitError(McpkitErrorCode.Transport, `HTTP ${response.status} for a ${'method' in message ? message.method : 'response'} POST`, { data: { httpStatus: response.status } }));
    }
  }

  async #consume(body: ReadableStream<Uint8Array>, ctx: StreamContext): Promise<void> {
    let events = 0;
    try {
      await readSse(body, {
        maxEventSize: this.#options.maxEventSize,
        onRetry: (ms) => {
          ctx.retryMs = ms;
        },
        onEvent: (event) => {
          events++;
          if (event.id !== undefined) ctx.lastEventId = event.id;
          if (event.data === '' || (event.event !== undefined && event.event !== 'message')) return;
          const decoded = decodeMessages(event.data);
          for (const m of decoded.messages) this.#deliver(m, ctx);
          if (decoded.errors.length > 0) this.#report(new McpkitError(McpkitErrorCode.InvalidResponse, 'The server sent an SSE event that is not JSON-RPC'));
        },
      });
    } catch (error) {
      // An event over the limit would be over it again when resumed or re-issued (re-running the tool): fail its requests.
      if (!this.#closed && !ctx.standalone && error instanceof McpkitError && error.code === McpkitErrorCode.MessageTooLarge) {
        this.#report(error);
        for (const id of ctx.pending) if (!this.#requests.awaits(id)) ctx.pending.delete(id);
        this.#lose(ctx, error.message);
        return;
      }
      // Otherwise the connection broke; what happens next depends on what the stream still owes.
    }
    if (this.#closed) return;
    if (events > 0) ctx.failures = 0;
    for (const id of ctx.pending) if (!this.#requests.awaits(id)) ctx.pending.delete(id);
    if (!ctx.standalone && ctx.pending.size === 0) return;
    if (ctx.request !== undefined && modernVersionOf(ctx.request) !== undefined) {
      this.#reissue(ctx);
      return;
    }
    if (ctx.lastEventId !== undefined || ctx.standalone) {
      // A connection that ends without a single event makes no progress: count it as a failure.
      if (events === 0 && ++ctx.failures > this.#reconnection.maxRetries) {
        if (ctx.standalone) this.#report(new McpkitError(McpkitErrorCode.Transport, 'The GET stream keeps ending without events; stopped reconnecting'));
        else this.#lose(ctx, 'The response stream could not be resumed');
        return;
      }
      this.#schedule(() => this.#get(ctx), reconnectDelay(Math.max(0, ctx.failures - 1), this.#reconnection, ctx.retryMs));
      return;
    }
    this.#lose(ctx, 'The response stream ended before the response');
  }

  async #get(ctx: StreamContext): Promise<void> {
    if (this.#closed) return;
    const extra: Record<string, string> = { accept: 'text/event-stream' };
    if (ctx.lastEventId !== undefined) extra['last-event-id'] = ctx.lastEventId;
    let response: Response | undefined;
    try {
      response = await this.#fetch(this.#url, { method: 'GET', headers: await this.#headers(undefined, extra), signal: this.#abort.signal });
    } catch {
      response = undefined;
    }
    if (this.#closed) return;
    const ok = response?.ok === true && (response.headers.get('content-type') ?? '').toLowerCase().startsWith('text/event-stream') && response.body !== null;
    if (ok && response?.body) {
      void this.#consume(response.body, ctx);
      return;
    }
    await response?.body?.cancel().catch(() => undefined);
    // 405: the server offers no GET stream; 404: the session is gone. Neither is worth retrying.
    const final = response?.status === 405 || response?.status === 404;
    if (response?.status === 404) this.#sessionId = undefined;
    if (!final && ++ctx.failures <= this.#reconnection.maxRetries) {
      this.#schedule(() => this.#get(ctx), reconnectDelay(ctx.failures - 1, this.#reconnection, ctx.retryMs));
      return;
    }
    if (ctx.standalone) {
      if (response?.status !== 405) this.#report(new McpkitError(McpkitErrorCode.Transport, 'The GET stream could not be reopened', { data: { httpStatus: response?.status } }));
      return;
    }
    this.#lose(ctx, 'The response stream could not be resumed');
  }

  #reissue(ctx: StreamContext): void {
    const request = ctx.request as JSONRPCRequest;
    if (ctx.reissues >= this.#reconnection.maxRetries) {
      this.#lose(ctx, 'The response stream broke and the request could not be re-issued');
      return;
    }
    // A broken modern stream loses the request; the spec says re-issue it with a new id.
    const id = this.#options.generateRetryId?.() ?? `mcpkit-retry-${++this.#retryIds}`;
    this.#requests.rename(request.id, id);
    const wire: JSONRPCRequest = { ...request, id };
    this.#schedule(() => this.#post(wire, ctx.reissues + 1).catch(() => {
      this.#deliver(errorResponseForLostStream(id, 'The re-issued request failed'), undefined);
    }), reconnectDelay(ctx.reissues, this.#reconnection));
  }

  /**
   * Cancels a modern request by closing its HTTP exchange, as the spec prescribes; the
   * `notifications/cancelled` itself is not sent. False for anything else (legacy: sent as is).
   */
  #cancelModern(requestId: unknown): boolean {
    if (typeof requestId !== 'string' && typeof requestId !== 'number') return false;
    return this.#requests.cancel(requestId);
  }

  #signalFor(message: JSONRPCMessage): AbortSignal {
    const own = isJSONRPCRequest(message) ? this.#requests.signalOf(message.id) : undefined;
    return own === undefined ? this.#abort.signal : AbortSignal.any([this.#abort.signal, own]);
  }

  #lose(ctx: StreamContext, reason: string): void {
    for (const id of ctx.pending) this.#deliver(errorResponseForLostStream(id, reason), undefined);
  }

  #openGetStream(): void {
    if (this.#getStreamOpened || this.#options.openGetStream === false || this.#sessionId === undefined) return;
    this.#getStreamOpened = true;
    const ctx: StreamContext = { pending: new Set(), request: undefined, standalone: true, lastEventId: undefined, retryMs: undefined, failures: 0, reissues: 0 };
    void this.#get(ctx);
  }

  #deliver(message: JSONRPCMessage, ctx: StreamContext | undefined): void {
    if (this.#closed) return;
    let out: JSONRPCMessage | undefined = message;
    if (isJSONRPCResponse(message) && message.id !== null && message.id !== undefined) {
      ctx?.pending.delete(message.id);
      // Exactly once: a response nobody waits for (a replayed duplicate) is dropped.
      out = this.#requests.settle(message, message.id);
    }
    if (out !== undefined) this.onmessage?.(out);
  }

  async #headers(message: JSONRPCMessage | undefined, extra: Record<string, string>): Promise<Record<string, string>> {
    const perMessage = message === undefined ? undefined : await this.#options.requestHeaders?.(message);
    const lookup = (name: string) => this.#options.headerParams?.(name) ?? this.#requests.headerParams(name);
    return clientHeaders({
      message,
      extra,
      staticHeaders: this.#options.headers,
      perMessage,
      sessionId: this.#sessionId,
      protocolVersion: this.#protocolVersion,
      headerParams: lookup,
    });
  }

  #schedule(fn: () => unknown, ms: number): void {
    const handle = this.#timers.setTimeout(() => {
      this.#scheduled.delete(handle);
      if (!this.#closed) void fn();
    }, ms);
    this.#scheduled.add(handle);
  }

  #report(error: Error): void {
    this.onerror?.(error);
  }

  #notConnected(): McpkitError {
    return new McpkitError(McpkitErrorCode.NotConnected, 'The transport is closed; create a new one');
  }
}

