import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { McpError, Session, type JSONRPCNotification } from '@mcpkit/core';
import { serve, type ServedHandler } from '@mcpkit/transports/http';
import {
  StreamableHttpClientTransport,
  createStreamableHttpHandler,
  type StreamableHttpHandler,
} from '@mcpkit/transports/streamable-http';
import { TestServer } from '../http/test-server.js';

const META = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} };
const FAST = { initialDelayMs: 5, maxDelayMs: 20, growFactor: 2, maxRetries: 2 };

let served: ServedHandler;
let handler: StreamableHttpHandler;
let server: TestServer;
let url: URL;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  server = new TestServer();
  handler = createStreamableHttpHandler(server, {
    legacy: { retryMs: 5 },
    modern: { headerParams: (tool) => (tool === 'sql' ? [{ name: 'Region', path: ['region'] }] : undefined) },
  });
  served = await serve(handler);
  url = new URL('/mcp', served.url);
});

afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await handler.close();
  await served.close();
});

function until(check: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    let n = 0;
    const tick = (): void => {
      if (check()) resolve();
      else if (++n > 500) reject(new Error('condition never became true'));
      else setTimeout(tick, 5);
    };
    tick();
  });
}

async function legacyClient(transportOptions: ConstructorParameters<typeof StreamableHttpClientTransport>[1] = {}) {
  const transport = new StreamableHttpClientTransport(url, { reconnection: FAST, ...transportOptions });
  const session = new Session(transport);
  const notes: JSONRPCNotification[] = [];
  const errors: Error[] = [];
  session.onerror = (e) => errors.push(e);
  session.setNotificationHandler('notifications/message', (n) => void notes.push(n));
  session.setNotificationHandler('notifications/poked', (n) => void notes.push(n));
  session.setRequestHandler('sampling/createMessage', () => ({ text: 'from client' }));
  await session.start();
  cleanups.push(() => session.close());
  const init = await session.request('initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'c', version: '1' } });
  transport.setProtocolVersion(init.protocolVersion as string);
  await session.notify('notifications/initialized');
  return { transport, session, notes, errors };
}

describe('client, legacy era', () => {
  it('initializes, keeps the session id, and round-trips JSON and SSE answers', async () => {
    const { transport, session, notes } = await legacyClient();
    expect(transport.sessionId).toMatch(/^[0-9a-f]{32}$/);
    expect(await session.request('echo', { v: 1 })).toEqual({ echo: { v: 1 } });
    expect(await session.request('chatty', { count: 2 })).toEqual({ notes: 2 });
    expect(notes.filter((n) => n.method === 'notifications/message')).toHaveLength(2);
  });

  it('answers a server-to-client request carried on the POST stream', async () => {
    const { session } = await legacyClient();
    expect(await session.request('ask')).toEqual({ answer: { text: 'from client' } });
  });

  it('opens the GET stream after initialized and receives unrelated messages on it', async () => {
    const { transport, session, notes } = await legacyClient();
    await until(() => handler.session(transport.sessionId as string)?.busy === true);
    await session.notify('notifications/poke');
    await until(() => notes.some((n) => n.method === 'notifications/poked'));
  });

  it('resumes a POST stream the server closed, with Last-Event-ID: the response arrives exactly once', async () => {
    const resumes: string[] = [];
    const recordingFetch = (input: string | URL, init?: RequestInit): Promise<Response> => {
      const lastEventId = new Headers(init?.headers).get('last-event-id');
      if (init?.method === 'GET' && lastEventId !== null) resumes.push(lastEventId);
      return fetch(input, init);
    };
    const { transport, session, errors } = await legacyClient({ fetch: recordingFetch, openGetStream: false });
    const sid = transport.sessionId as string;
    // Ids so far: 1 (initialize); the ask is 2. Its connection drops while the client answers.
    session.setRequestHandler('sampling/createMessage', () => {
      handler.session(sid)?.closeSseStream(2);
      return { text: 'after resume' };
    });
    expect(await session.request('ask')).toEqual({ answer: { text: 'after resume' } });
    expect(resumes).toHaveLength(1);
    expect(resumes[0]).toMatch(/^\d+_\d+$/);
    expect(errors).toEqual([]);
  });

  it('sends DELETE on close, ending the server session', async () => {
    const { transport, session } = await legacyClient();
    const sid = transport.sessionId as string;
    expect(handler.session(sid)).toBeDefined();
    await session.close();
    expect(handler.session(sid)).toBeUndefined();
  });

  it('rejects the request with the HTTP status when the session is gone (404), and forgets the id', async () => {
    const { transport, session } = await legacyClient();
    await handler.close();
    const error = await session.request('echo').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).data).toMatchObject({ httpStatus: 404 });
    expect(transport.sessionId).toBeUndefined();
  });
});

