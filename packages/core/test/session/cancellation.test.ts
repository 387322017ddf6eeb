import { describe, expect, it } from 'vitest';
import { McpkitError, McpkitErrorCode } from '../../src/errors.js';
import { createMemoryTransportPair } from '../../src/memory-transport.js';
import { Session } from '../../src/session/index.js';
import type { RequestContext } from '../../src/session/types.js';
import type { MessageInfo, Transport } from '../../src/transport.js';
import { flush, recorder } from './helpers.js';

describe('Session: cancellation', () => {
  it('an aborted signal rejects locally with MCPKIT_CANCELLED and sends notifications/cancelled', async () => {
    const [a, b] = createMemoryTransportPair();
    const session = new Session(a);
    const errors: Error[] = [];
    session.onerror = (e) => errors.push(e);
    await session.start();
    const peer = await recorder(b);
    const controller = new AbortController();
    const pending = session.request('slow', {}, { signal: controller.signal });
    await flush();
    controller.abort('User pressed stop');
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpkitError);
    expect(error).toMatchObject({ code: McpkitErrorCode.Cancelled });
    await flush();
    expect(peer).toEqual([
      { jsonrpc: '2.0', id: 1, method: 'slow', params: {} },
      { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1, reason: 'User pressed stop' } },
    ]);
    // The response that crossed the cancellation on the wire is ignored quietly (spec: cancellation).
    await b.send({ jsonrpc: '2.0', id: 1, result: {} });
    await flush();
    expect(errors).toEqual([]);
    expect(session.pendingRequestCount).toBe(0);
  });

  it('does not send a request whose signal is already aborted', async () => {
    const [a, b] = createMemoryTransportPair();
    const session = new Session(a);
    await session.start();
    const peer = await recorder(b);
    await expect(session.request('x', {}, { signal: AbortSignal.abort() })).rejects.toMatchObject({ code: McpkitErrorCode.Cancelled });
    await flush();
    expect(peer).toEqual([]);
  });

  it('inbound notifications/cancelled aborts the handler signal and suppresses its response', async () => {
    const [a, b] = createMemoryTransportPair();
    const server = new Session(b);
    let ctxSeen: RequestContext | undefined;
    let finish: () => void = () => {};
    server.setRequestHandler('slow', (_request, ctx) => {
      ctxSeen = ctx;
      return new Promise((resolve) => { finish = () => resolve({ late: true }); });
    });
    server.setRequestHandler('quick', () => ({ ok: true }));
    await server.start();
    const client = await recorder(a);
    await a.send({ jsonrpc: '2.0', id: 7, method: 'slow' });
    await flush();
    expect(ctxSeen?.signal.aborted).toBe(false);
    await a.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 7, reason: 'changed my mind' } });
    await flush();
    expect(ctxSeen?.signal.aborted).toBe(true);
    expect(ctxSeen?.signal.reason).toBe('changed my mind');
    finish();
    await a.send({ jsonrpc: '2.0', id: 8, method: 'quick' });
    await flush();
    expect(client).toEqual([{ jsonrpc: '2.0', id: 8, result: { ok: true } }]);
    expect(server.activeRequestCount).toBe(0);
  });

  it('cancellation over two sessions: the peer handler sees the abort and nothing comes back', async () => {
    const [a, b] = createMemoryTransportPair();
    const client = new Session(a);
    const server = new Session(b);
    const aborted = new Promise<unknown>((resolve) => {
      server.setRequestHandler('wait', (_r, ctx) => new Promise((_, reject) => ctx.signal.addEventListener('abort', () => { resolve(ctx.signal.reason); reject(new Error('stopped')); })));
    });
    const clientErrors: Error[] = [];
    client.onerror = (e) => clientErrors.push(e);
    await Promise.all([client.start(), server.start()]);
    const controller = new AbortController();
    const pending = client.request('wait', {}, { signal: controller.signal });
    await flush();
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: McpkitErrorCode.Cancelled });
    await expect(aborted).resolves.toBe('Request cancelled');
    await flush();
    expect(clientErrors).toEqual([]);
  });

  it('ignores malformed and unknown cancellations, reporting the malformed ones', async () => {
    const [a, b] = createMemoryTransportPair();
    const server = new Session(b);
    const errors: Error[] = [];
    server.onerror = (e) => errors.push(e);
    let signal: AbortSignal | undefined;
    server.setRequestHandler('slow', (_r, ctx) => { signal = ctx.signal; return new Promise(() => {}); });
    await server.start();
    await a.start();
    await a.send({ jsonrpc: '2.0', id: 1, method: 'slow' });
    await a.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 2 } });
    await a.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1.5 } });
    await a.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1, reason: 5 } });
    await a.send({ jsonrpc: '2.0', method: 'notifications/cancelled' });
    await flush();
    expect(signal?.aborted).toBe(false);
    expect(errors.map((e) => e.message)).toEqual(Array(3).fill('Ignored notifications/cancelled with invalid params'));
    await server.close();
    expect(signal?.aborted).toBe(true);
  });

  it('passes notifications/cancelled on to a registered handler (subscriptions/listen teardown)', async () => {
    const [a, b] = createMemoryTransportPair();
    const client = new Session(a);
    const seen: unknown[] = [];
    client.setNotificationHandler('notifications/cancelled', (n) => void seen.push(n.params));
    await client.start();
    await b.send({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 3, reason: 'stream closed' } });
    await flush();
    expect(seen).toEqual([{ requestId: 3, reason: 'stream closed' }]);
  });

  it('treats an aborted MessageInfo.signal like a cancellation', async () => {
    const [a, b] = createMemoryTransportPair();
    const stream = new AbortController();
    const inject: { deliver?: (info: MessageInfo) => void } = {};
    const server = new Session(wrapWithInfo(b, inject));
    let signal: AbortSignal | undefined;
    let info: MessageInfo | undefined;
    let finish: () => void = () => {};
    server.setRequestHandler('slow', (_r, ctx) => {
      signal = ctx.signal;
      info = ctx.info;
      return new Promise((resolve) => { finish = () => resolve({}); });
    });
    await server.start();
    const client = await recorder(a);
    inject.deliver?.({ headers: { 'x-test': '1' }, signal: stream.signal });
    await flush();
    expect(info?.headers).toEqual({ 'x-test': '1' });
    expect(signal?.aborted).toBe(false);
    stream.abort();
    expect(signal?.aborted).toBe(true);
    finish();
    await flush();
    expect(client).toEqual([]);
    inject.deliver?.({ signal: AbortSignal.abort() });
    await flush();
    expect(server.activeRequestCount).toBe(0);
  });
});

/** A transport whose test can inject a request carrying chosen MessageInfo. */
function wrapWithInfo(inner: Transport, inject: { deliver?: (info: MessageInfo) => void }): Transport {
  let next = 100;
  const wrapper: Transport = {
    start: () => inner.start(),
    send: (m, o) => inner.send(m, o),
    close: () => inner.close(),
  };
  inject.deliver = (info) => wrapper.onmessage?.({ jsonrpc: '2.0', id: next++, method: 'slow' }, info);
  inner.onclose = () => wrapper.onclose?.();
  return wrapper;
}
