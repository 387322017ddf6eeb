import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { createMemoryTransportPair } from '../../src/memory-transport.js';
import { Session } from '../../src/session/index.js';
import { flush, recorder } from './helpers.js';

async function gatedServer(options: { maxConcurrentRequests: number; maxQueuedRequests: number }) {
  const [a, b] = createMemoryTransportPair();
  const server = new Session(b, options);
  const started: number[] = [];
  const gates = new Map<number, () => void>();
  server.setRequestHandler('job', (request) => {
    const n = request.params?.n as number;
    started.push(n);
    return new Promise((resolve) => gates.set(n, () => resolve({ n })));
  });
  await server.start();
  const client = await recorder(a);
  const send = (n: number) => a.send({ jsonrpc: '2.0', id: n, method: 'job', params: { n } });
  return { server, client, started, gates, send, a };
}

describe('Session: inbound concurrency', () => {
  it('runs at most maxConcurrentRequests handlers and starts queued ones in order', async () => {
    const { started, gates, send, client, server } = await gatedServer({ maxConcurrentRequests: 2, maxQueuedRequests: 10 });
    for (let n = 1; n <= 5; n++) await send(n);
    await flush();
    expect(started).toEqual([1, 2]);
    expect(server.activeRequestCount).toBe(5);
    gates.get(2)?.();
    await flush();
    expect(started).toEqual([1, 2, 3]);
    gates.get(1)?.();
    gates.get(3)?.();
    await flush();
    expect(started).toEqual([1, 2, 3, 4, 5]);
    gates.get(4)?.();
    gates.get(5)?.();
    await flush();
    expect(client.map((m) => ('id' in m ? m.id : undefined))).toEqual([2, 1, 3, 4, 5]);
    expect(server.activeRequestCount).toBe(0);
  });

  it('answers at once with an error past maxQueuedRequests', async () => {
    const { started, gates, send, client } = await gatedServer({ maxConcurrentRequests: 1, maxQueuedRequests: 2 });
    for (let n = 1; n <= 5; n++) await send(n);
    await flush();
    expect(started).toEqual([1]);
    expect(client).toEqual([4, 5].map((id) => ({ jsonrpc: '2.0', id, error: { code: ErrorCode.InternalError, message: 'Too many requests in flight; retry later' } })));
    gates.get(1)?.();
    await flush();
    expect(started).toEqual([1, 2]);
  });

  it('drops a queued request cancelled before it starts, freeing its queue place', async () => {
    const { started, gates, send, client, a } = await gatedServer({ maxConcurrentRequests: 1, maxQueuedRequests: 1 });
    await send(1);
    await send(2);
    await a.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 2 } });
    await send(3);
    await flush();
    expect(client).toEqual([]);
    gates.get(1)?.();
    await flush();
    expect(started).toEqual([1, 3]);
    gates.get(3)?.();
    await flush();
    expect(client.map((m) => ('id' in m ? m.id : undefined))).toEqual([1, 3]);
  });
});
