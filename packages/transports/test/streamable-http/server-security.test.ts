import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type ServedHandler } from '@mcpkit/transports/http';
import { createStreamableHttpHandler, type StreamableHttpHandler } from '@mcpkit/transports/streamable-http';
import { TestServer } from '../http/test-server.js';
import { initializeRequest, post } from '../http/fetch-helpers.js';

let served: ServedHandler;
let handler: StreamableHttpHandler;
let url: URL;

beforeAll(async () => {
  handler = createStreamableHttpHandler(new TestServer(), { maxBodyBytes: 1024 });
  served = await serve(handler);
  url = new URL('/mcp', served.url);
});

afterAll(async () => {
  await handler.close();
  await served.close();
});

describe('DNS rebinding protection (on by default)', () => {
  it('refuses a foreign Origin with 403 and a JSON-RPC error without id', async () => {
    const response = await post(url, initializeRequest(), { origin: 'http://evil.example.com' });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { code: -32600 } });
  });

  it('refuses a foreign Host with 403', async () => {
    // fetch forbids overriding Host, so call the handler directly with a forged request.
    const forged = new Request('http://evil.example.com/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json, text/event-stream', host: 'evil.example.com' },
      body: JSON.stringify(initializeRequest()),
    });
    expect((await handler(forged)).status).toBe(403);
  });

  it('accepts a localhost Origin', async () => {
    const response = await post(url, initializeRequest(), { origin: `http://localhost:${served.port}` });
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });

  it('accepts an explicitly allowed origin and host', async () => {
    const open = createStreamableHttpHandler(new TestServer(), {
      dnsRebindingProtection: { allowedHosts: ['mcp.example.com'], allowedOrigins: ['https://app.example.com'] },
    });
    const request = new Request('http://mcp.example.com/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://app.example.com' },
      body: JSON.stringify(initializeRequest()),
    });
    expect((await open(request)).status).toBe(200);
    await open.close();
  });
});

describe('request checks', () => {
  it('413 for a body over maxBodyBytes', async () => {
    const response = await post(url, { jsonrpc: '2.0', id: 1, method: 'echo', params: { pad: 'x'.repeat(2000) } });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ error: { code: -32600 } });
  });

  it('415 for a non-JSON content type', async () => {
    const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain', accept: 'application/json' }, body: '{}' });
    expect(response.status).toBe(415);
  });

  it('406 when Accept allows neither JSON nor SSE', async () => {
    const response = await post(url, initializeRequest(), { accept: 'text/html' });
    expect(response.status).toBe(406);
  });

  it('garbage gets -32700 with 400, and the server keeps serving', async () => {
    const garbage = await post(url, '{"jsonrpc": "2.0", "id": 1, "meth');
    expect(garbage.status).toBe(400);
    expect(await garbage.json()).toMatchObject({ id: null, error: { code: -32700 } });
    const notRpc = await post(url, { hello: 'world', id: 3 });
    expect(notRpc.status).toBe(400);
    expect(await notRpc.json()).toMatchObject({ id: 3, error: { code: -32600 } });
    const ok = await post(url, initializeRequest());
    expect(ok.status).toBe(200);
    await ok.body?.cancel();
  });

  it('405 with Allow for other methods', async () => {
    const response = await fetch(url, { method: 'PUT', body: 'x' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toContain('POST');
  });
});

describe('CORS (off by default)', () => {
  it('adds no CORS headers unless configured', async () => {
    const response = await post(url, initializeRequest(), { origin: `http://localhost:${served.port}` });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    await response.body?.cancel();
  });

  it('answers preflight and exposes Mcp-Session-Id when configured', async () => {
    const origin = 'http://localhost:5173';
    const cors = createStreamableHttpHandler(new TestServer(), { cors: { origins: [origin] } });
    const preflight = await cors(new Request('http://localhost/mcp', {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'mcp-param-region' },
    }));
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('mcp-param-region');
    const response = await cors(new Request('http://localhost/mcp', {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify(initializeRequest()),
    }));
    expect(response.headers.get('access-control-allow-origin')).toBe(origin);
    expect(response.headers.get('access-control-expose-headers')).toContain('mcp-session-id');
    await cors.close();
  });
});

describe('authenticate hook', () => {
  const authenticated = createStreamableHttpHandler(new TestServer(), {
    authenticate: (request) => {
      const token = request.headers.get('authorization');
      if (token === 'Bearer good') return { subject: 'alice' };
      if (token === 'Bearer weird') throw new Error('verifier crashed: secret');
      throw new Response(null, { status: 401, headers: { 'www-authenticate': 'Bearer resource_metadata="x"' } });
    },
  });
  const call = (authorization: string) =>
    authenticated(new Request('http://localhost/mcp', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization, 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'whoami' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'whoami', params: { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} } } }),
    }));

  it('hands the facts to handlers as authInfo', async () => {
    const response = await call('Bearer good');
    expect(await response.json()).toMatchObject({ result: { authInfo: { subject: 'alice' } } });
  });

  it('sends a thrown Response as is', async () => {
    const response = await call('Bearer bad');
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('resource_metadata');
  });

  it('turns anything else thrown into a bare 401 without detail', async () => {
    const response = await call('Bearer weird');
    expect(response.status).toBe(401);
    expect(await response.text()).toBe('');
  });
});