describe('client, modern era', () => {
  async function modernClient() {
    const transport = new StreamableHttpClientTransport(url, { reconnection: FAST });
    const session = new Session(transport);
    await session.start();
    cleanups.push(() => session.close());
    return { transport, session };
  }

  it('sends MCP-Protocol-Version, Mcp-Method and Mcp-Name from the request', async () => {
    const { session } = await modernClient();
    expect(await session.request('echo', { _meta: META, z: 1 })).toMatchObject({ echo: { z: 1 } });
    expect(await session.request('tools/call', { _meta: META, name: 'ünïcode' })).toMatchObject({ content: [{ text: 'ünïcode' }] });
  });

  it('learns x-mcp-header from tools/list and mirrors arguments into Mcp-Param-* headers', async () => {
    const { session } = await modernClient();
    await session.request('tools/list', { _meta: META });
    const result = await session.request('tools/call', { _meta: META, name: 'sql', arguments: { region: 'us-west1' } });
    expect(result).toMatchObject({ content: [{ text: 'sql' }] });
  });

  it('cancelling a request closes its HTTP exchange, which cancels the handler on the server', async () => {
    const { session } = await modernClient();
    const controller = new AbortController();
    const pending = session.request('wait', { _meta: META, tag: 'client-cancel' }, { signal: controller.signal }).catch((e: unknown) => e);
    await until(() => server.log.transports.length > 0);
    controller.abort();
    expect(await pending).toMatchObject({ code: 'MCPKIT_CANCELLED' });
    await until(() => server.log.aborted.includes('client-cancel'));
    // The session still works afterwards.
    expect(await session.request('echo', { _meta: META })).toMatchObject({ echo: {} });
  });

  it('without learned annotations the server rejects with -32020', async () => {
    const { session } = await modernClient();
    const error = await session.request('tools/call', { _meta: META, name: 'sql', arguments: { region: 'x' } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: -32020, data: { httpStatus: 400 } });
  });
});

