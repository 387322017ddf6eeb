import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serve, type ServedHandler } from '@mcpkit/transports/http';
import { InMemoryEventStore, createStreamableHttpHandler, type StreamableHttpHandler } from '@mcpkit/transports/streamable-http';
import { TestServer } from '../http/test-server.js';
import { initializeRequest, messagesOf, post, sseEvents, sseIterator } from '../http/fetch-helpers.js';

let served: ServedHandler;
let handler: StreamableHttpHandler;
let server: TestServer;
let url: URL;

beforeEach(async () => {
  server = new TestServer();
  handler = createStreamableHttpHandler(server, { legacy: { retryMs: 10 } });
  served = await serve(handler);
  url = new URL('/mcp', served.url);
});

afterEach(async () => {
  await handler.close();
  await served.close();
});

async function initialize(): Promise<string> {
  const response = await post(url, initializeRequest());
  expect(response.status).toBe(200);
  const id = response.headers.get('mcp-session-id');
  expect(id).toMatch(/^[0-9a-f]{32}$/);
  await response.json();
  return id as string;
}

describe('legacy session lifecycle', () => {
  it('initialize creates a session with a 128-bit id and answers in JSON', async () => {
    const response = await post(url, initializeRequest(7));
    expect(response.headers.get('content-type')).toContain('application/json');
    const sessionId = response.headers.get('mcp-session-id') as string;
    expect(sessionId).toHaveLength(32);
    expect(await response.json()).toMatchObject({ id: 7, result: { serverInfo: { name: 'test-server' } } });
    expect(handler.session(sessionId)).toBeDefined();
  });

  it('gives each initialize its own session and transport', async () => {
    const a = await initialize();
    const b = await initialize();
    expect(a).not.toBe(b);
    expect(server.log.transports).toHaveLength(2);
  });

  it('answers notifications with 202 and requests with their response', async () => {
    const sid = await initialize();
    const note = await post(url, { jsonrpc: '2.0', method: 'notifications/initialized' }, { 'mcp-session-id': sid });
    expect(note.status).toBe(202);
    expect(await note.text()).toBe('');
    const echo = await post(url, { jsonrpc: '2.0', id: 2, method: 'echo', params: { x: 1 } }, { 'mcp-session-id': sid, 'mcp-protocol-version': '2025-11-25' });
    expect(await echo.json()).toEqual({ jsonrpc: '2.0', id: 2, result: { echo: { x: 1 } } });
    expect(server.log.notifications).toContain('initialized');
  });

  it('answers 404 for an unknown session and 400 without one', async () => {
    const unknown = await post(url, { jsonrpc: '2.0', id: 2, method: 'echo' }, { 'mcp-session-id': 'nope' });
    expect(unknown.status).toBe(404);
    const missing = await post(url, { jsonrpc: '2.0', id: 2, method: 'echo' });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { code: -32600 } });
  });

  it('DELETE ends the session: later requests get 404 and the transport closes', async () => {
    const sid = await initialize();
    let closed = false;
    const transport = handler.session(sid);
    const previous = transport?.onclose;
    if (transport) transport.onclose = () => { previous?.(); closed = true; };
    const del = await fetch(url, { method: 'DELETE', headers: { 'mcp-session-id': sid } });
    expect(del.status).toBe(200);
    expect(closed).toBe(true);
    const after = await post(url, { jsonrpc: '2.0', id: 3, method: 'echo' }, { 'mcp-session-id': sid });
    expect(after.status).toBe(404);
  });

  it('reaps idle sessions after the idle timeout (injected timers)', async () => {
    const due: (() => void)[] = [];
    const timers = { setTimeout: (fn: () => void) => due.push(fn), clearTimeout: () => undefined };
    const closed: string[] = [];
    const quick = createStreamableHttpHandler(new TestServer(), { timers, keepAliveMs: 0, legacy: { idleTimeoutMs: 1, onSessionClosed: (id) => closed.push(id) } });
    const response = await quick(new Request('http://localhost/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(initializeRequest()),
    }));
    const sid = response.headers.get('mcp-session-id') as string;
    await response.json();
    expect(quick.session(sid)).toBeDefined();
    for (const fire of due.splice(0)) fire();
    expect(closed).toEqual([sid]);
    expect(quick.session(sid)).toBeUndefined();
  });

  it('reaps a session used after the sweep was armed one sweep later, and a busy one not at all', async () => {
    const due: (() => void)[] = [];
    const timers = { setTimeout: (fn: () => void) => due.push(fn), clearTimeout: () => undefined };
    const closed: string[] = [];
    const quick = createStreamableHttpHandler(new TestServer(), { timers, keepAliveMs: 0, legacy: { idleTimeoutMs: 1, onSessionClosed: (id) => closed.push(id) } });
    const open = async (): Promise<string> => {
      const response = await quick(new Request('http://localhost/mcp', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(initializeRequest()) }));
      await response.json();
      return response.headers.get('mcp-session-id') as string;
    };
    const first = await open();
    const second = await open();
    const get = await quick(new Request('http://localhost/mcp', { headers: { accept: 'text/event-stream', 'mcp-session-id': second } }));
    for (const fire of due.splice(0)) fire();
    expect(closed).toEqual([first]);
    for (const fire of due.splice(0)) fire();
    // Its GET stream is open: not idle, however many sweeps pass.
    expect(closed).toEqual([first]);
    await get.body?.cancel();
    for (const fire of due.splice(0)) fire();
    for (const fire of due.splice(0)) fire();
    expect(closed).toEqual([first, second]);
    expect(due).toEqual([]);
  });

  it('creates no event store for a session answered only in JSON, and one on its first SSE answer', async () => {
    const created: string[] = [];
    const lazy = createStreamableHttpHandler(new TestServer(), {
      keepAliveMs: 0,
      legacy: { eventStore: (id) => (created.push(id), new InMemoryEventStore()) },
    });
    const call = (body: unknown, sid?: string): Promise<Response> =>
      lazy(new Request('http://localhost/mcp', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', ...(sid === undefined ? {} : { 'mcp-session-id': sid }) },
        body: JSON.stringify(body),
      }));
    const init = await call(initializeRequest());
    const sid = init.headers.get('mcp-session-id') as string;
    await init.json();
    expect(await (await call({ jsonrpc: '2.0', id: 2, method: 'echo', params: { x: 1 } }, sid)).json()).toMatchObject({ id: 2 });
    expect(created).toEqual([]);
    const chatty = await call({ jsonrpc: '2.0', id: 3, method: 'chatty', params: { count: 1 } }, sid);
    expect(messagesOf(await sseEvents(chatty))).toHaveLength(2);
    expect(created).toEqual([sid]);
    await lazy.close();
  });

  it('refuses an unsupported MCP-Protocol-Version with 400', async () => {
    const sid = await initialize();
    const response = await post(url, { jsonrpc: '2.0', id: 2, method: 'echo' }, { 'mcp-session-id': sid, 'mcp-protocol-version': '1999-01-01' });
    expect(response.status).toBe(400);
  });
});

