/**
 * The answer to one POST: a single JSON body, or an SSE stream when the server sends messages
 * related to the request before its response (or when the client accepts only SSE).
 *
 * @module
 */
import { isJSONRPCResponse, type JSONRPCMessage, type Timers } from '@mcpkit/core';
import { jsonResponse } from '../http/responses.js';
import { createSseWriter, sseResponse, type SseWriter } from '../http/sse-writer.js';

/** How a POST is answered: decided up front (`json`, `sse`) or by what the server sends (`auto`). */
export type ResponseMode = 'auto' | 'json' | 'sse';

/** Options of a {@link PostResponder}. */
export interface PostResponderOptions {
  /** Response mode after `Accept` negotiation. */
  mode: ResponseMode;
  /** True when the POST body was a batch: a JSON answer is then an array. */
  batch: boolean;
  /** Extra response headers (session id, CORS). */
  headers: Record<string, string>;
  /** HTTP status of a JSON answer (modern era maps error codes to 400/404). Default 200. */
  statusFor?: (responses: readonly JSONRPCMessage[]) => number;
  /** The first event of an SSE answer (event id and `retry`, to prime resumption). */
  priming?: { id: string; retry?: number | undefined } | undefined;
  /** Keep-alive interval of an SSE answer in ms; 0 disables. */
  keepAliveMs: number;
  /** Timers for the keep-alive. */
  timers?: Timers | undefined;
  /** Called once if the client goes away before the answer is complete. */
  onCancel: () => void;
}

/** Writes one POST's answer. The HTTP handler awaits {@link PostResponder.response}. */
export class PostResponder {
  /** Resolves with the HTTP response once its shape is decided. */
  readonly response: Promise<Response>;
  #resolve!: (response: Response) => void;
  readonly #options: PostResponderOptions;
  readonly #buffered: { message: JSONRPCMessage; eventId: string | undefined }[] = [];
  #writer: SseWriter | undefined;
  #decided = false;
  #finished = false;

  /** @param options - how to answer */
  constructor(options: PostResponderOptions) {
    this.#options = options;
    this.response = new Promise((resolve) => {
      this.#resolve = resolve;
    });
    if (options.mode === 'sse') this.#startSse();
  }

  /** True once the final message was written (or the answer was abandoned). */
  get finished(): boolean {
    return this.#finished;
  }

  /** False when the client accepts only JSON: then only responses can reach it here. */
  get canStream(): boolean {
    return this.#options.mode !== 'json';
  }

  /** True once the answer is an SSE stream: its events carry ids the client may resume from. */
  get sseStarted(): boolean {
    return this.#writer !== undefined;
  }

  /** True while an SSE answer is connected to the client. */
  get streaming(): boolean {
    return this.#writer !== undefined && !this.#writer.closed;
  }

  /**
   * Writes a message. `final` marks the last one (every request of the POST answered).
   * Returns false if it could not reach the client (dropped, or the stream is gone).
   */
  write(message: JSONRPCMessage, final: boolean, eventId?: string): boolean {
    if (this.#finished) return false;
    if (this.#writer === undefined) {
      if (isJSONRPCResponse(message) || this.#options.mode === 'json') {
        // In JSON mode, related notifications have nowhere to go; only responses are kept.
        if (isJSONRPCResponse(message)) this.#buffered.push({ message, eventId });
        if (final) this.#answerJson();
        return isJSONRPCResponse(message);
      }
      this.#startSse();
    }
    const ok = this.#writeEvent(message, eventId);
    if (final) this.end();
    return ok;
  }

  /** Ends the answer: closes the SSE stream, or answers a still-undecided POST with what it has. */
  end(): void {
    if (this.#finished) return;
    if (this.#writer === undefined) {
      this.#answerJson();
      return;
    }
    this.#finished = true;
    this.#writer.close();
  }

  /**
   * Closes the SSE connection without finishing (polling, SEP-1699); the client resumes by GET.
   * An answer still undecided becomes an SSE stream first, so the client gets the priming event
   * (its `Last-Event-ID` and `retry`) before the connection ends.
   */
  disconnect(): void {
    if (this.#finished) return;
    if (this.#writer === undefined) {
      if (this.#options.mode === 'json') return;
      this.#startSse();
    }
    this.#writer?.close();
  }

  #writeEvent(message: JSONRPCMessage, eventId: string | undefined): boolean {
    return this.#writer?.write({ id: eventId, event: 'message', data: JSON.stringify(message) }) ?? false;
  }

  #startSse(): void {
    const writer = createSseWriter({
      keepAliveMs: this.#options.keepAliveMs,
      timers: this.#options.timers,
      onCancel: () => {
        if (this.#finished) return;
        this.#options.onCancel();
      },
    });
    this.#writer = writer;
    const priming = this.#options.priming;
    if (priming !== undefined) writer.write({ id: priming.id, retry: priming.retry, data: '' });
    for (const b of this.#buffered.splice(0)) this.#writeEvent(b.message, b.eventId);
    this.#decide(sseResponse(writer, this.#options.headers));
  }

  #answerJson(): void {
    this.#finished = true;
    const responses = this.#buffered.splice(0).map((b) => b.message);
    if (responses.length === 0) {
      this.#decide(new Response(null, { status: 202, headers: this.#options.headers }));
      return;
    }
    const status = this.#options.statusFor?.(responses) ?? 200;
    const body = this.#options.batch ? responses : responses[0];
    this.#decide(jsonResponse(body, status, this.#options.headers));
  }

  #decide(response: Response): void {
    if (this.#decided) return;
    this.#decided = true;
    this.#resolve(response);
  }
}
