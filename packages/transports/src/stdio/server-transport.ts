/**
 * The server end of stdio: read messages from stdin, write them to stdout.
 *
 * @module
 */
import type { Readable, Writable } from 'node:stream';
import {
  McpError,
  McpkitError,
  McpkitErrorCode,
  type JSONRPCErrorResponse,
  type JSONRPCMessage,
  type Transport,
} from '@mcpkit/core';
import { redirectConsole } from './console-redirect.js';
import type { LineFramer } from './line-framer.js';
import { LineWriter } from './line-writer.js';
import { createMessageFramer } from './message-framer.js';
import { discardedResponse, tooLargeRequestResponse, type OversizeHead } from './oversize.js';

/** Options of {@link StdioServerTransport}. */
export interface StdioServerTransportOptions {
  /** Where messages are read from. Default `process.stdin`. */
  stdin?: Readable;
  /** Where messages are written; nothing else is ever written to it. Default `process.stdout`. */
  stdout?: Writable;
  /**
   * The largest inbound message, in bytes, excluding the newline. A longer line is discarded and
   * reported to `onerror` as `MCPKIT_MESSAGE_TOO_LARGE`. A request is answered with an Invalid
   * Request (-32600) carrying its id when the line begins `{"jsonrpc":"2.0","id":…` (else
   * `id: null`); a response is replaced by an Internal error (-32603) for its id, so the request
   * it answered fails at once. Default 4 MiB (4 * 1024 * 1024).
   */
  maxMessageSize?: number;
  /**
   * While the transport is open, send `console.log`, `console.info`, `console.debug` and the other
   * stdout-writing console methods to stderr, so stray logging cannot corrupt the protocol.
   * Direct `process.stdout.write` calls are not covered. Default `false`.
   */
  redirectConsoleToStderr?: boolean;
}

/**
 * The server end of the stdio transport: one JSON-RPC message per line on stdin and stdout.
 *
 * Malformed lines are answered on stdout with the JSON-RPC error (-32700 for invalid JSON,
 * -32600 for a non-message) and reported to `onerror`; reading goes on. The transport closes when
 * stdin ends, which is how a client asks a stdio server to shut down.
 *
 * @example
 * ```ts
 * const session = new Session(new StdioServerTransport({ redirectConsoleToStderr: true }));
 * session.setRequestHandler('ping', () => ({}));
 * session.onclose = () => process.exit(0);
 * await session.start();
 * ```
 */
export class StdioServerTransport implements Transport {
  /** Called for every inbound message. */
  onmessage?: Transport['onmessage'];
  /** Called once when the transport has closed. */
  onclose?: Transport['onclose'];
  /** Called for errors that do not close the transport (malformed or oversize input, a failed write). */
  onerror?: Transport['onerror'];

  readonly #stdin: Readable;
  readonly #stdout: Writable;
  readonly #writer: LineWriter;
  readonly #framer: LineFramer;
  readonly #redirect: boolean;
  #state: 'new' | 'open' | 'closed' = 'new';
  #restoreConsole: (() => void) | undefined;

  /** @param options - streams, size limit and console redirection; every field has a default */
  constructor(options: StdioServerTransportOptions = {}) {
    this.#stdin = options.stdin ?? process.stdin;
    this.#stdout = options.stdout ?? process.stdout;
    this.#redirect = options.redirectConsoleToStderr ?? false;
    this.#writer = new LineWriter(this.#stdout);
    this.#framer = createMessageFramer(
      {
        message: (message) => this.#deliver(message),
        malformed: (response) => this.#reject(response, McpError.fromWire(response.error)),
        oversize: (error, head) => this.#oversize(error, head),
      },
      options.maxMessageSize,
    );
  }

  /** Starts reading stdin. Rejects with `MCPKIT_INVALID_ARGUMENT` if called twice. */
  async start(): Promise<void> {
    if (this.#state !== 'new') {
      throw new McpkitError(McpkitErrorCode.InvalidArgument, 'StdioServerTransport was already started');
    }
    this.#state = 'open';
    if (this.#redirect) this.#restoreConsole = redirectConsole();
    this.#stdout.on('error', this.#onStdoutError);
    this.#stdin.on('data', this.#onData);
    this.#stdin.on('end', this.#onEnd);
    this.#stdin.on('close', this.#onEnd);
    this.#stdin.on('error', this.#onStdinError);
    this.#stdin.resume();
  }

  /** Writes one message as one line. Rejects with `MCPKIT_NOT_CONNECTED` once closed. */
  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#state !== 'open') {
      throw new McpkitError(McpkitErrorCode.NotConnected, 'The stdio transport is not open; start it first');
    }
    await this.#writer.write(message);
  }

  /**
   * Stops reading stdin and fires `onclose` (if the transport was started). Idempotent. stdout is
   * left open: it belongs to the process.
   */
  async close(): Promise<void> {
    if (this.#state === 'closed') return;
    const wasOpen = this.#state === 'open';
    this.#state = 'closed';
    if (!wasOpen) return;
    // An onclose that exits the process must not lose the answers of this tick.
    this.#writer.flush();
    this.#stdin.off('data', this.#onData);
    this.#stdin.off('end', this.#onEnd);
    this.#stdin.off('close', this.#onEnd);
    // The stdin and stdout error listeners stay: an error after close must not crash the process.
    this.#stdin.pause();
    this.#restoreConsole?.();
    this.#restoreConsole = undefined;
    try {
      this.onclose?.();
    } catch (cause) {
      this.#report(new McpkitError(McpkitErrorCode.Transport, 'The onclose handler threw', { cause }));
    }
  }

  readonly #onData = (chunk: Buffer | string): void => {
    this.#framer.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  };

  readonly #onEnd = (): void => {
    this.#framer.end();
    void this.close();
  };

  readonly #onStdinError = (cause: unknown): void => {
    if (this.#state !== 'open') return;
    this.#report(new McpkitError(McpkitErrorCode.Transport, 'Reading stdin failed; the transport closes', { cause }));
    void this.close();
  };

  readonly #onStdoutError = (cause: unknown): void => {
    if (this.#state !== 'open') return;
    this.#report(new McpkitError(McpkitErrorCode.Transport, 'Writing stdout failed; the transport closes', { cause }));
    void this.close();
  };

  #deliver(message: JSONRPCMessage): void {
    if (this.#state !== 'open') return;
    try {
      this.onmessage?.(message);
    } catch (cause) {
      this.#report(new McpkitError(McpkitErrorCode.Transport, 'The onmessage handler threw', { cause }));
    }
  }

  #oversize(error: McpkitError, head: OversizeHead | undefined): void {
    if (this.#state !== 'open') return;
    const max = this.#framer.maxMessageSize;
    if (head?.kind !== 'response') {
      this.#reject(tooLargeRequestResponse(head?.id ?? null, max), error);
      return;
    }
    // Answering a response is meaningless; failing the request it answered is what helps.
    this.#report(error);
    this.#deliver(discardedResponse(head.id, max));
  }

  #reject(response: JSONRPCErrorResponse, error: Error): void {
    if (this.#state !== 'open') return;
    this.#report(error);
    this.send(response).catch((cause: unknown) => {
      this.#report(new McpkitError(McpkitErrorCode.Transport, 'Answering malformed input failed', { cause }));
    });
  }

  #report(error: Error): void {
    try {
      this.onerror?.(error);
    } catch {
      // An onerror that throws has nowhere left to report to.
    }
  }
}