describe('client, HTTP failures and reconnection', () => {
  async function rawServer(fn: (request: Request, n: number) => Response | Promise<Response>): Promise<URL> {
    let n = 0;
    const s = await serve(async (request) => fn(request, ++n));
    cleanups.push(() => s.close());
    return new URL('/mcp', s.url);
  }

  it('turns a 405 into an error response for that request (era detection)', async () => {
    const target = await rawServer(() => new Response('nope', { status: 405 }));
    const session = new Session(new StreamableHttpClientTransport(target));
    await session.start();
    cleanups.push(() => session.close());
    const error = await session.request('server/discover', { _meta: META }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: -32600, data: { httpStatus: 405 } });
  });

  it('keeps the JSON-RPC error code of an error body', async () => {
    const target = await rawServer(async (request) => {
      const body = (await request.json()) as { id: number };
      return new Response(JSON.stringify({ jsonrpc: '2.0', id: body.id, error: { code: -32022, message: 'Unsupported', data: { supported: ['2025-11-25'] } } }), {
        status: 400,
        headers: { 'content-type': 'application/json' },
      });
    });
    const session = new Session(new StreamableHttpClientTransport(target));
    await session.start();
    cleanups.push(() => session.close());
    const error = await session.request('server/discover', { _meta: META }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: -32022, data: { supported: ['2025-11-25'], httpStatus: 400 } });
  });

  it('re-issues a modern request whose stream broke, with a new id mapped back to the original', async () => {
    const seen: unknown[] = [];
    const target = await rawServer(async (request) => {
      const body = (await request.json()) as { id: string | number };
      seen.push(body.id);
      if (seen.length === 1) {
        const progress = `data: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/progress', params: { progressToken: 1, progress: 1 } })}\n\n`;
        return new Response(progress, { headers: { 'content-type': 'text/event-stream' } });
      }
      return Response.json({ jsonrpc: '2.0', id: body.id, result: { attempt: seen.length } });
    });
    const session = new Session(new StreamableHttpClientTransport(target, { reconnection: FAST }));
    await session.start();
    cleanups.push(() => session.close());
    expect(await session.request('tools/call', { _meta: META, name: 'x' })).toEqual({ attempt: 2 });
    expect(seen).toHaveLength(2);
    expect(seen[1]).not.toBe(seen[0]);
  });

  it('gives up with an error response after maxRetries re-issues of a broken modern stream', async () => {
    let posts = 0;
    const target = await rawServer(() => {
      posts++;
      return new Response(': nothing\n\n', { headers: { 'content-type': 'text/event-stream' } });
    });
    const session = new Session(new StreamableHttpClientTransport(target, { reconnection: FAST }));
    await session.start();
    cleanups.push(() => session.close());
    const error = await session.request('tools/call', { _meta: META, name: 'x' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: -32603 });
    expect(posts).toBe(1 + FAST.maxRetries);
  });

  it('a broken legacy stream without event ids rejects its request instead of hanging', async () => {
    const target = await rawServer(() => new Response('data: \n\n', { headers: { 'content-type': 'text/event-stream' } }));
    const session = new Session(new StreamableHttpClientTransport(target, { reconnection: FAST }));
    await session.start();
    cleanups.push(() => session.close());
    const error = await session.request('ping').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: -32603 });
  });

  it('sends static and per-message headers; protocol headers win over them', async () => {
    const seen: Headers[] = [];
    const target = await rawServer(async (request) => {
      seen.push(request.headers);
      const body = (await request.json()) as { id: number };
      return Response.json({ jsonrpc: '2.0', id: body.id, result: {} });
    });
    const transport = new StreamableHttpClientTransport(target, {
      headers: { Authorization: 'Bearer t', 'mcp-method': 'forged' },
      requestHeaders: (message) => ({ 'x-method': 'method' in message ? String(message.method) : '' }),
    });
    const session = new Session(transport);
    await session.start();
    cleanups.push(() => session.close());
    await session.request('echo', { _meta: META });
    expect(seen[0]?.get('authorization')).toBe('Bearer t');
    expect(seen[0]?.get('x-method')).toBe('echo');
    expect(seen[0]?.get('mcp-method')).toBe('echo');
    expect(seen[0]?.get('mcp-protocol-version')).toBe('2026-07-28');
    expect(seen[0]?.get('accept')).toBe('application/json, text/event-stream');
    // Legacy requests carry Mcp-Method and Mcp-Name too.
    await session.request('prompts/get', { name: 'greet' });
    expect(seen[1]?.get('mcp-method')).toBe('prompts/get');
    expect(seen[1]?.get('mcp-name')).toBe('greet');
  });

  it('reconnects the GET stream with backoff after failures, resuming with Last-Event-ID', async () => {
    let getCount = 0;
    const lastEventIds: (string | null)[] = [];
    const target = await rawServer(async (request) => {
      if (request.method === 'DELETE') return new Response(null, { status: 200 });
      if (request.method === 'POST') {
        const body = (await request.json()) as { id?: number; method: string };
        if (body.id === undefined) return new Response(null, { status: 202 });
        return Response.json({ jsonrpc: '2.0', id: body.id, result: { protocolVersion: '2025-11-25', capabilities: {}, serverInfo: { name: 'r', version: '1' } } }, { headers: { 'mcp-session-id': 'abc' } });
      }
      getCount++;
      lastEventIds.push(request.headers.get('last-event-id'));
      if (getCount <= 2) return new Response(null, { status: 503 });
      const note = (n: number) => `id: g_${n}\ndata: ${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/message', params: { n } })}\n\n`;
      return new Response(note(getCount - 2), { headers: { 'content-type': 'text/event-stream' } });
    });
    const transport = new StreamableHttpClientTransport(target, { reconnection: FAST });
    const session = new Session(transport);
    const got: unknown[] = [];
    session.setNotificationHandler('notifications/message', (n) => void got.push(n.params?.n));
    await session.start();
    cleanups.push(() => session.close());
    await session.request('initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'c', version: '1' } });
    await session.notify('notifications/initialized');
    await until(() => got.length >= 2);
    expect(got.slice(0, 2)).toEqual([1, 2]);
    expect(lastEventIds.slice(0, 4)).toEqual([null, null, null, 'g_1']);
  });
});
