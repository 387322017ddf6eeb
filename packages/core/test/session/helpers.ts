import type { JSONRPCMessage } from '../../src/schemas/jsonrpc.js';
import type { Timers } from '../../src/session/types.js';
import type { Transport } from '../../src/transport.js';

/** Manual timers: time moves only when a test calls `advance`. */
export class ManualTimers implements Timers {
  now = 0;
  #next = 1;
  readonly #timers = new Map<number, { at: number; fn: () => void }>();

  setTimeout(fn: () => void, ms: number): unknown {
    const handle = this.#next++;
    this.#timers.set(handle, { at: this.now + ms, fn });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.#timers.delete(handle as number);
  }

  /** Timers currently scheduled. */
  get size(): number {
    return this.#timers.size;
  }

  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      let due: [number, { at: number; fn: () => void }] | undefined;
      for (const entry of this.#timers) if (entry[1].at <= until && (due === undefined || entry[1].at < due[1].at)) due = entry;
      if (due === undefined) break;
      this.#timers.delete(due[0]);
      this.now = due[1].at;
      due[1].fn();
    }
    this.now = until;
  }
}

/** Lets queued microtasks and promise chains run. */
export async function flush(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

/** Records every message a transport receives, in order, and makes sure it is started. */
export async function recorder(transport: Transport): Promise<JSONRPCMessage[]> {
  const seen: JSONRPCMessage[] = [];
  transport.onmessage = (message) => seen.push(message);
  await transport.start();
  return seen;
}
