import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServedHandler } from '@mcpkit/transports/http';
import { createStreamableHttpHandler, encodeHeaderValue, type StreamableHttpHandler } from '@mcpkit/transports/streamable-http';
import { TestServer } from '../http/test-server.js';
import { messagesOf, post, sseEvents } from '../http/fetch-helpers.js';

const V = '2026-07-28';
const META = { 'io.modelcontextprotocol/protocolVersion': V, 'io.modelcontextprotocol/clientCapabilities': {} };

let served: ServedHandler;
let handler: StreamableHttpHandler;
let server: TestServer;
let url: URL;

beforeAll(async () => {
  server = new TestServer();
  handler = createStreamableHttpHandler(server, {
    modern: { headerParams: (tool) => (tool === 'sql' ? [{ name: 'Region', path: ['region'] }] : undefined) },
  });
  served = await serve(handler);
  url = new URL('/mcp', served.url);
});

afterAll(async () => {
  await handler.close();
  await served.close();
});

function request(id: number, method: string, params: Record<string, unknown> = {}): Record<string, unknown> {
  return { jsonrpc: '2.0', id, method, params: { ...params, _meta: META } };
}

function modernHeaders(method: string, name?: string): Record<string, string> {
  const h: Record<string, string> = { 'mcp-protocol-version': V, 'mcp-method': method };
  if (name !== undefined) h['mcp-name'] = encodeHeaderValue(name);
  return h;
}

describe('modern era: stateless requests', () => {
  it('answers a request in JSON on a fresh transport, with no session id', async () => {
    const before = server.log.transports.length;
    const response = await post(url, request(1, 'echo', { a: 1 }), modernHeaders('echo'));
    expect(response.status).toBe(200);
    expect(response.headers.get('mcp-session-id')).toBeNull();
    expect(await response.json()).toMatchObject({ id: 1, result: { echo: { a: 1 } } });
    const second = await post(url, request(1, 'echo'), modernHeaders('echo'));
    await second.json();
    expect(server.log.transports.length).toBe(before + 2);
  });

  it('streams related notifications before the final response, then ends the stream', async () => {
    const response = await post(url, request(2, 'chatty', { count: 2 }), modernHeaders('chatty'));
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const events = await sseEvents(response);
    // No event ids: modern streams are not resumable.
    expect(events.every((e) => e.id === undefined)).toBe(true);
    expect(messagesOf(events).map((m) => m.method ?? m.id)).toEqual(['notifications/message', 'notifications/message', 2]);
  });

  it('answers in SSE when the client accepts only SSE', async () => {
    const response = await post(url, request(3, 'echo'), { ...modernHeaders('echo'), accept: 'text/event-stream' });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(messagesOf(await sseEvents(response))).toMatchObject([{ id: 3, result: {} }]);
  });

  it('maps Method not found to HTTP 404 with -32601', async () => {
    const response = await post(url, request(4, 'nope/nope'), modernHeaders('nope/nope'));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ id: 4, error: { code: -32601 } });
  });

  it('answers a notification with 202', async () => {
    const response = await post(url, { jsonrpc: '2.0', method: 'notifications/poke', params: { _meta: META } }, { 'mcp-protocol-version': V, 'mcp-method': 'notifications/poke' });
    expect(response.status).toBe(202);
  });

  it('refuses responses from the client with 400', async () => {
    const response = await post(url, { jsonrpc: '2.0', id: 1, result: {} }, { 'mcp-protocol-version': V });
    expect(response.status).toBe(400);
  });

  it('closing the response stream cancels the request on the server', async () => {
    const controller = new AbortController();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...modernHeaders('wait') },
      body: JSON.stringify(request(5, 'wait', { tag: 'modern-abort' })),
      signal: controller.signal,
    });
    expect(response.status).toBe(200);
    controller.abort();
    for (let i = 0; i < 100 && !server.log.aborted.includes('modern-abort'); i++) await new Promise((r) => setTimeout(r, 10));
    expect(server.log.aborted).toContain('modern-abort');
  });
});

