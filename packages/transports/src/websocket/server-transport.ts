/**
 * The server-side transport of one WebSocket connection (the `ws` package): one JSON-RPC
 * message per text frame, ping/pong keep-alive, and backpressure.
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
import type { WebSocket as WsSocket } from 'ws';
import { WebSocketCloseCode, closeCodeError } from './close-codes.js';
import { InboundQueue } from './inbound-queue.js';
import { DEFAULT_MAX_OUTBOUND_PAYLOAD, assertOutboundSize } from './outbound-limit.js';

/** Options of {@link WebSocketServerTransport}. */
export interface WebSocketServerTransportOptions {
  /** Interval between pings in ms; a peer that misses a pong is dropped. 0 disables. Default 30 000. */
  pingIntervalMs?: number;
  /**
   * Outbound bytes buffered before the transport stops reading the peer's messages (it is not
   * reading our answers, so taking more requests only grows memory). Default 1 MiB.
   */
  maxBufferedBytes?: number;
  /** Inbound messages queued (the server is behind) before reading pauses. Default 256. */
  maxQueuedMessages?: number;
  /**
   * Largest message `send` passes to the socket, in bytes: the client's `maxPayload`, over which
   * it would close the connection (1009). A bigger one is refused with `MCPKIT_MESSAGE_TOO_LARGE`,
   * so only its request fails (a response becomes an Internal error for its id). `Infinity`
   * disables the check. Default 4 MiB, the client's default.
   */
  maxOutboundPayload?: number;
  /** Facts about the connection handed to handlers (headers of the upgrade, auth). */
  info?: MessageInfo;
  /** Timers (default: the global ones). */
  timers?: Timers;
}

const globalTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** One WebSocket connection as a {@link Transport}. */
export class WebSocketServerTransport implements Transport {
  /** {@inheritDoc Transport.onmessage} */
  onmessage?: ((message: JSONRPCMessage, info?: MessageInfo) => void) | undefined;
  /** {@inheritDoc Transport.onclose} */
  onclose?: (() => void) | undefined;
  /** {@inheritDoc Transport.onerror} */
  onerror?: ((error: Error) => void) | undefined;
  readonly #socket: WsSocket;
  readonly #options: WebSocketServerTransportOptions;
  readonly #timers: Timers;
  readonly #inbound: InboundQueue<JSONRPCMessage>;
  #pingTimer: unknown;
  #alive = true;
  #outboundFull = false;
  #socketPaused = false;
  #closed = false;

  /**
   * @param socket - an open `ws` socket
   * @param options - keep-alive, backpressure and connection info
   */
  constructor(socket: WsSocket, options: WebSocketServerTransportOptions = {}) {
    this.#socket = socket;
    this.#options = options;
    this.#timers = options.timers ?? globalTimers;
    const maxQueued = options.maxQueuedMessages ?? 256;
    this.#inbound = new InboundQueue<JSONRPCMessage>({
      deliver: (message) => this.onmessage?.(message, options.info),
      maxQueued,
      batch: Math.max(1, Math.min(64, maxQueued)),
      pause: () => this.#updatePause(),
      resume: () => this.#updatePause(),
      timers: this.#timers,
    });
  }

  /** {@inheritDoc Transport.start} */
  start(): Promise<void> {
    const socket = this.#socket;
    socket.on('message', (data, isBinary) => this.#receive(data, isBinary));
    socket.on('pong', () => {
      this.#alive = true;
    });
    socket.on('error', (error) => this.onerror?.(new McpkitError(McpkitErrorCode.Transport, 'WebSocket error', { cause: error })));
    socket.on('close', (code, reason) => {
      const error = closeCodeError(code, reason.toString());
      if (error !== undefined && !this.#closed) this.onerror?.(error);
      this.#finish();
    });
    this.#schedulePing();
    return Promise.resolve();
  }

  /**
   * Sends one message as a text frame. Rejects with `MCPKIT_NOT_CONNECTED` once closed, and with
   * `MCPKIT_MESSAGE_TOO_LARGE` (sending nothing) when it is over `maxOutboundPayload`.
   */
  send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed || this.#socket.readyState !== this.#socket.OPEN) {
      return Promise.reject(new McpkitError(McpkitErrorCode.NotConnected, 'The WebSocket is closed'));
    }
    let text: string;
    try {
      text = encodeMessage(message);
      assertOutboundSize(text, this.#options.maxOutboundPayload ?? DEFAULT_MAX_OUTBOUND_PAYLOAD);
    } catch (error) {
      // A rejection, not a throw: callers chain `.catch` onto send.
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.#socket.send(text, (error) => {
        if (this.#outboundFull && this.#socket.bufferedAmount <= this.#maxBuffered() / 2) {
          this.#outboundFull = false;
          this.#updatePause();
        }
        if (error) reject(new McpkitError(McpkitErrorCode.Transport, 'WebSocket send failed', { cause: error }));
        else resolve();
      });
      if (!this.#outboundFull && this.#socket.bufferedAmount > this.#maxBuffered()) {
        this.#outboundFull = true;
        this.#updatePause();
      }
    });
  }

  /** {@inheritDoc Transport.close} */
  close(): Promise<void> {
    if (!this.#closed) this.#socket.close(WebSocketCloseCode.Normal);
    this.#finish();
    return Promise.resolve();
  }

  #receive(data: unknown, isBinary: boolean): void {
    if (this.#closed) return;
    if (isBinary) {
      this.#socket.close(WebSocketCloseCode.UnsupportedData, 'MCP messages are text frames');
      return;
    }
    const text = Array.isArray(data) ? Buffer.concat(data as Buffer[]).toString('utf8') : String(data);
    const decoded = decodeMessages(text);
    for (const error of decoded.errors) void this.send(error).catch(() => undefined);
    for (const message of decoded.messages) this.#inbound.push(message);
  }

  #maxBuffered(): number {
    return this.#options.maxBufferedBytes ?? 1024 * 1024;
  }

  /** Reading pauses while the inbound queue is full or our answers are not being read. */
  #updatePause(): void {
    const want = this.#inbound.paused || this.#outboundFull;
    if (want === this.#socketPaused || this.#closed) return;
    this.#socketPaused = want;
    if (want) this.#socket.pause();
    else this.#socket.resume();
  }

  #schedulePing(): void {
    const interval = this.#options.pingIntervalMs ?? 30_000;
    if (interval <= 0 || this.#closed) return;
    this.#pingTimer = this.#timers.setTimeout(() => {
      if (this.#closed) return;
      if (!this.#alive) {
        // No pong since the last ping: the peer is gone; terminate rather than wait for TCP.
        this.#socket.terminate();
        return;
      }
      this.#alive = false;
      this.#socket.ping();
      this.#schedulePing();
    }, interval);
  }

  #finish(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#inbound.stop();
    if (this.#pingTimer !== undefined) this.#timers.clearTimeout(this.#pingTimer);
    this.onclose?.();
  }
}
