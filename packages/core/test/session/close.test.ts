import { describe, expect, it } from 'vitest';
import { McpkitError, McpkitErrorCode } from '../../src/errors.js';
import { createMemoryTransportPair } from '../../src/memory-transport.js';
import { Session } from '../../src/session/index.js';
import { ManualTimers, flush } from './helpers.js';

async function pair() {
  const timers = new ManualTimers();
  const [a, b] = createMemoryTransportPair();
  const client = new Session(a, { timers });
  const server = new Session(b, { timers });
  const signals: AbortSignal[] = [];
  server.setRequestHandler('hang', (_r, ctx) => {
    signals.push(ctx.signal);
    return new Promise(() => {});
  });
  await Promise.all([client.start(), server.start()]);
  return { client, server, signals, timers };
}

describe('Session: close', () => {
  it('close() rejects every pending request with MCPKIT_CONNECTION_CLOSED and clears timers', async () => {
    const { client, timers } = await pair();
    let closes = 0;
    client.onclose = () => closes++;
    const pending = [client.request('hang'), client.request('hang', {}, { maxTotalTimeout: 10_000 })];
    await flush();
    await client.close();
    for (const p of pending) {
      const error = await p.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(McpkitError);
      expect(error).toMatchObject({ code: McpkitErrorCode.ConnectionClosed });
    }
    expect(client.closed).toBe(true);
    expect(closes).toBe(1);
    expect(timers.size).toBe(0);
    await client.close();
    expect(closes).toBe(1);
  });

  it('the peer closing rejects pending requests and aborts running handlers at once', async () => {
    const { client, server, signals } = await pair();
    let serverClosed = 0;
    server.onclose = () => serverClosed++;
    const pending = client.request('hang');
    await flush();
    expect(signals).toHaveLength(1);
    await server.close();
    expect(signals[0]?.aborted).toBe(true);
    await expect(pending).rejects.toMatchObject({ code: McpkitErrorCode.ConnectionClosed });
    expect(client.closed).toBe(true);
    expect(serverClosed).toBe(1);
  });

  it('after close, request, notify and start fail with MCPKIT_NOT_CONNECTED', async () => {
    const { client } = await pair();
    await client.close();
    await expect(client.request('x')).rejects.toMatchObject({ code: McpkitErrorCode.NotConnected });
    await expect(client.notify('x')).rejects.toMatchObject({ code: McpkitErrorCode.NotConnected });
    await expect(client.start()).rejects.toMatchObject({ code: McpkitErrorCode.NotConnected });
  });

  it('keeps transport callbacks installed before start', async () => {
    const [a] = createMemoryTransportPair();
    const calls: string[] = [];
    a.onclose = () => calls.push('transport onclose');
    const session = new Session(a);
    session.onclose = () => calls.push('session onclose');
    await session.start();
    await a.close();
    expect(calls).toEqual(['transport onclose', 'session onclose']);
  });

  it('a throwing transport close is reported, not thrown', async () => {
    const [a] = createMemoryTransportPair();
    a.close = () => Promise.reject(new Error('stuck'));
    const session = new Session(a);
    const errors: Error[] = [];
    session.onerror = (e) => errors.push(e);
    await session.close();
    expect(session.closed).toBe(true);
    expect(errors.map((e) => e.message)).toEqual(['stuck']);
  });
});
