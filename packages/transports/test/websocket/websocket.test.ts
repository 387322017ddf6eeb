import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ErrorCode, McpError, McpkitError, Session, type JSONRPCNotification } from '@mcpkit/core';
import {
  WebSocketClientTransport,
  closeCodeError,
  createWebSocketServer,
  type RunningWebSocketServer,
} from '@mcpkit/transports/websocket';
import { TestServer } from '../http/test-server.js';

let wss: RunningWebSocketServer;
let server: TestServer;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  server = new TestServer();
  wss = await createWebSocketServer(server, { maxPayload: 16 * 1024, pingIntervalMs: 0 });
});

afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await wss.close();
});

async function connect(transport = new WebSocketClientTransport(wss.url)) {
  const session = new Session(transport);
  const notes: JSONRPCNotification[] = [];
  const errors: Error[] = [];
  session.onerror = (e) => errors.push(e);
  session.setNotificationHandler('notifications/message', (n) => void notes.push(n));
  session.setRequestHandler('sampling/createMessage', () => ({ text: 'ws client' }));
  let closed = false;
  session.onclose = () => {
    closed = true;
  };
  await session.start();
  cleanups.push(() => session.close());
  return { transport, session, notes, errors, isClosed: () => closed };
}

function rawSocket(protocols: string[] = ['mcp'], options: WebSocket.ClientOptions = {}): Promise<WebSocket> {
  const ws = new WebSocket(wss.url, protocols, options);
  cleanups.push(async () => ws.terminate());
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(String(data)) as Record<string, unknown>)));
}

function waitFor(check: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let n = 0;
    const tick = (): void => (check() ? resolve() : ++n > 400 ? reject(new Error('timed out')) : void setTimeout(tick, 5));
    tick();
  });
}

describe('WebSocket both ends', () => {
  it('round-trips requests, related notifications and server-to-client requests', async () => {
    const { session, notes } = await connect();
    expect(await session.request('echo', { w: 1 })).toEqual({ echo: { w: 1 } });
    expect(await session.request('chatty', { count: 3 })).toEqual({ notes: 3 });
    expect(notes).toHaveLength(3);
    expect(await session.request('ask')).toEqual({ answer: { text: 'ws client' } });
    expect(wss.size).toBe(1);
  });

  it('a request over maxOutboundPayload fails alone with MCPKIT_MESSAGE_TOO_LARGE; nothing is sent', async () => {
    const { transport, session, isClosed } = await connect(new WebSocketClientTransport(wss.url, { maxOutboundPayload: 16 * 1024 }));
    // A long timeout: only the refused send can settle this request within the test.
    const error = await session.request('echo', { pad: 'x'.repeat(32 * 1024) }, { timeout: 600_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpkitError);
    expect(error).toMatchObject({ code: 'MCPKIT_MESSAGE_TOO_LARGE', data: { maxOutboundPayload: 16 * 1024 } });
    expect(await session.request('echo', { w: 2 })).toEqual({ echo: { w: 2 } });
    expect(isClosed()).toBe(false);
    expect(transport.closeError).toBeUndefined();
  });

  it('a response over the server maxOutboundPayload fails only its request, as an Internal error', async () => {
    await wss.close();
    wss = await createWebSocketServer(server, { maxPayload: 1024 * 1024, maxOutboundPayload: 16 * 1024, pingIntervalMs: 0 });
    const { session, isClosed } = await connect();
    const error = await session.request('echo', { pad: 'x'.repeat(32 * 1024) }, { timeout: 600_000 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).code).toBe(ErrorCode.InternalError);
    expect(await session.request('echo', { w: 3 })).toEqual({ echo: { w: 3 } });
    expect(isClosed()).toBe(false);
  });

  it('a message over a peer maxPayload lower than maxOutboundPayload still closes with 1009, as MCPKIT_MESSAGE_TOO_LARGE', async () => {
    const { transport, session, isClosed } = await connect();
    const pending = session.request('echo', { pad: 'x'.repeat(32 * 1024) }).catch((e: unknown) => e);
    expect(await pending).toBeInstanceOf(McpkitError);
    await waitFor(isClosed);
    expect(transport.closeError?.code).toBe('MCPKIT_MESSAGE_TOO_LARGE');
  });

  it('a server shutdown (1001) is surfaced as MCPKIT_CONNECTION_CLOSED', async () => {
    const { transport, isClosed } = await connect();
    await wss.close();
    await waitFor(isClosed);
    expect(transport.closeError?.code).toBe('MCPKIT_CONNECTION_CLOSED');
    expect(transport.closeError?.data).toMatchObject({ closeCode: 1001 });
  });

  it('a local close is not an error', async () => {
    const { transport, session, isClosed } = await connect();
    await session.close();
    await waitFor(isClosed);
    expect(transport.closeError).toBeUndefined();
  });

  it('pauses reading while answers are buffered, and still answers everything', async () => {
    await wss.close();
    wss = await createWebSocketServer(server, { maxBufferedBytes: 1, pingIntervalMs: 0, maxPayload: 1024 * 1024 });
    const { session } = await connect(new WebSocketClientTransport(wss.url));
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => session.request('echo', { i, pad: 'y'.repeat(20_000) })));
    expect(results.map((r) => (r.echo as { i: number }).i)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });
});

