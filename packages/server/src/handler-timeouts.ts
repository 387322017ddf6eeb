/**
 * The handler timeout of one server, with one timer for every running handler instead of one
 * per request: all handlers share `timeoutMs`, so deadlines arrive in order and a linked list
 * sorted by arrival is sorted by deadline.
 *
 * @module
 */
import { ErrorCode, McpError } from '@mcpkit/core';
import { Cancellation } from './context/cancellation.js';

interface Deadline {
  readonly at: number;
  readonly cancellation: Cancellation;
  readonly reject: (error: McpError) => void;
  prev: Deadline | undefined;
  next: Deadline | undefined;
}

type Timer = ReturnType<typeof setTimeout>;

// Node's timers can stop holding the process open; other runtimes return a number.
function setRef(timer: Timer, ref: boolean): void {
  const handle = timer as { ref?: () => void; unref?: () => void };
  if (ref) handle.ref?.();
  else handle.unref?.();
}

/** Aborts and rejects handlers that run longer than `timeoutMs` (0 = never); the timeout is -32603. */
export class HandlerTimeouts {
  #head: Deadline | undefined;
  #tail: Deadline | undefined;
  #timer: Timer | undefined;
  #armedFor: Deadline | undefined;

  /** @param timeoutMs - the server's `handlerTimeoutMs` */
  constructor(readonly timeoutMs: number) {}

  /** Runs `fn` under a child of `parent` that also aborts when the handler times out. */
  run<T>(parent: Cancellation, fn: (cancellation: Cancellation) => Promise<T>): Promise<T> {
    if (this.timeoutMs <= 0) return fn(parent);
    const cancellation = new Cancellation(parent);
    return new Promise<T>((resolve, reject) => {
      const deadline: Deadline = { at: performance.now() + this.timeoutMs, cancellation, reject, prev: this.#tail, next: undefined };
      if (this.#tail === undefined) this.#head = deadline;
      else this.#tail.next = deadline;
      this.#tail = deadline;
      this.#arm();
      // Settling after a timeout is a no-op, as with Promise.race.
      fn(cancellation).then(
        (value) => {
          this.#remove(deadline);
          resolve(value);
        },
        (error: unknown) => {
          this.#remove(deadline);
          reject(error);
        },
      );
    });
  }

  #arm(): void {
    const head = this.#head;
    if (head === undefined) return;
    // An armed timer fires at or before the head's deadline (deadlines only grow): keep it.
    if (this.#timer !== undefined) setRef(this.#timer, true);
    else {
      this.#armedFor = head;
      // Whole milliseconds: Node keeps one timer list per distinct duration.
      this.#timer = setTimeout(() => this.#sweep(), Math.max(1, Math.ceil(head.at - performance.now())));
    }
  }

  #sweep(): void {
    const armedFor = this.#armedFor;
    this.#timer = this.#armedFor = undefined;
    const now = performance.now();
    // The deadline the timer was set for is due whatever the clock says (a faked setTimeout).
    for (let head = this.#head; head !== undefined && (head === armedFor || head.at <= now); head = this.#head) {
      this.#remove(head);
      const error = new McpError(ErrorCode.InternalError, `Request timed out after ${this.timeoutMs} ms`);
      head.cancellation.abort(error);
      head.reject(error);
    }
    this.#arm();
  }

  #remove(deadline: Deadline): void {
    if (deadline.prev === undefined && this.#head !== deadline) return;
    if (deadline.prev === undefined) this.#head = deadline.next;
    else deadline.prev.next = deadline.next;
    if (deadline.next === undefined) this.#tail = deadline.prev;
    else deadline.next.prev = deadline.prev;
    deadline.prev = deadline.next = undefined;
    // With nothing running, the timer left armed must not keep the process alive.
    if (this.#head === undefined && this.#timer !== undefined) setRef(this.#timer, false);
  }
}