describe('legacy responses', () => {
  it('switches to SSE when related notifications precede the response', async () => {
    const sid = await initialize();
    const response = await post(url, { jsonrpc: '2.0', id: 5, method: 'chatty', params: { count: 3 } }, { 'mcp-session-id': sid });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = await sseEvents(response);
    const messages = messagesOf(events);
    expect(messages.map((m) => m.method ?? 'response')).toEqual(['notifications/message', 'notifications/message', 'notifications/message', 'response']);
    expect(messages[3]).toMatchObject({ id: 5, result: { notes: 3 } });
    // A priming event (id, empty data, retry) comes first so the client can resume.
    expect(events[0]).toMatchObject({ data: '' });
    expect(events[0]?.id).toBeDefined();
  });

  it('answers a 2025-03-26 batch with a batch', async () => {
    const sid = await initialize();
    const response = await post(
      url,
      [
        { jsonrpc: '2.0', id: 'a', method: 'echo', params: { n: 1 } },
        { jsonrpc: '2.0', method: 'notifications/poke' },
        { jsonrpc: '2.0', id: 'b', method: 'echo', params: { n: 2 } },
      ],
      { 'mcp-session-id': sid, 'mcp-protocol-version': '2025-03-26' },
    );
    const body = (await response.json()) as { id: string }[];
    expect(body.map((m) => m.id).sort()).toEqual(['a', 'b']);
  });

  it('refuses a batch under a later protocol version', async () => {
    const sid = await initialize();
    const response = await post(url, [{ jsonrpc: '2.0', id: 'a', method: 'echo' }], { 'mcp-session-id': sid, 'mcp-protocol-version': '2025-06-18' });
    expect(response.status).toBe(400);
  });

  it('routes a server-to-client request onto the POST stream and takes the answer by POST', async () => {
    const sid = await initialize();
    const response = await post(url, { jsonrpc: '2.0', id: 9, method: 'ask' }, { 'mcp-session-id': sid });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = sseIterator(response);
    let event = await events.next();
    while (event.data === '') event = await events.next();
    const request = JSON.parse(event.data) as { id: number; method: string };
    expect(request.method).toBe('sampling/createMessage');
    const answer = await post(url, { jsonrpc: '2.0', id: request.id, result: { text: 'hi' } }, { 'mcp-session-id': sid });
    expect(answer.status).toBe(202);
    const final = JSON.parse((await events.next()).data) as Record<string, unknown>;
    expect(final).toMatchObject({ id: 9, result: { answer: { text: 'hi' } } });
  });

  it('hides handler errors behind a generic internal error', async () => {
    const sid = await initialize();
    const response = await post(url, { jsonrpc: '2.0', id: 4, method: 'fail' }, { 'mcp-session-id': sid });
    const body = JSON.stringify(await response.json());
    expect(body).toContain('-32603');
    expect(body).not.toContain('secret');
  });
});