describe('WebSocket server end (raw ws)', () => {
  it('refuses an upgrade without the mcp subprotocol', async () => {
    const error = await rawSocket([]).catch((e: unknown) => e);
    expect(String(error)).toContain('400');
  });

  it('authenticates the upgrade: refused with 401, or authInfo handed to handlers', async () => {
    await wss.close();
    wss = await createWebSocketServer(server, {
      pingIntervalMs: 0,
      authenticate: (request) => {
        if (request.headers.get('authorization') !== 'Bearer ok') throw new Error('no');
        return { subject: 'ws-user' };
      },
    });
    const refused = await rawSocket(['mcp']).catch((e: unknown) => e);
    expect(String(refused)).toContain('401');
    const { session } = await connect(new WebSocketClientTransport(wss.url, { headers: { authorization: 'Bearer ok' } }));
    expect(await session.request('whoami')).toMatchObject({ authInfo: { subject: 'ws-user' } });
  });

  it('refuses a foreign Origin with 403', async () => {
    const error = await rawSocket(['mcp'], { origin: 'http://evil.example.com' }).catch((e: unknown) => e);
    expect(String(error)).toContain('403');
  });

  it('answers garbage with -32700 and keeps the connection', async () => {
    const ws = await rawSocket();
    const reply = nextMessage(ws);
    ws.send('{"jsonrpc":"2.0",');
    expect(await reply).toMatchObject({ id: null, error: { code: -32700 } });
    const echo = nextMessage(ws);
    ws.send(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'echo', params: { ok: true } }));
    expect(await echo).toMatchObject({ id: 1, result: { echo: { ok: true } } });
  });

  it('answers a flood of frames sent at once, through the bounded inbound queue', async () => {
    await wss.close();
    wss = await createWebSocketServer(server, { pingIntervalMs: 0, maxQueuedMessages: 8 });
    const ws = await rawSocket();
    const ids = new Set<number>();
    const all = new Promise<void>((resolve) =>
      ws.on('message', (data) => {
        ids.add((JSON.parse(String(data)) as { id: number }).id);
        if (ids.size === 500) resolve();
      }),
    );
    for (let i = 0; i < 500; i++) ws.send(JSON.stringify({ jsonrpc: '2.0', id: i, method: 'echo' }));
    await all;
    expect(ids.size).toBe(500);
  });

  it('closes with 1003 on a binary frame', async () => {
    const ws = await rawSocket();
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.send(Buffer.from('{}'), { binary: true });
    expect(await closed).toBe(1003);
  });

  it('drops a peer that stops answering pings', async () => {
    await wss.close();
    wss = await createWebSocketServer(server, { pingIntervalMs: 20 });
    const ws = await rawSocket(['mcp'], { autoPong: false });
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    expect(await closed).toBe(1006);
  });
});

describe('closeCodeError', () => {
  it('maps close codes to local error codes', () => {
    expect(closeCodeError(1000, '')).toBeUndefined();
    expect(closeCodeError(1009, '')?.code).toBe('MCPKIT_MESSAGE_TOO_LARGE');
    expect(closeCodeError(1006, '')?.code).toBe('MCPKIT_CONNECTION_CLOSED');
    expect(closeCodeError(1008, 'x')?.message).toContain('policy');
    expect(closeCodeError(4321, '')?.data).toEqual({ closeCode: 4321, reason: '' });
  });
});
