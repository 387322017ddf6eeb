import { describe, expect, it } from 'vitest';
import { McpkitError, McpkitErrorCode } from '../../src/errors.js';
import { createMemoryTransportPair } from '../../src/memory-transport.js';
import { Session } from '../../src/session/index.js';
import type { SessionOptions } from '../../src/session/types.js';
import { ManualTimers, flush, recorder } from './helpers.js';

async function withPeer(options: SessionOptions = {}) {
  const timers = new ManualTimers();
  const [a, b] = createMemoryTransportPair();
  const session = new Session(a, { timers, ...options });
  await session.start();
  const peer = await recorder(b);
  return { timers, session, peer, b };
}

function outcome(promise: Promise<unknown>): { value?: unknown; error?: unknown; settled: boolean } {
  const state: { value?: unknown; error?: unknown; settled: boolean } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { value, settled: true }),
    (error: unknown) => Object.assign(state, { error, settled: true }),
  );
  return state;
}

describe('Session: outbound timeouts', () => {
  it('times out after the default 60 s and tells the peer', async () => {
    const { timers, session, peer } = await withPeer();
    const state = outcome(session.request('slow'));
    timers.advance(59_999);
    await flush();
    expect(state.settled).toBe(false);
    timers.advance(1);
    await flush();
    expect(state.error).toBeInstanceOf(McpkitError);
    expect(state.error).toMatchObject({ code: McpkitErrorCode.Timeout });
    expect(peer.at(-1)).toEqual({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1, reason: 'Request timed out after 60000 ms' } });
    expect(timers.size).toBe(0);
    expect(session.pendingRequestCount).toBe(0);
  });

  it('honours the session default and the per-request timeout', async () => {
    const { timers, session } = await withPeer({ requestTimeout: 1_000 });
    const byDefault = outcome(session.request('a'));
    const perRequest = outcome(session.request('b', undefined, { timeout: 5_000 }));
    timers.advance(1_000);
    await flush();
    expect(byDefault.error).toMatchObject({ code: McpkitErrorCode.Timeout });
    expect(perRequest.settled).toBe(false);
    timers.advance(4_000);
    await flush();
    expect(perRequest.error).toMatchObject({ code: McpkitErrorCode.Timeout, data: { timeout: 5_000 } });
  });

  it('restarts the timeout on progress, and routes progress to onprogress', async () => {
    const { timers, session, peer, b } = await withPeer();
    const updates: unknown[] = [];
    const state = outcome(session.request('work', { x: 1, _meta: { trace: 't' } }, { timeout: 1_000, onprogress: (p) => updates.push(p) }));
    await flush();
    expect(peer[0]).toEqual({ jsonrpc: '2.0', id: 1, method: 'work', params: { x: 1, _meta: { trace: 't', progressToken: 1 } } });
    for (let i = 1; i <= 3; i++) {
      timers.advance(900);
      await b.send({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: i, total: 3, message: `step ${i}` } });
      await flush();
    }
    expect(state.settled).toBe(false);
    expect(updates).toEqual([1, 2, 3].map((i) => ({ progress: i, total: 3, message: `step ${i}` })));
    await b.send({ jsonrpc: '2.0', id: 1, result: { done: true } });
    await flush();
    expect(state.value).toEqual({ done: true });
    expect(timers.size).toBe(0);
  });

  it('does not restart the timeout on progress when told not to', async () => {
    const { timers, session, b } = await withPeer({ resetTimeoutOnProgress: false });
    const updates: unknown[] = [];
    const state = outcome(session.request('work', {}, { timeout: 1_000, onprogress: (p) => updates.push(p) }));
    timers.advance(900);
    await b.send({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: 1 } });
    await flush();
    timers.advance(100);
    await flush();
    expect(updates).toEqual([{ progress: 1 }]);
    expect(state.error).toMatchObject({ code: McpkitErrorCode.Timeout });
  });

  it('enforces maxTotalTimeout however much progress arrives', async () => {
    const { timers, session, b } = await withPeer();
    const state = outcome(session.request('work', {}, { timeout: 1_000, maxTotalTimeout: 2_500, onprogress: () => {} }));
    for (let i = 1; i <= 2; i++) {
      timers.advance(900);
      await b.send({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: i } });
      await flush();
    }
    expect(state.settled).toBe(false);
    timers.advance(700);
    await flush();
    expect(state.error).toMatchObject({ code: McpkitErrorCode.Timeout, data: { timeout: 2_500 } });
    expect((state.error as Error).message).toContain('maximum total timeout');
  });

  it('ignores a late response to a timed-out request, and never cancels initialize', async () => {
    const errors: Error[] = [];
    const { timers, session, peer, b } = await withPeer({ requestTimeout: 10 });
    session.onerror = (e) => errors.push(e);
    const init = outcome(session.request('initialize', {}));
    await flush();
    timers.advance(10);
    await flush();
    expect(init.error).toMatchObject({ code: McpkitErrorCode.Timeout });
    expect(peer).toEqual([{ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }]);
    await b.send({ jsonrpc: '2.0', id: 1, result: {} });
    await flush();
    expect(errors).toEqual([]);
  });

  it('ignores malformed progress and reports it; progress for unknown tokens reaches a handler', async () => {
    const errors: Error[] = [];
    const handled: unknown[] = [];
    const { session, b } = await withPeer();
    session.onerror = (e) => errors.push(e);
    session.setNotificationHandler('notifications/progress', (n) => void handled.push(n.params));
    const updates: unknown[] = [];
    void session.request('work', {}, { onprogress: (p) => updates.push(p) }).catch(() => {});
    for (const params of [{ progressToken: 1 }, { progressToken: 1, progress: '5' }, { progressToken: {}, progress: 1 }, { progressToken: 1, progress: 1, total: 'x' }, { progressToken: 1, progress: 1, message: 3 }]) {
      await b.send({ jsonrpc: '2.0', method: 'notifications/progress', params });
    }
    await b.send({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 'other', progress: 1 } });
    await flush();
    expect(updates).toEqual([]);
    expect(errors).toHaveLength(5);
    expect(errors[0]).toMatchObject({ message: 'Ignored notifications/progress with invalid params' });
    expect(handled).toEqual([{ progressToken: 'other', progress: 1 }]);
    await session.close();
  });

  it('treats Infinity (and delays past the timer range) as no timeout', async () => {
    const { timers, session } = await withPeer({ requestTimeout: Infinity });
    const state = outcome(session.request('forever', {}, { maxTotalTimeout: 2 ** 40 }));
    expect(timers.size).toBe(0);
    timers.advance(2 ** 41);
    await flush();
    expect(state.settled).toBe(false);
    await session.close();
    expect(state.error).toMatchObject({ code: McpkitErrorCode.ConnectionClosed });
  });

  it('refuses out-of-range limits with MCPKIT_INVALID_ARGUMENT', async () => {
    const [a] = createMemoryTransportPair();
    const bad: SessionOptions[] = [
      { requestTimeout: 0 },
      { requestTimeout: Number.NaN },
      { maxTotalTimeout: -1 },
      { maxConcurrentRequests: 0 },
      { maxConcurrentRequests: 1.5 },
      { maxQueuedRequests: -1 },
    ];
    for (const options of bad) expect(() => new Session(a, options)).toThrow(expect.objectContaining({ code: McpkitErrorCode.InvalidArgument }));
    const { session } = await withPeer();
    await expect(session.request('x', {}, { timeout: -5 })).rejects.toMatchObject({ code: McpkitErrorCode.InvalidArgument, message: 'timeout must be a positive number of milliseconds (or Infinity), got -5' });
    expect(session.pendingRequestCount).toBe(0);
  });
});
