/**
 * Server-wide limits: concurrent handlers (a gate with a bounded queue) and result size (the
 * handler timeout is `handler-timeouts.ts`).
 *
 * @module
 */
import { ErrorCode, McpError, type ResultObject } from '@mcpkit/core';
import type { Cancellation } from './context/cancellation.js';

/** Limits the number of handlers running at once; extra callers wait in a bounded queue. */
export class HandlerGate {
  #running = 0;
  readonly #queue: Array<() => void> = [];

  /**
   * @param max - handlers at once
   * @param maxQueued - callers allowed to wait
   */
  constructor(readonly max: number, readonly maxQueued: number) {}

  /** Runs `fn` when a slot is free; -32603 when the queue is full; gives up if `cancellation` aborts first. */
  async run<T>(fn: () => Promise<T>, cancellation: Cancellation): Promise<T> {
    if (this.#running >= this.max) {
      if (this.#queue.length >= this.maxQueued) throw new McpError(ErrorCode.InternalError, 'Server overloaded: too many requests in flight; retry later');
      await new Promise<void>((resolve, reject) => {
        const wake = (): void => {
          unsubscribe();
          resolve();
        };
        // Subscribed only here: a request that never queues never follows its cancellation.
        const unsubscribe = cancellation.onAbort(() => {
          const index = this.#queue.indexOf(wake);
          if (index !== -1) this.#queue.splice(index, 1);
          reject(new McpError(ErrorCode.InternalError, 'Request cancelled while queued'));
        });
        this.#queue.push(wake);
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

/** Throws -32603 when the JSON of `result` exceeds `maxBytes`. */
export function assertResultSize(result: ResultObject, maxBytes: number): void {
  // Most results are far below the limit: a bounded walk proves it without building the JSON.
  if (jsonFits(result, 0, maxBytes) >= 0) return;
  const json = JSON.stringify(result);
  // Length in UTF-16 units bounds the UTF-8 size from below; encode only when it might be over.
  if (json.length * 3 <= maxBytes) return;
  const bytes = new TextEncoder().encode(json).byteLength;
  if (bytes > maxBytes) throw new McpError(ErrorCode.InternalError, `Result too large: ${bytes} bytes exceeds the limit of ${maxBytes}`);
}

/**
 * What is left of `left` UTF-8 bytes once an upper bound of `item`'s JSON is counted, or -1 when
 * it may not fit. A string counts 6 bytes per UTF-16 unit (`\uXXXX`, the worst case), a number
 * 24; every value costs at least 2, so the walk is bounded by the budget. -1 means "not proven",
 * never "too large": anything unusual (toJSON, class instances, bigint, nesting past 16) is -1.
 */
function jsonFits(item: unknown, depth: number, left: number): number {
  if (left < 0 || depth > 16) return -1;
  switch (typeof item) {
    case 'string':
      return left - 2 - item.length * 6;
    case 'object': {
      if (item === null) return left - 4;
      if (Array.isArray(item)) {
        let rest = left - 2 - item.length;
        for (const element of item) if ((rest = jsonFits(element, depth + 1, rest)) < 0) return -1;
        return rest;
      }
      const proto = Object.getPrototypeOf(item) as unknown;
      if ((proto !== Object.prototype && proto !== null) || 'toJSON' in item) return -1;
      let rest = left - 2;
      for (const key in item) {
        rest -= 4 + key.length * 6;
        if ((rest = jsonFits((item as Record<string, unknown>)[key], depth + 1, rest)) < 0) return -1;
      }
      return rest;
    }
    case 'bigint':
      return -1;
    default:
      // numbers, booleans, and what JSON drops or writes as null (undefined, functions, symbols)
      return left - 24;
  }
}
