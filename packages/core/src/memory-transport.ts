/**
 * An in-memory transport pair: two linked {@link Transport}s in one process, for tests and for
 * embedding a server and a client in the same app.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode } from './errors.js';
import { encodeMessage } from './jsonrpc/encode.js';
import type { JSONRPCMessage } from './schemas/jsonrpc.js';
import type { MessageInfo, Transport } from './transport.js';

/** Options of {@link createMemoryTransportPair}. */
export interface MemoryTransportOptions {
  /** Transport facts attached to every message the client end sends (as the server end sees them). */
  clientInfo?: MessageInfo;
  /** Transport facts attached to every message the server end sends (as the client end sees them). */
  serverInfo?: MessageInfo;
}

class MemoryTransport implements Transport {
  onmessage?: ((message: JSONRPCMessage, info?: MessageInfo) => void) | undefined;
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  peer!: MemoryTransport;
  #started = false;
  #closed = false;
  #closeNotified = false;
  // Messages that arrive before start() wait here, so the two ends can start in any order.
  #pending: Array<() => void> | undefined = [];
  readonly #info: MessageInfo | undefined;

  constructor(info: MessageInfo | undefined) {
    this.#info = info;
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const pending = this.#pending ?? [];
    this.#pending = undefined;
    for (const deliver of pending) queueMicrotask(deliver);
  }

  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) throw new McpkitError(McpkitErrorCode.NotConnected, 'The memory transport is closed');
    // A JSON round trip: the peer never shares an object with the sender, and the value must survive the wire.
    const copy = JSON.parse(encodeMessage(message)) as JSONRPCMessage;
    this.peer.#receive(copy, this.#info);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.peer.#closed = true;
    this.#notifyClose();
    this.peer.#enqueue(() => this.peer.#notifyClose());
  }

  #receive(message: JSONRPCMessage, info: MessageInfo | undefined): void {
    this.#enqueue(() => {
      // An end that has closed receives nothing more, like a closed socket.
      if (this.#closeNotified) return;
      try {
        this.onmessage?.(message, info);
      } catch (error) {
        this.onerror?.(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  // Delivery and close go through one queue, so a message sent before close() still arrives first.
  #enqueue(task: () => void): void {
    if (this.#pending !== undefined) this.#pending.push(task);
    else queueMicrotask(task);
  }

  #notifyClose(): void {
    if (this.#closeNotified) return;
    this.#closeNotified = true;
    this.onclose?.();
  }
}

/**
 * Creates two linked in-memory transports. What one end sends, the other receives
 * asynchronously (on a microtask), in order. Each message is copied through JSON, so the ends share
 * no mutable objects and anything that would not survive a real wire fails in `send`. Closing
 * either end closes both; each end's `onclose` fires once.
 *
 * @example
 * ```ts
 * const [clientTransport, serverTransport] = createMemoryTransportPair();
 * await server.connect(serverTransport);
 * await client.connect(clientTransport);
 * ```
 */
export function createMemoryTransportPair(options?: MemoryTransportOptions): [client: Transport, server: Transport] {
  const client = new MemoryTransport(options?.clientInfo);
  const server = new MemoryTransport(options?.serverInfo);
  client.peer = server;
  server.peer = client;
  return [client, server];
}