describe('legacy GET stream and resumption', () => {
  it('delivers unrelated server messages on the GET stream; a second GET gets 409', async () => {
    const sid = await initialize();
    const get = await fetch(url, { headers: { accept: 'text/event-stream', 'mcp-session-id': sid } });
    expect(get.status).toBe(200);
    expect(get.headers.get('content-type')).toBe('text/event-stream');
    const events = sseIterator(get);
    const second = await fetch(url, { headers: { accept: 'text/event-stream', 'mcp-session-id': sid } });
    expect(second.status).toBe(409);
    await post(url, { jsonrpc: '2.0', method: 'notifications/poke' }, { 'mcp-session-id': sid });
    let event = await events.next();
    while (event.data === '') event = await events.next();
    expect(JSON.parse(event.data)).toMatchObject({ method: 'notifications/poked' });
    await events.cancel();
  });

  it('GET needs Accept: text/event-stream (406) and a known session (404)', async () => {
    const sid = await initialize();
    expect((await fetch(url, { headers: { accept: 'application/json', 'mcp-session-id': sid } })).status).toBe(406);
    expect((await fetch(url, { headers: { accept: 'text/event-stream', 'mcp-session-id': 'x' } })).status).toBe(404);
    expect((await fetch(url, { headers: { accept: 'text/event-stream', 'mcp-session-id': sid, 'mcp-protocol-version': '1999-01-01' } })).status).toBe(400);
  });

  it('resumes a stream closed by the server (SEP-1699) with Last-Event-ID: every message exactly once', async () => {
    const sid = await initialize();
    const response = await post(url, { jsonrpc: '2.0', id: 11, method: 'ask' }, { 'mcp-session-id': sid });
    const events = sseIterator(response);
    const priming = await events.next();
    expect(priming.data).toBe('');
    const askEvent = await events.next();
    const ask = JSON.parse(askEvent.data) as { id: number };
    // The server ends the connection (not the stream); the answer arrives while disconnected.
    handler.session(sid)?.closeSseStream(11);
    await post(url, { jsonrpc: '2.0', id: ask.id, result: { text: 'later' } }, { 'mcp-session-id': sid });
    const resumed = await fetch(url, { headers: { accept: 'text/event-stream', 'mcp-session-id': sid, 'last-event-id': askEvent.id as string } });
    expect(resumed.status).toBe(200);
    const replayed = messagesOf(await sseEvents(resumed));
    expect(replayed).toEqual([{ jsonrpc: '2.0', id: 11, result: { answer: { text: 'later' } } }]);
  });

  it('replays from the priming event id when nothing was received', async () => {
    const sid = await initialize();
    const response = await post(url, { jsonrpc: '2.0', id: 12, method: 'chatty', params: { count: 2 } }, { 'mcp-session-id': sid });
    const all = await sseEvents(response);
    const resumed = await fetch(url, { headers: { accept: 'text/event-stream', 'mcp-session-id': sid, 'last-event-id': all[0]?.id as string } });
    const again = messagesOf(await sseEvents(resumed));
    expect(again).toEqual(messagesOf(all));
  });

  it('sends related requests of a JSON-only client on the GET stream', async () => {
    const sid = await initialize();
    const get = await fetch(url, { headers: { accept: 'text/event-stream', 'mcp-session-id': sid } });
    const events = sseIterator(get);
    const answer = post(url, { jsonrpc: '2.0', id: 21, method: 'ask' }, { 'mcp-session-id': sid, accept: 'application/json' });
    let event = await events.next();
    while (event.data === '') event = await events.next();
    const ask = JSON.parse(event.data) as { id: number; method: string };
    expect(ask.method).toBe('sampling/createMessage');
    await post(url, { jsonrpc: '2.0', id: ask.id, result: { text: 'via GET' } }, { 'mcp-session-id': sid });
    const response = await answer;
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toMatchObject({ id: 21, result: { answer: { text: 'via GET' } } });
    await events.cancel();
  });

  it('forgets the oldest finished streams past maxFinishedStreams', async () => {
    const small = createStreamableHttpHandler(new TestServer(), { legacy: { maxFinishedStreams: 1 } });
    const s = await serve(small);
    const target = new URL('/mcp', s.url);
    try {
      const init = await post(target, initializeRequest());
      const sid = init.headers.get('mcp-session-id') as string;
      await init.json();
      const first = await sseEvents(await post(target, { jsonrpc: '2.0', id: 2, method: 'chatty', params: { count: 1 } }, { 'mcp-session-id': sid }));
      await sseEvents(await post(target, { jsonrpc: '2.0', id: 3, method: 'chatty', params: { count: 1 } }, { 'mcp-session-id': sid }));
      await sseEvents(await post(target, { jsonrpc: '2.0', id: 4, method: 'chatty', params: { count: 1 } }, { 'mcp-session-id': sid }));
      const stale = await fetch(target, { headers: { accept: 'text/event-stream', 'mcp-session-id': sid, 'last-event-id': first[0]?.id as string } });
      expect(stale.status).toBe(400);
    } finally {
      await small.close();
      await s.close();
    }
  });

  it('refuses an unknown Last-Event-ID with 400', async () => {
    const sid = await initialize();
    const resumed = await fetch(url, { headers: { accept: 'text/event-stream', 'mcp-session-id': sid, 'last-event-id': 'zz_4' } });
    expect(resumed.status).toBe(400);
  });
});

