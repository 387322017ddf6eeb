/**
 * The HTTP+SSE (2024-11-05) client end: GET the stream, wait for the `endpoint` event, POST
 * messages there; responses arrive as `message` events.
 *
 * @module
 */
import {
  McpkitError,
  decodeMessages,
  McpkitErrorCode,
  isJSONRPCRequest,
  type JSONRPCMessage,
  type MessageInfo,
  type Timers,
  type Transport,
} from '@mcpkit/core';
import type { FetchLike, HeaderRecord } from '../http/fetch-like.js';
import { errorResponseForHttpFailure } from '../http/http-failure.js';
import { readBodyText } from '../http/read-body.js';
import { readSse } from '../http/sse-reader.js';

/** Options of {@link SseClientTransport}. */
export interface SseClientTransportOptions {
  /** The `fetch` to use. Default: the global one. */
  fetch?: FetchLike;
  /** Headers sent on the GET and every POST. */
  headers?: HeaderRecord;
  /** How long `start()` waits for the `endpoint` event, ms. Default 10 000. */
  endpointTimeoutMs?: number;
  /** Largest SSE event accepted, in characters. Default 4 MiB. */
  maxEventSize?: number;
  /** Timers (default: the global ones). */
  timers?: Timers;
}

const globalTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * A client transport for servers that speak only the deprecated HTTP+SSE transport.
 *
 * @example
 * ```ts
 * const transport = new SseClientTransport(new URL('http://127.0.0.1:3001/sse'));
 * await transport.start(); // resolves once the endpoint event arrived
 * ```
 */
export class SseClientTransport implements Transport {
  /** {@inheritDoc Transport.onmessage} */
  onmessage?: ((message: JSONRPCMessage, info?: MessageInfo) => void) | undefined;
  /** {@inheritDoc Transport.onclose} */
  onclose?: (() => void) | undefined;
  /** {@inheritDoc Transport.onerror} */
  onerror?: ((error: Error) => void) | undefined;
  readonly #url: URL;
  readonly #options: SseClientTransportOptions;
  readonly #fetch: FetchLike;
  readonly #abort = new AbortController();
  #endpoint: URL | undefined;
  #started = false;
  #closed = false;

  /**
   * @param url - the SSE endpoint (the GET URL)
   * @param options - fetch, headers and limits
   */
  constructor(url: URL | string, options: SseClientTransportOptions = {}) {
    this.#url = new URL(url);
    this.#options = options;
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  }

  /** The POST endpoint announced by the server, once known. */
  get endpoint(): URL | undefined {
    return this.#endpoint;
  }

  /** The session id in the endpoint URL, once known. */
  get sessionId(): string | undefined {
    return this.#endpoint?.searchParams.get('sessionId') ?? undefined;
  }

  /** Opens the stream; resolves when the `endpoint` event has arrived. */
  async start(): Promise<void> {
    if (this.#closed) throw new McpkitError(McpkitErrorCode.NotConnected, 'The transport is closed; create a new one');
    if (this.#started) return;
    this.#started = true;
    let response: Response;
    try {
      response = await this.#fetch(this.#url, { headers: { ...this.#options.headers, accept: 'text/event-stream' }, signal: this.#abort.signal });
    } catch (error) {
      throw new McpkitError(McpkitErrorCode.Transport, `GET ${this.#url.href} failed; is the server running?`, { cause: error });
    }
    const type = (response.headers.get('content-type') ?? '').toLowerCase();
    if (!response.ok || !type.startsWith('text/event-stream') || response.body === null) {
      await response.body?.cancel().catch(() => undefined);
      throw new McpkitError(McpkitErrorCode.Transport, `GET ${this.#url.href} did not open an SSE stream (HTTP ${response.status})`, { data: { httpStatus: response.status } });
    }
    await this.#read(response.body);
  }

  /** {@inheritDoc Transport.send} */
  async send(message: JSONRPCMessage): Promise<void> {
    const endpoint = this.#endpoint;
    if (this.#closed || endpoint === undefined) {
      throw new McpkitError(McpkitErrorCode.NotConnected, 'The transport is not connected; call start() first');
    }
    let response: Response;
    try {
      response = await this.#fetch(endpoint, {
        method: 'POST',
        headers: { ...this.#options.headers, 'content-type': 'application/json' },
        body: JSON.stringify(message),
        signal: this.#abort.signal,
      });
    } catch (error) {
      if (this.#closed) return;
      throw new McpkitError(McpkitErrorCode.Transport, `POST ${endpoint.href} failed`, { cause: error });
    }
    const body = await readBodyText(response, 64 * 1024);
    if (response.ok) return;
    if (isJSONRPCRequest(message)) this.onmessage?.(errorResponseForHttpFailure(message.id, response.status, body.ok ? body.text : ''));
    else this.onerror?.(new McpkitError(McpkitErrorCode.Transport, `HTTP ${response.status} for a POST`, { data: { httpStatus: response.status } }));
  }

  /** {@inheritDoc Transport.close} */
  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    this.#abort.abort();
    this.onclose?.();
    return Promise.resolve();
  }

  #read(body: ReadableStream<Uint8Array>): Promise<void> {
    const timers = this.#options.timers ?? globalTimers;
    return new Promise<void>((resolve, reject) => {
      let settled = false;
      const settle = (error?: Error): void => {
        if (settled) return;
        settled = true;
        timers.clearTimeout(timer);
        if (error === undefined) resolve();
        else reject(error);
      };
      const timer = timers.setTimeout(() => {
        settle(new McpkitError(McpkitErrorCode.Timeout, 'The server sent no endpoint event in time'));
        void this.close();
      }, this.#options.endpointTimeoutMs ?? 10_000);
      readSse(body, {
        maxEventSize: this.#options.maxEventSize,
        onEvent: (event) => {
          if (event.event === 'endpoint') {
            this.#setEndpoint(event.data, settle);
            return;
          }
          if (event.event !== undefined && event.event !== 'message') return;
          const decoded = decodeMessages(event.data);
          for (const m of decoded.messages) this.onmessage?.(m);
          if (decoded.errors.length > 0) this.onerror?.(new McpkitError(McpkitErrorCode.InvalidResponse, 'The server sent an SSE event that is not JSON-RPC'));
        },
      })
        .catch(() => undefined)
        .finally(() => {
          // HTTP+SSE has no resumption: the end of the stream is the end of the connection.
          settle(new McpkitError(McpkitErrorCode.ConnectionClosed, 'The SSE stream ended before the endpoint event'));
          void this.close();
        });
    });
  }

  #setEndpoint(data: string, settle: (error?: Error) => void): void {
    let endpoint: URL;
    try {
      endpoint = new URL(data, this.#url);
    } catch {
      settle(new McpkitError(McpkitErrorCode.InvalidResponse, 'The endpoint event is not a URL'));
      return;
    }
    // Posting elsewhere would hand our messages to a third party.
    if (endpoint.origin !== this.#url.origin) {
      settle(new McpkitError(McpkitErrorCode.InvalidResponse, `The endpoint ${endpoint.origin} is not on the server's origin`));
      void this.close();
      return;
    }
    this.#endpoint = endpoint;
    settle();
  }
}
