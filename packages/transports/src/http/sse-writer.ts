/**
 * A server-side SSE response body: write events, close, and learn when the client went away.
 *
 * @module
 */
import type { Timers } from '@mcpkit/core';
import { SSE_HEADERS, SSE_KEEP_ALIVE, encodeSseEvent, type SseEvent } from './sse-encode.js';

/** Options of {@link createSseWriter}. */
export interface SseWriterOptions {
  /** Milliseconds between keep-alive comments; 0 disables them. Default 0. */
  keepAliveMs?: number;
  /** Timers for the keep-alive (default: the global ones). */
  timers?: Timers;
  /** Called once when the client cancels (disconnects from) the stream. */
  onCancel?: () => void;
}

/** The writable end of one SSE response. */
export interface SseWriter {
  /** The body to put in the `Response`. */
  readonly body: ReadableStream<Uint8Array>;
  /** True once closed by either side. */
  readonly closed: boolean;
  /** Writes one event. Returns false when the stream is already closed. */
  write(event: SseEvent): boolean;
  /** Ends the stream. Idempotent. */
  close(): void;
}

const encoder = new TextEncoder();
const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Creates an SSE response body. Writes are never awaited: the Fetch API stream queues them, and
 * the caller bounds how much it writes (event stores, single responses).
 */
export function createSseWriter(options: SseWriterOptions = {}): SseWriter {
  const timers = options.timers ?? defaultTimers;
  const keepAliveMs = options.keepAliveMs ?? 0;
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let closed = false;
  let timer: unknown;

  const schedule = (): void => {
    if (keepAliveMs <= 0 || closed) return;
    timer = timers.setTimeout(() => {
      if (closed) return;
      enqueue(SSE_KEEP_ALIVE);
      schedule();
    }, keepAliveMs);
  };
  const stop = (): void => {
    closed = true;
    if (timer !== undefined) timers.clearTimeout(timer);
  };
  const enqueue = (text: string): boolean => {
    if (closed || controller === undefined) return false;
    try {
      controller.enqueue(encoder.encode(text));
      return true;
    } catch {
      stop();
      return false;
    }
  };

  const body = new ReadableStream<Uint8Array>({
    start(c) {
      controller = c;
      schedule();
    },
    cancel() {
      if (closed) return;
      stop();
      options.onCancel?.();
    },
  });

  return {
    body,
    get closed() {
      return closed;
    },
    write: (event) => enqueue(encodeSseEvent(event)),
    close() {
      if (closed) return;
      stop();
      try {
        controller?.close();
      } catch {
        // Already errored by the runtime; nothing left to close.
      }
    },
  };
}

/** Builds the `Response` for an SSE writer, with the standard SSE headers plus `extra`. */
export function sseResponse(writer: SseWriter, extra?: Record<string, string>, status = 200): Response {
  return new Response(writer.body, { status, headers: { ...SSE_HEADERS, ...extra } });
}
