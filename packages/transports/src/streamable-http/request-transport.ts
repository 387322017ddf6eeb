/**
 * The per-request server-side transport of the modern era: one inbound message, the messages the
 * server sends for it, then closed. Cheap to create.
 *
 * @module
 */
import {
  ErrorCode,
  JSONRPC_VERSION,
  McpkitError,
  McpkitErrorCode,
  isJSONRPCResponse,
  type JSONRPCMessage,
  type MessageInfo,
  type RequestId,
  type Transport,
} from '@mcpkit/core';
import type { PostResponder } from './post-responder.js';

/** A transport serving exactly one modern-era request (or notification). */
export class RequestTransport implements Transport {
  /** {@inheritDoc Transport.onmessage} */
  onmessage?: ((message: JSONRPCMessage, info?: MessageInfo) => void) | undefined;
  /** {@inheritDoc Transport.onclose} */
  onclose?: (() => void) | undefined;
  /** {@inheritDoc Transport.onerror} */
  onerror?: ((error: Error) => void) | undefined;
  readonly #requestId: RequestId | undefined;
  readonly #responder: PostResponder | undefined;
  readonly #onClosed: (() => void) | undefined;
  #closed = false;

  /**
   * @param requestId - the id of the request served, or `undefined` for a notification
   * @param responder - where its answer goes (absent for a notification)
   * @param onClosed - called once on close, whatever the server did with `onclose`
   */
  constructor(requestId: RequestId | undefined, responder: PostResponder | undefined, onClosed?: () => void) {
    this.#requestId = requestId;
    this.#responder = responder;
    this.#onClosed = onClosed;
  }

  /** {@inheritDoc Transport.start} */
  start(): Promise<void> {
    return Promise.resolve();
  }

  /** Hands the inbound message to the server. */
  deliver(message: JSONRPCMessage, info: MessageInfo): void {
    if (this.#closed) return;
    this.onmessage?.(message, info);
  }

  /** {@inheritDoc Transport.send} */
  send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed || this.#responder === undefined) {
      return Promise.reject(new McpkitError(McpkitErrorCode.NotConnected, 'The HTTP request this message belongs to has ended'));
    }
    // Everything sent here belongs to the one request this transport serves.
    const final = isJSONRPCResponse(message) && message.id === this.#requestId;
    this.#responder.write(message, final);
    if (final) void this.close();
    return Promise.resolve();
  }

  /** {@inheritDoc Transport.close} */
  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    if (this.#responder !== undefined && !this.#responder.finished && this.#requestId !== undefined) {
      // The server gave up without answering: the client still gets a response for its id.
      const error = { code: ErrorCode.InternalError, message: 'The server closed the request without answering' };
      this.#responder.write({ jsonrpc: JSONRPC_VERSION, id: this.#requestId, error }, true);
    }
    this.#onClosed?.();
    this.onclose?.();
    return Promise.resolve();
  }
}
