import { describe, expect, it } from 'vitest';
import { McpkitErrorCode } from '../../src/errors.js';
import { createMemoryTransportPair } from '../../src/memory-transport.js';
import type { JSONRPCMessage } from '../../src/schemas/jsonrpc.js';
import { Session } from '../../src/session/index.js';
import type { RequestContext } from '../../src/session/types.js';
import type { Transport, TransportSendOptions } from '../../src/transport.js';
import { flush } from './helpers.js';

/** Records what a session sends and with which options. */
function spy(transport: Transport): Array<[JSONRPCMessage, TransportSendOptions | undefined]> {
  const sent: Array<[JSONRPCMessage, TransportSendOptions | undefined]> = [];
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    sent.push([message, options]);
    return send(message, options);
  };
  return sent;
}

describe('Session: RequestContext', () => {
  it('exposes the request facts and routes notify, progress and request with relatedRequestId', async () => {
    const [a, b] = createMemoryTransportPair();
    const client = new Session(a);
    const server = new Session(b);
    const sent = spy(b);
    const updates: unknown[] = [];
    let seen: RequestContext | undefined;
    client.setRequestHandler('roots/list', () => ({ roots: [] }));
    server.setRequestHandler('work', async (_request, ctx) => {
      seen = ctx;
      await ctx.notify('notifications/message', { level: 'info', data: 'hi' });
      await ctx.progress(1, 2, 'half');
      const roots = await ctx.request('roots/list');
      return { roots };
    });
    await Promise.all([client.start(), server.start()]);
    const result = await client.request('work', {}, { onprogress: (p) => updates.push(p) });
    expect(result).toEqual({ roots: { roots: [] } });
    expect(updates).toEqual([{ progress: 1, total: 2, message: 'half' }]);
    expect(seen).toMatchObject({ requestId: 1, method: 'work', progressToken: 1, session: server });
    expect(sent.map(([m, o]) => [('method' in m ? m.method : 'response'), o?.relatedRequestId])).toEqual([
      ['notifications/message', 1],
      ['notifications/progress', 1],
      ['roots/list', 1],
      ['response', 1],
    ]);
  });

  it('progress is a no-op without a token, after the response and after cancellation', async () => {
    const [a, b] = createMemoryTransportPair();
    const server = new Session(b);
    const sent = spy(b);
    const contexts: RequestContext[] = [];
    server.setRequestHandler('work', async (_r, ctx) => {
      contexts.push(ctx);
      await ctx.progress(1);
      return {};
    });
    await server.start();
    await a.start();
    await a.send({ jsonrpc: '2.0', id: 1, method: 'work' });
    await a.send({ jsonrpc: '2.0', id: 2, method: 'work', params: { _meta: { progressToken: 1.5 } } });
    await flush();
    await contexts[0]?.progress(2);
    expect(sent.map(([m]) => m)).toEqual([
      { jsonrpc: '2.0', id: 1, result: {} },
      { jsonrpc: '2.0', id: 2, result: {} },
    ]);
    expect(contexts[1]?.progressToken).toBeUndefined();
  });

  it('a nested request dies with the handler that made it', async () => {
    const [a, b] = createMemoryTransportPair();
    const client = new Session(a);
    const server = new Session(b);
    let nested: Promise<unknown> | undefined;
    client.setRequestHandler('sampling/createMessage', () => new Promise(() => {}));
    server.setRequestHandler('work', (_r, ctx) => {
      nested = ctx.request('sampling/createMessage', {}).catch((e: unknown) => e);
      return new Promise(() => {});
    });
    await Promise.all([client.start(), server.start()]);
    const controller = new AbortController();
    const outer = client.request('work', {}, { signal: controller.signal }).catch((e: unknown) => e);
    await flush();
    controller.abort();
    await outer;
    await flush();
    await expect(nested).resolves.toMatchObject({ code: McpkitErrorCode.Cancelled });
  });
});
