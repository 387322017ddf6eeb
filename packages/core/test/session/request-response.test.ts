import { describe, expect, it } from 'vitest';
import { ErrorCode, McpError, McpkitError, McpkitErrorCode } from '../../src/errors.js';
import { createMemoryTransportPair } from '../../src/memory-transport.js';
import { Session } from '../../src/session/index.js';
import type { HandlerTable, NotificationHandler, RequestHandler } from '../../src/session/types.js';
import { flush, recorder } from './helpers.js';

async function connectedPair(serverOptions?: ConstructorParameters<typeof Session>[1]) {
  const [a, b] = createMemoryTransportPair();
  const client = new Session(a);
  const server = new Session(b, serverOptions);
  const errors: Error[] = [];
  server.onerror = (e) => errors.push(e);
  await Promise.all([client.start(), server.start()]);
  return { client, server, errors };
}

describe('Session: requests and responses', () => {
  it('answers a request with the handler result', async () => {
    const { client, server } = await connectedPair();
    server.setRequestHandler('echo', (request) => ({ echoed: request.params ?? null }));
    await expect(client.request('echo', { a: 1 })).resolves.toEqual({ echoed: { a: 1 } });
  });

  it('looks up own handlers, then the shared table, then the fallback, then -32601', async () => {
    const table: HandlerTable = {
      requests: new Map<string, RequestHandler>([['shared', () => ({ from: 'table' })], ['both', () => ({ from: 'table' })]]),
      notifications: new Map(),
      fallbackRequest: (request) => ({ from: 'fallback', method: request.method }),
    };
    const { client, server } = await connectedPair({ handlers: table });
    server.setRequestHandler('both', () => ({ from: 'own' }));
    await expect(client.request('both')).resolves.toEqual({ from: 'own' });
    await expect(client.request('shared')).resolves.toEqual({ from: 'table' });
    await expect(client.request('other')).resolves.toEqual({ from: 'fallback', method: 'other' });
    server.removeRequestHandler('both');
    await expect(client.request('both')).resolves.toEqual({ from: 'table' });

    const plain = await connectedPair();
    const error = await plain.client.request('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect(error).toMatchObject({ code: ErrorCode.MethodNotFound, message: 'Method not found: nope' });
  });

  it('sends an McpError thrown by a handler as is', async () => {
    const { client, server, errors } = await connectedPair();
    server.setRequestHandler('fail', () => {
      throw new McpError(ErrorCode.InvalidParams, 'Unknown tool: x', { name: 'x' });
    });
    const error = await client.request('fail').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.InvalidParams, message: 'Unknown tool: x', data: { name: 'x' } });
    expect(errors).toEqual([]);
  });

  it('turns any other throw into a bare -32603 and reports it locally', async () => {
    const { client, server, errors } = await connectedPair();
    server.setRequestHandler('sync', () => {
      throw new Error('secret database password in /etc/x');
    });
    server.setRequestHandler('async', async () => Promise.reject(new TypeError('at internal.js:12')));
    server.setRequestHandler('not-object', () => 42 as unknown as Record<string, unknown>);
    for (const method of ['sync', 'async', 'not-object']) {
      const error = await client.request(method).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(McpError);
      expect((error as McpError).toWire()).toEqual({ code: ErrorCode.InternalError, message: 'Internal error' });
    }
    expect(errors.map((e) => e.message)).toEqual([
      'secret database password in /etc/x',
      'at internal.js:12',
      'The handler of not-object returned no result object',
    ]);
  });

  it('answers with -32603 when the result cannot be serialised', async () => {
    const { client, server, errors } = await connectedPair();
    server.setRequestHandler('bigint', () => ({ n: 10n }));
    await expect(client.request('bigint')).rejects.toMatchObject({ code: ErrorCode.InternalError, message: 'Internal error' });
    expect(errors[0]).toBeInstanceOf(McpkitError);
  });

  it('refuses a second request with an id that is still in progress', async () => {
    const [a, b] = createMemoryTransportPair();
    const server = new Session(b);
    let release: () => void = () => {};
    server.setRequestHandler('slow', () => new Promise((resolve) => { release = () => resolve({ done: true }); }));
    await server.start();
    const seen = await recorder(a);
    await a.send({ jsonrpc: '2.0', id: 1, method: 'slow' });
    await a.send({ jsonrpc: '2.0', id: 1, method: 'slow' });
    await flush();
    expect(seen).toEqual([{ jsonrpc: '2.0', id: 1, error: { code: ErrorCode.InvalidRequest, message: 'Invalid request: id is already in use by a request in progress' } }]);
    release();
    await flush();
    expect(seen[1]).toEqual({ jsonrpc: '2.0', id: 1, result: { done: true } });
  });

  it('reports a response with an unknown id and keeps working', async () => {
    const [a, b] = createMemoryTransportPair();
    const session = new Session(a);
    const errors: Error[] = [];
    session.onerror = (e) => errors.push(e);
    await session.start();
    const peer = await recorder(b);
    await b.send({ jsonrpc: '2.0', id: 999, result: {} });
    await b.send({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
    await flush();
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatchObject({ code: McpkitErrorCode.InvalidResponse, message: 'Received a response for unknown request id 999' });
    expect(errors[1]).toMatchObject({ code: McpkitErrorCode.InvalidResponse, message: 'The peer reported an error: Parse error' });
    const pending = session.request('ping');
    await flush();
    expect(peer).toEqual([{ jsonrpc: '2.0', id: 1, method: 'ping' }]);
    await b.send({ jsonrpc: '2.0', id: 1, result: {} });
    await expect(pending).resolves.toEqual({});
  });

  it('survives an onerror that throws', async () => {
    const { client, server } = await connectedPair();
    server.onerror = () => {
      throw new Error('bad logger');
    };
    server.setRequestHandler('boom', () => {
      throw new Error('x');
    });
    await expect(client.request('boom')).rejects.toMatchObject({ code: ErrorCode.InternalError });
    await expect(client.request('boom')).rejects.toMatchObject({ code: ErrorCode.InternalError });
  });

  it('uses injected ids and refuses an id still in use', async () => {
    const [a, b] = createMemoryTransportPair();
    const session = new Session(a, { generateId: () => 'same' });
    await session.start();
    const peer = await recorder(b);
    const first = session.request('x');
    await expect(session.request('y')).rejects.toMatchObject({ code: McpkitErrorCode.InvalidArgument });
    await flush();
    expect(peer).toEqual([{ jsonrpc: '2.0', id: 'same', method: 'x' }]);
    await b.send({ jsonrpc: '2.0', id: 'same', result: { ok: true } });
    await expect(first).resolves.toEqual({ ok: true });
  });

  it('dispatches notifications to own handlers, then the table, and reports handler errors', async () => {
    const seen: string[] = [];
    const table: HandlerTable = {
      requests: new Map(),
      notifications: new Map<string, NotificationHandler>([['shared', () => void seen.push('table')], ['async-fail', async () => Promise.reject(new Error('async nope'))]]),
    };
    const { client, server, errors } = await connectedPair({ handlers: table });
    server.setNotificationHandler('own', (n) => void seen.push(`own:${JSON.stringify(n.params)}`));
    server.setNotificationHandler('throws', () => {
      throw new Error('nope');
    });
    await client.notify('own', { a: 1 });
    await client.notify('shared');
    await client.notify('unknown');
    await client.notify('throws');
    await client.notify('async-fail');
    await flush();
    expect(seen).toEqual(['own:{"a":1}', 'table']);
    expect(errors.map((e) => e.message)).toEqual(['nope', 'async nope']);
  });

  it('rejects a request whose send fails with MCPKIT_TRANSPORT', async () => {
    const [a] = createMemoryTransportPair();
    a.send = () => Promise.reject(new Error('socket gone'));
    const session = new Session(a);
    await expect(session.request('x')).rejects.toMatchObject({ code: McpkitErrorCode.Transport });
    expect(session.pendingRequestCount).toBe(0);
  });
});
