/**
 * Server-wide limits: concurrent handlers (a gate with a bounded queue), handler timeout and
 * result size.
 *
 * @module
 */
import { ErrorCode, McpError, type ResultObject } from '@mcpkit/core';

/** Limits the number of handlers running at once; extra callers wait in a bounded queue. */
export class HandlerGate {
  #running = 0;
  readonly #queue: Array<() => void> = [];

  /**
   * @param max - handlers at once
   * @param maxQueued - callers allowed to wait
   */
  constructor(readonly max: number, readonly maxQueued: number) {}

  /** Runs `fn` when a slot is free; -32603 when the queue is full; gives up if `signal` aborts first. */
  async run<T>(fn: () => Promise<T>, signal: AbortSignal): Promise<T> {
    if (this.#running >= this.max) {
      if (this.#queue.length >= this.maxQueued) throw new McpError(ErrorCode.InternalError, 'Server overloaded: too many requests in flight; retry later');
      await new Promise<void>((resolve, reject) => {
        const wake = (): void => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = (): void => {
          const index = this.#queue.indexOf(wake);
          if (index !== -1) this.#queue.splice(index, 1);
          reject(new McpError(ErrorCode.InternalError, 'Request cancelled while queued'));
        };
        this.#queue.push(wake);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    }
    this.#running++;
    try {
      return await fn();
    } finally {
      this.#running--;
      this.#queue.shift()?.();
    }
  }
}

/** Runs `fn` with a signal that also aborts after `timeoutMs` (0 = never); the timeout is -32603. */
export async function withTimeout<T>(timeoutMs: number, signal: AbortSignal, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  if (timeoutMs <= 0) return fn(signal);
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal.reason);
  if (signal.aborted) onAbort();
  else signal.addEventListener('abort', onAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new McpError(ErrorCode.InternalError, `Request timed out after ${timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([fn(controller.signal), timedOut]);
  } finally {
    clearTimeout(timer);
    signal.removeEventListener('abort', onAbort);
  }
}

/** Throws -32603 when the JSON of `result` exceeds `maxBytes`. */
export function assertResultSize(result: ResultObject, maxBytes: number): void {
  const json = JSON.stringify(result);
  // Length in UTF-16 units bounds the UTF-8 size from below; encode only when it might be over.
  if (json.length * 3 <= maxBytes) return;
  const bytes = new TextEncoder().encode(json).byteLength;
  if (bytes > maxBytes) throw new McpError(ErrorCode.InternalError, `Result too large: ${bytes} bytes exceeds the limit of ${maxBytes}`);
}
