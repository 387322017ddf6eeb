/**
 * The server-side transport of one HTTP+SSE (2024-11-05) connection: outbound messages are
 * `message` events on the GET stream; inbound ones arrive by POST.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode, type JSONRPCMessage, type MessageInfo, type Transport } from '@mcpkit/core';
import type { SseWriter } from '../http/sse-writer.js';

/** One HTTP+SSE connection, created by `createSseHandler` for each GET. */
export class SseServerTransport implements Transport {
  /** {@inheritDoc Transport.onmessage} */
  onmessage?: ((message: JSONRPCMessage, info?: MessageInfo) => void) | undefined;
  /** {@inheritDoc Transport.onclose} */
  onclose?: (() => void) | undefined;
  /** {@inheritDoc Transport.onerror} */
  onerror?: ((error: Error) => void) | undefined;
  /** The connection's session id (the `sessionId` query parameter of the POST endpoint). */
  readonly sessionId: string;
  readonly #writer: SseWriter;
  #closed = false;

  /**
   * @param sessionId - the id in the endpoint URL
   * @param writer - the GET response stream
   */
  constructor(sessionId: string, writer: SseWriter) {
    this.sessionId = sessionId;
    this.#writer = writer;
  }

  /** True once closed. */
  get closed(): boolean {
    return this.#closed;
  }

  /** {@inheritDoc Transport.start} */
  start(): Promise<void> {
    return Promise.resolve();
  }

  /** Hands a POSTed message to the server. */
  deliver(message: JSONRPCMessage, info: MessageInfo): void {
    if (!this.#closed) this.onmessage?.(message, info);
  }

  /** {@inheritDoc Transport.send} */
  send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed || !this.#writer.write({ event: 'message', data: JSON.stringify(message) })) {
      return Promise.reject(new McpkitError(McpkitErrorCode.NotConnected, 'The SSE stream is closed'));
    }
    return Promise.resolve();
  }

  /** {@inheritDoc Transport.close} */
  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    this.#writer.close();
    this.onclose?.();
    return Promise.resolve();
  }
}
