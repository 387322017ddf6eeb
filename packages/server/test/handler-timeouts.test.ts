import { describe, expect, it } from 'vitest';
import { Cancellation } from '../src/context/cancellation.js';
import { HandlerTimeouts } from '../src/handler-timeouts.js';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('HandlerTimeouts', () => {
  it('times out only the handlers that outlive the limit, with one shared timer', async () => {
    const timeouts = new HandlerTimeouts(40);
    const seen: unknown[] = [];
    const hang = (cancellation: Cancellation): Promise<string> =>
      new Promise((_, reject) => cancellation.signal.addEventListener('abort', () => reject(cancellation.signal.reason)));
    const first = timeouts.run(new Cancellation(), hang);
    const quick = timeouts.run(new Cancellation(), async () => 'done');
    await sleep(20);
    // Started after the first one's timer was armed: it must still get its full 40 ms.
    const second = timeouts.run(new Cancellation(), (c) => hang(c).catch((error: unknown) => (seen.push(error), Promise.reject(error))));
    await expect(quick).resolves.toBe('done');
    await expect(first).rejects.toThrow(/timed out after 40 ms/);
    expect(seen).toEqual([]);
    await expect(second).rejects.toThrow(/timed out after 40 ms/);
    expect(seen).toHaveLength(1);
  });

  it('passes the parent through when the limit is 0, and follows a cancelled parent', async () => {
    const parent = new Cancellation();
    await expect(new HandlerTimeouts(0).run(parent, async (c) => c === parent)).resolves.toBe(true);
    const running = new HandlerTimeouts(1000).run(parent, (c) => new Promise((resolve) => c.signal.addEventListener('abort', () => resolve(c.signal.reason))));
    parent.abort('cancelled');
    await expect(running).resolves.toBe('cancelled');
  });
});
