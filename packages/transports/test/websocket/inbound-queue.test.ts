import { describe, expect, it } from 'vitest';
import { InboundQueue } from '../../src/websocket/inbound-queue.js';

function manualTimers() {
  const due: (() => void)[] = [];
  return {
    timers: { setTimeout: (fn: () => void) => due.push(fn), clearTimeout: () => undefined },
    turn: () => {
      for (const fn of due.splice(0)) fn();
    },
  };
}

describe('InboundQueue', () => {
  it('delivers a batch per turn, pauses the source when full and resumes once half drained', () => {
    const { timers, turn } = manualTimers();
    const delivered: number[] = [];
    const events: string[] = [];
    const queue = new InboundQueue<number>({
      deliver: (n) => delivered.push(n),
      maxQueued: 4,
      batch: 2,
      pause: () => events.push('pause'),
      resume: () => events.push('resume'),
      timers,
    });
    for (let i = 0; i < 8; i++) queue.push(i);
    expect(delivered).toEqual([0, 1]);
    expect(events).toEqual(['pause']);
    expect(queue.paused).toBe(true);
    turn();
    expect(delivered).toEqual([0, 1, 2, 3]);
    turn();
    expect(delivered).toEqual([0, 1, 2, 3, 4, 5]);
    expect(events).toEqual(['pause', 'resume']);
    turn();
    turn();
    expect(delivered).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('delivers nothing after stop', () => {
    const { timers, turn } = manualTimers();
    const delivered: number[] = [];
    const queue = new InboundQueue<number>({ deliver: (n) => delivered.push(n), maxQueued: 10, batch: 1, pause: () => undefined, resume: () => undefined, timers });
    queue.push(1);
    queue.push(2);
    queue.stop();
    turn();
    queue.push(3);
    expect(delivered).toEqual([1]);
  });
});
