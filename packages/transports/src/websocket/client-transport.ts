/**
 * The WebSocket client end: the global `WebSocket` in browsers (and runtimes that have one), the
 * `ws` package on Node when there is none. Subprotocol `mcp`, one JSON-RPC message per text frame.
 *
 * @module
 */
import {
  McpkitError,
  decodeMessages,
  encodeMessage,
  McpkitErrorCode,
  type JSONRPCMessage,
  type MessageInfo,
  type Timers,
  type Transport,
} from '@mcpkit/core';
import type { HeaderRecord } from '../http/fetch-like.js';
import { MCP_SUBPROTOCOL, WebSocketCloseCode, closeCodeError } from './close-codes.js';
import { DEFAULT_MAX_OUTBOUND_PAYLOAD, assertOutboundSize } from './outbound-limit.js';

/** The part of the WebSocket API this transport uses (browser `WebSocket` and `ws` both fit). */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Bytes queued by `send` and not yet sent. */
  readonly bufferedAmount: number;
  /** The subprotocol the server accepted. */
  readonly protocol: string;
  /** Queues a text frame. */
  send(data: string): void;
  /** Starts the closing handshake. */
  close(code?: number, reason?: string): void;
  /** Listens for socket events. */
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (event: { data?: unknown; code?: number; reason?: string }) => void): void;
}

/** Creates a socket: `new WebSocket(url, protocols)`, or a wrapper that adds options. */
export type WebSocketFactory = (url: string, protocols: string[]) => WebSocketLike;

/** Options of {@link WebSocketClientTransport}. */
export interface WebSocketClientTransportOptions {
  /** How to create the socket. Default: global `WebSocket`, else `ws`. */
  createSocket?: WebSocketFactory;
  /** Handshake headers (only with `ws`; browsers cannot set them). */
  headers?: HeaderRecord;
  /** Largest accepted message in bytes; a bigger one closes with 1009. Default 4 MiB. */
  maxPayload?: number;
  /**
   * Largest message `send` passes to the socket, in bytes: the server's `maxPayload`, over which
   * it would close the connection (1009). A bigger one is refused with `MCPKIT_MESSAGE_TOO_LARGE`,
   * so only its request fails. `Infinity` disables the check. Default 4 MiB, the server's default.
   */
  maxOutboundPayload?: number;
  /** `send` waits while this many bytes are buffered. Default 1 MiB. */
  maxBufferedBytes?: number;
  /** How long `start()` waits for the connection, ms. Default 10 000. */
  connectTimeoutMs?: number;
  /** Timers (default: the global ones). */
  timers?: Timers;
}

const OPEN = 1;
const globalTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

async function defaultFactory(options: WebSocketClientTransportOptions): Promise<WebSocketFactory> {
  const Global = (globalThis as { WebSocket?: new (url: string, protocols: string[]) => WebSocketLike }).WebSocket;
  if (Global !== undefined && options.headers === undefined) return (url, protocols) => new Global(url, protocols);
  const { WebSocket } = await import('ws');
  return (url, protocols) =>
    new WebSocket(url, protocols, { maxPayload: options.maxPayload ?? 4 * 1024 * 1024, headers: { ...options.headers } }) as unknown as WebSocketLike;
}

/**
 * A client transport for an MCP server reachable over WebSocket.
 *
 * @example
 * ```ts
 * const transport = new WebSocketClientTransport(new URL('ws://127.0.0.1:3002/mcp'));
 * ```
 */
export class WebSocketClientTransport implements Transport {
  /** {@inheritDoc Transport.onmessage} */
  onmessage?: ((message: JSONRPCMessage, info?: MessageInfo) => void) | undefined;
  /** {@inheritDoc Transport.onclose} */
  onclose?: (() => void) | undefined;
  /** {@inheritDoc Transport.onerror} */
  onerror?: ((error: Error) => void) | undefined;
  readonly #url: URL;
  readonly #options: WebSocketClientTransportOptions;
  readonly #timers: Timers;
  #socket: WebSocketLike | undefined;
  #closeError: McpkitError | undefined;
  #closing = false;
  #closed = false;

  /**
   * @param url - `ws:` or `wss:` URL of the endpoint
   * @param options - socket factory, limits and timers
   */
  constructor(url: URL | string, options: WebSocketClientTransportOptions = {}) {
    this.#url = new URL(url);
    this.#options = options;
    this.#timers = options.timers ?? globalTimers;
  }

  /** Why the connection closed, when it was not a normal close. */
  get closeError(): McpkitError | undefined {
    return this.#closeError;
  }