describe("legacy responseMode 'json'", () => {
  let jsonServed: ServedHandler;
  let jsonHandler: StreamableHttpHandler;
  let target: URL;
  let sid: string;

  beforeEach(async () => {
    jsonHandler = createStreamableHttpHandler(new TestServer(), { responseMode: 'json' });
    jsonServed = await serve(jsonHandler);
    target = new URL('/mcp', jsonServed.url);
    const init = await post(target, initializeRequest());
    sid = init.headers.get('mcp-session-id') as string;
    await init.json();
  });

  afterEach(async () => {
    await jsonHandler.close();
    await jsonServed.close();
  });

  const chatty = (id: number, meta?: Record<string, unknown>): Record<string, unknown> => ({
    jsonrpc: '2.0',
    id,
    method: 'chatty',
    params: meta === undefined ? { count: 2 } : { count: 2, _meta: meta },
  });

  it('answers a request without a progressToken in JSON, its notifications left out', async () => {
    const response = await post(target, chatty(31), { 'mcp-session-id': sid });
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ jsonrpc: '2.0', id: 31, result: { notes: 2 } });
  });

  it('streams a request with a progressToken on its POST, notifications ahead of the result', async () => {
    const response = await post(target, chatty(32, { progressToken: 'p-32' }), { 'mcp-session-id': sid });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const messages = messagesOf(await sseEvents(response));
    expect(messages.map((m) => m.method ?? m.id)).toEqual(['notifications/message', 'notifications/message', 32]);
  });

  it('still answers in JSON a client whose Accept has no text/event-stream', async () => {
    const response = await post(target, chatty(33, { progressToken: 33 }), { 'mcp-session-id': sid, accept: 'application/json' });
    expect(response.headers.get('content-type')).toContain('application/json');
    expect(await response.json()).toEqual({ jsonrpc: '2.0', id: 33, result: { notes: 2 } });
  });
});
