import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { McpkitError, Session, type JSONRPCNotification } from '@mcpkit/core';
import { serve, type ServedHandler } from '@mcpkit/transports/http';
import { SseClientTransport, createSseHandler, type SseHandler } from '@mcpkit/transports/sse';
import { TestServer } from '../http/test-server.js';
import { initializeRequest, post, sseIterator } from '../http/fetch-helpers.js';

let served: ServedHandler;
let handler: SseHandler;
let server: TestServer;
let url: URL;
const cleanups: (() => Promise<void>)[] = [];

beforeEach(async () => {
  server = new TestServer();
  handler = createSseHandler(server, { messagesPath: '/messages', maxBodyBytes: 2048 });
  served = await serve(handler);
  url = new URL('/sse', served.url);
});

afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
  await handler.close();
  await served.close();
});

describe('HTTP+SSE server end (raw)', () => {
  it('sends the endpoint event first, takes POSTs with 202 and answers on the stream', async () => {
    const get = await fetch(url, { headers: { accept: 'text/event-stream' } });
    expect(get.headers.get('content-type')).toBe('text/event-stream');
    const events = sseIterator(get);
    const endpoint = await events.next();
    expect(endpoint.event).toBe('endpoint');
    expect(endpoint.data).toMatch(/^\/messages\?sessionId=[0-9a-f]{32}$/);
    const postUrl = new URL(endpoint.data, served.url);
    const accepted = await post(postUrl, initializeRequest(1, '2024-11-05'));
    expect(accepted.status).toBe(202);
    const answer = await events.next();
    expect(answer.event).toBe('message');
    expect(JSON.parse(answer.data)).toMatchObject({ id: 1, result: { protocolVersion: '2024-11-05' } });
    await events.cancel();
  });

  it('answers 404 for an unknown session, 400 without one, 400 -32700 for garbage, 413 when too large', async () => {
    const get = await fetch(url, { headers: { accept: 'text/event-stream' } });
    const events = sseIterator(get);
    const postUrl = new URL((await events.next()).data, served.url);
    expect((await post(new URL('/messages?sessionId=nope', served.url), initializeRequest())).status).toBe(404);
    expect((await post(new URL('/messages', served.url), initializeRequest())).status).toBe(400);
    const garbage = await post(postUrl, 'not json');
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({ error: { code: -32700 } });
    expect((await post(postUrl, { jsonrpc: '2.0', id: 1, method: 'echo', params: { pad: 'x'.repeat(4000) } })).status).toBe(413);
    expect((await post(postUrl, initializeRequest())).status).toBe(202);
    await events.cancel();
  });

  it('refuses a foreign Origin with 403', async () => {
    const get = await fetch(url, { headers: { accept: 'text/event-stream', origin: 'http://evil.example.com' } });
    expect(get.status).toBe(403);
  });

  it('closes the server transport when the client disconnects', async () => {
    const get = await fetch(url, { headers: { accept: 'text/event-stream' } });
    const events = sseIterator(get);
    await events.next();
    expect(handler.size).toBe(1);
    await events.cancel();
    for (let i = 0; i < 100 && handler.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(handler.size).toBe(0);
  });
});

describe('HTTP+SSE both ends', () => {
  async function connect() {
    const transport = new SseClientTransport(url);
    const session = new Session(transport);
    const notes: JSONRPCNotification[] = [];
    session.setNotificationHandler('notifications/message', (n) => void notes.push(n));
    session.setRequestHandler('sampling/createMessage', () => ({ text: 'sse client' }));
    await session.start();
    cleanups.push(() => session.close());
    return { transport, session, notes };
  }

  it('round-trips requests, notifications and server-to-client requests', async () => {
    const { transport, session, notes } = await connect();
    expect(transport.sessionId).toMatch(/^[0-9a-f]{32}$/);
    expect(await session.request('initialize', { protocolVersion: '2024-11-05', capabilities: {}, clientInfo: { name: 'c', version: '1' } })).toMatchObject({ protocolVersion: '2024-11-05' });
    expect(await session.request('chatty', { count: 2 })).toEqual({ notes: 2 });
    expect(notes).toHaveLength(2);
    expect(await session.request('ask')).toEqual({ answer: { text: 'sse client' } });
  });

  it('closing the client closes the server side', async () => {
    const { session } = await connect();
    expect(handler.size).toBe(1);
    await session.close();
    for (let i = 0; i < 100 && handler.size > 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(handler.size).toBe(0);
  });

  it('start() fails with the HTTP status when the URL is not an SSE endpoint', async () => {
    const s = await serve(async () => new Response('no', { status: 404 }));
    cleanups.push(() => s.close());
    const error = await new SseClientTransport(new URL('/sse', s.url)).start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpkitError);
    expect((error as McpkitError).data).toEqual({ httpStatus: 404 });
  });

  it('refuses an endpoint on another origin', async () => {
    const s = await serve(async () =>
      new Response('event: endpoint\ndata: http://127.0.0.2:1/steal\n\n', { headers: { 'content-type': 'text/event-stream' } }),
    );
    cleanups.push(() => s.close());
    const error = await new SseClientTransport(new URL('/sse', s.url)).start().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MCPKIT_INVALID_RESPONSE' });
  });
});