  /** Connects; resolves once the socket is open with the `mcp` subprotocol. */
  async start(): Promise<void> {
    if (this.#socket !== undefined || this.#closed) throw new McpkitError(McpkitErrorCode.NotConnected, 'start() was already called; create a new transport');
    const factory = this.#options.createSocket ?? (await defaultFactory(this.#options));
    const socket = factory(this.#url.href, [MCP_SUBPROTOCOL]);
    this.#socket = socket;
    await new Promise<void>((resolve, reject) => {
      let settled = false;
      const timer = this.#timers.setTimeout(() => fail(new McpkitError(McpkitErrorCode.Timeout, `No WebSocket connection to ${this.#url.href} in time`)), this.#options.connectTimeoutMs ?? 10_000);
      const fail = (error: McpkitError): void => {
        if (settled) return;
        settled = true;
        this.#timers.clearTimeout(timer);
        this.#closing = true;
        socket.close();
        reject(error);
      };
      socket.addEventListener('open', () => {
        if (settled) return;
        if (socket.protocol !== MCP_SUBPROTOCOL) {
          fail(new McpkitError(McpkitErrorCode.Transport, 'The server did not accept the "mcp" WebSocket subprotocol'));
          return;
        }
        settled = true;
        this.#timers.clearTimeout(timer);
        resolve();
      });
      socket.addEventListener('close', (event) => {
        if (!settled) fail(closeCodeError(event.code ?? 1006, event.reason ?? '') ?? new McpkitError(McpkitErrorCode.Transport, `WebSocket to ${this.#url.href} closed during the handshake`));
        else this.#onClose(event.code ?? 1006, event.reason ?? '');
      });
      socket.addEventListener('error', () => {
        if (!settled) fail(new McpkitError(McpkitErrorCode.Transport, `WebSocket connection to ${this.#url.href} failed`));
      });
      socket.addEventListener('message', (event) => this.#receive(event.data));
    });
  }

  /**
   * Sends one message as a text frame. Rejects with `MCPKIT_NOT_CONNECTED` unless open, and with
   * `MCPKIT_MESSAGE_TOO_LARGE` (sending nothing) when it is over `maxOutboundPayload`.
   */
  async send(message: JSONRPCMessage): Promise<void> {
    const socket = this.#socket;
    if (socket === undefined || this.#closed || socket.readyState !== OPEN) {
      throw new McpkitError(McpkitErrorCode.NotConnected, 'The WebSocket is not open');
    }
    const text = encodeMessage(message);
    // Checked before waiting for the buffer to drain: a refusal must not wait for anything.
    assertOutboundSize(text, this.#options.maxOutboundPayload ?? DEFAULT_MAX_OUTBOUND_PAYLOAD);
    const max = this.#options.maxBufferedBytes ?? 1024 * 1024;
    // Browsers have no drain event: poll until the peer has taken enough of what we sent.
    while (socket.bufferedAmount > max && socket.readyState === OPEN) {
      await new Promise<void>((resolve) => this.#timers.setTimeout(resolve, 10));
    }
    if (socket.readyState !== OPEN) throw new McpkitError(McpkitErrorCode.NotConnected, 'The WebSocket closed');
    socket.send(text);
  }

  /** {@inheritDoc Transport.close} */
  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closing = true;
    this.#socket?.close(WebSocketCloseCode.Normal);
    this.#finish();
    return Promise.resolve();
  }

  #receive(data: unknown): void {
    if (this.#closed) return;
    if (typeof data !== 'string') {
      this.#socket?.close(WebSocketCloseCode.UnsupportedData, 'MCP messages are text frames');
      return;
    }
    // Browsers have no maxPayload; enforce it here (the ws client enforces it itself).
    if (data.length > (this.#options.maxPayload ?? 4 * 1024 * 1024)) {
      this.#socket?.close(WebSocketCloseCode.MessageTooBig, 'Message too big');
      return;
    }
    const decoded = decodeMessages(data);
    for (const message of decoded.messages) this.onmessage?.(message);
    if (decoded.errors.length > 0) this.onerror?.(new McpkitError(McpkitErrorCode.InvalidResponse, 'The server sent a frame that is not JSON-RPC'));
  }

  #onClose(code: number, reason: string): void {
    const error = this.#closing ? undefined : closeCodeError(code, reason);
    if (error !== undefined) {
      this.#closeError = error;
      this.onerror?.(error);
    }
    this.#finish();
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.onclose?.();
  }
}