describe('modern era: request metadata headers (-32020 HeaderMismatch, 400)', () => {
  async function expectMismatch(body: unknown, headers: Record<string, string>): Promise<void> {
    const response = await post(url, body, headers);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: -32020 } });
  }

  it('requires MCP-Protocol-Version', () => expectMismatch(request(1, 'echo'), { 'mcp-method': 'echo' }));
  it('requires the header version to match the body', () =>
    expectMismatch(request(1, 'echo'), { ...modernHeaders('echo'), 'mcp-protocol-version': '2027-01-01' }));
  it('answers a modern request without its _meta envelope with -32602 and 400', async () => {
    const cases = [
      {},
      { _meta: { 'io.modelcontextprotocol/clientCapabilities': {} } },
      { _meta: { 'io.modelcontextprotocol/protocolVersion': V } },
    ];
    for (const params of cases) {
      const response = await post(url, { jsonrpc: '2.0', id: 7, method: 'server/discover', params }, modernHeaders('server/discover'));
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ id: 7, error: { code: -32602 } });
    }
  });
  it('requires Mcp-Method', () => expectMismatch(request(1, 'echo'), { 'mcp-protocol-version': V }));
  it('requires Mcp-Method to match', () => expectMismatch(request(1, 'echo'), modernHeaders('other')));
  it('requires Mcp-Name for tools/call', () => expectMismatch(request(1, 'tools/call', { name: 't' }), modernHeaders('tools/call')));
  it('requires Mcp-Name to match', () => expectMismatch(request(1, 'tools/call', { name: 't' }), modernHeaders('tools/call', 'u')));
  it('requires Mcp-Name (uri) for resources/read', () =>
    expectMismatch(request(1, 'resources/read', { uri: 'file:///a' }), modernHeaders('resources/read', 'file:///b')));
  it('refuses a malformed Base64 Mcp-Name', () =>
    expectMismatch(request(1, 'prompts/get', { name: 'p' }), { ...modernHeaders('prompts/get'), 'mcp-name': '=?base64?***?=' }));

  it('accepts a Base64-encoded Mcp-Name that decodes to the body value', async () => {
    const name = 'héllo wörld';
    const response = await post(url, request(1, 'tools/call', { name }), modernHeaders('tools/call', name));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ result: { content: [{ text: name }] } });
  });

  it('checks Mcp-Param-* against x-mcp-header arguments', async () => {
    const body = request(1, 'tools/call', { name: 'sql', arguments: { region: 'us-west1', query: 'select 1' } });
    await expectMismatch(body, modernHeaders('tools/call', 'sql'));
    await expectMismatch(body, { ...modernHeaders('tools/call', 'sql'), 'mcp-param-region': 'eu-west1' });
    const ok = await post(url, body, { ...modernHeaders('tools/call', 'sql'), 'mcp-param-region': 'us-west1' });
    expect(ok.status).toBe(200);
    await ok.body?.cancel();
  });
});

describe('modern era: x-mcp-header from the server', () => {
  it('checks Mcp-Param-* using the server\'s toolInputSchema when no headerParams option is given', async () => {
    const auto = createStreamableHttpHandler(new TestServer());
    const body = request(1, 'tools/call', { name: 'sql', arguments: { region: 'us-west1' } });
    const call = (extra: Record<string, string>) =>
      auto(new Request('http://localhost/mcp', { method: 'POST', headers: { 'content-type': 'application/json', ...modernHeaders('tools/call', 'sql'), ...extra }, body: JSON.stringify(body) }));
    expect((await call({})).status).toBe(400);
    expect((await call({ 'mcp-param-region': '=?base64?dXMtd2VzdDE=?=' })).status).toBe(200);
  });
});

describe('modern era: limits', () => {
  it('answers 503 past maxConcurrentRequests, and frees the slot when a stream is closed', async () => {
    const limited = createStreamableHttpHandler(new TestServer(), { modern: { maxConcurrentRequests: 1 } });
    const s = await serve(limited);
    const target = new URL('/mcp', s.url);
    try {
      const controller = new AbortController();
      const waiting = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...modernHeaders('wait') },
        body: JSON.stringify(request(1, 'wait')),
        signal: controller.signal,
      });
      expect(waiting.status).toBe(200);
      const busy = await post(target, request(2, 'echo'), modernHeaders('echo'));
      expect(busy.status).toBe(503);
      expect(await busy.json()).toMatchObject({ id: 2, error: { code: -32603 } });
      controller.abort();
      let status = 503;
      for (let i = 0; i < 100 && status === 503; i++) {
        const again = await post(target, request(3, 'echo'), modernHeaders('echo'));
        status = again.status;
        await again.body?.cancel();
        if (status === 503) await new Promise((r) => setTimeout(r, 10));
      }
      expect(status).toBe(200);
    } finally {
      await s.close();
    }
  });
});

describe('modern-only and legacy-only endpoints', () => {
  it('a modern-only endpoint answers GET and DELETE with 405 and refuses initialize with 400', async () => {
    const modernOnly = createStreamableHttpHandler(new TestServer(), { legacy: false });
    const get = await modernOnly(new Request('http://localhost/mcp', { headers: { accept: 'text/event-stream' } }));
    expect(get.status).toBe(405);
    const del = await modernOnly(new Request('http://localhost/mcp', { method: 'DELETE' }));
    expect(del.status).toBe(405);
    const init = await modernOnly(new Request('http://localhost/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: {} }),
    }));
    expect(init.status).toBe(400);
  });
});
