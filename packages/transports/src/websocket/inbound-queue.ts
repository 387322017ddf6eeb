/**
 * A bounded inbound queue: delivers up to `batch` messages per event-loop turn, queues the rest,
 * and pauses the source while the queue is full, so a flood of frames cannot starve the process
 * or grow memory without bound.
 *
 * @module
 */
import type { Timers } from '@mcpkit/core';

/** Options of {@link InboundQueue}. */
export interface InboundQueueOptions<T> {
  /** Hands one item to the receiver. */
  deliver: (item: T) => void;
  /** Items queued before the source is paused. */
  maxQueued: number;
  /** Items delivered per event-loop turn. */
  batch: number;
  /** Stops the source (e.g. `socket.pause()`). */
  pause: () => void;
  /** Restarts the source. */
  resume: () => void;
  /** Timers that schedule the next turn. */
  timers: Timers;
}

/** See the module description. */
export class InboundQueue<T> {
  readonly #options: InboundQueueOptions<T>;
  readonly #items: T[] = [];
  #deliveredThisTurn = 0;
  #turnScheduled = false;
  #paused = false;
  #stopped = false;

  /** @param options - delivery, bounds and source control */
  constructor(options: InboundQueueOptions<T>) {
    this.#options = options;
  }

  /** True while the source is paused because the queue is full. */
  get paused(): boolean {
    return this.#paused;
  }

  /** Accepts one item from the source. */
  push(item: T): void {
    if (this.#stopped) return;
    if (this.#items.length === 0 && this.#deliveredThisTurn < this.#options.batch) {
      this.#deliveredThisTurn++;
      this.#scheduleTurn();
      this.#options.deliver(item);
      return;
    }
    this.#items.push(item);
    if (!this.#paused && this.#items.length >= this.#options.maxQueued) {
      this.#paused = true;
      this.#options.pause();
    }
    this.#scheduleTurn();
  }

  /** Drops everything queued; nothing more is delivered. */
  stop(): void {
    this.#stopped = true;
    this.#items.length = 0;
  }

  #scheduleTurn(): void {
    if (this.#turnScheduled) return;
    this.#turnScheduled = true;
    this.#options.timers.setTimeout(() => this.#turn(), 0);
  }

  #turn(): void {
    this.#turnScheduled = false;
    this.#deliveredThisTurn = 0;
    if (this.#stopped) return;
    while (this.#items.length > 0 && this.#deliveredThisTurn < this.#options.batch) {
      this.#deliveredThisTurn++;
      this.#options.deliver(this.#items.shift() as T);
      if (this.#stopped) return;
    }
    if (this.#paused && this.#items.length <= this.#options.maxQueued / 2) {
      this.#paused = false;
      this.#options.resume();
    }
    if (this.#items.length > 0 || this.#deliveredThisTurn > 0) this.#scheduleTurn();
  }
}
