/**
 * Fault: a hostile or broken HTTP client — garbage, oversize bodies, wrong headers, stale session
 * ids — gets the right HTTP status and JSON-RPC error, while well-behaved clients of both eras
 * keep calling the same endpoint in parallel the whole time and never see a failure.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@mcpkit/core';
import { Client } from '@mcpkit/client';
import { serve, type ServedHandler } from '@mcpkit/transports/http';
import { StreamableHttpClientTransport, createStreamableHttpHandler, type StreamableHttpHandler } from '@mcpkit/transports/streamable-http';
import { buildTestServer } from '../matrix/test-server.js';

const MAX_BODY = 64 * 1024;
const MODERN = '2026-07-28';
const LEGACY = '2025-11-25';
const JSON_AND_SSE = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

let handler: StreamableHttpHandler;
let served: ServedHandler;
let url: URL;

beforeAll(async () => {
  handler = createStreamableHttpHandler(buildTestServer(), { maxBodyBytes: MAX_BODY });
  served = await serve(handler);
  url = new URL('/mcp', served.url);
});

afterAll(async () => {
  await handler.close();
  await served.close();
});

function modernMeta(): Record<string, unknown> {
  return { 'io.modelcontextprotocol/protocolVersion': MODERN, 'io.modelcontextprotocol/clientCapabilities': {}, 'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '0' } };
}

/** Opens a legacy session by hand and returns its id. */
async function openSession(): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: JSON_AND_SSE,
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: LEGACY, capabilities: {}, clientInfo: { name: 'raw', version: '0' } } }),
  });
  await response.body?.cancel();
  const id = response.headers.get('mcp-session-id');
  if (id === null) throw new Error('no session id');
  return id;
}

/** A body stream of `bytes` bytes with no Content-Length: the limit must hold while reading. */
function endlessBody(bytes: number): ReadableStream<Uint8Array> {
  const chunk = new TextEncoder().encode(`{"jsonrpc":"2.0","id":1,"method":"ping","params":{"pad":"${'x'.repeat(16 * 1024)}`);
  let sent = 0;
  return new ReadableStream({
    pull(controller) {
      if (sent >= bytes) controller.close();
      else {
        sent += chunk.byteLength;
        controller.enqueue(chunk);
      }
    },
  });
}

interface HostileCase {
  name: string;
  /** Builds the request (async: some need a session first); `live` is the good legacy client's session id. */
  request: (live: string) => Promise<RequestInit>;
  status: number;
  /** The JSON-RPC error code of the body, or `undefined` when the body may be anything (or empty). */
  code?: number;
}

const cases: HostileCase[] = [
  { name: 'truncated JSON', request: async () => ({ method: 'POST', headers: JSON_AND_SSE, body: '{"jsonrpc":"2.0","id":1,"meth' }), status: 400, code: ErrorCode.ParseError },
  { name: 'invalid UTF-8', request: async () => ({ method: 'POST', headers: JSON_AND_SSE, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }), status: 400, code: ErrorCode.ParseError },
  { name: 'empty body', request: async () => ({ method: 'POST', headers: JSON_AND_SSE, body: '' }), status: 400, code: ErrorCode.ParseError },
  { name: 'JSON that is not JSON-RPC', request: async () => ({ method: 'POST', headers: JSON_AND_SSE, body: '{"hello":"world"}' }), status: 400, code: ErrorCode.InvalidRequest },
  { name: 'a JSON scalar', request: async () => ({ method: 'POST', headers: JSON_AND_SSE, body: '42' }), status: 400, code: ErrorCode.InvalidRequest },
  { name: 'deeply nested arrays', request: async () => ({ method: 'POST', headers: JSON_AND_SSE, body: '['.repeat(20_000) + ']'.repeat(20_000) }), status: 400 },
  { name: 'oversize body with Content-Length', request: async () => ({ method: 'POST', headers: JSON_AND_SSE, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping', params: { pad: 'x'.repeat(4 * MAX_BODY) } }) }), status: 413, code: ErrorCode.InvalidRequest },
  { name: 'oversize streamed body without Content-Length', request: async () => ({ method: 'POST', headers: JSON_AND_SSE, body: endlessBody(4 * MAX_BODY), duplex: 'half' } as RequestInit), status: 413, code: ErrorCode.InvalidRequest },
  { name: 'text/plain Content-Type', request: async () => ({ method: 'POST', headers: { ...JSON_AND_SSE, 'content-type': 'text/plain' }, body: '{}' }), status: 415, code: ErrorCode.InvalidRequest },
  { name: 'Accept allowing neither JSON nor SSE', request: async () => ({ method: 'POST', headers: { ...JSON_AND_SSE, accept: 'text/html' }, body: '{}' }), status: 406, code: ErrorCode.InvalidRequest },
  { name: 'foreign Origin (DNS rebinding)', request: async () => ({ method: 'POST', headers: { ...JSON_AND_SSE, origin: 'http://evil.example' }, body: '{}' }), status: 403, code: ErrorCode.InvalidRequest },
  { name: 'PUT', request: async () => ({ method: 'PUT', body: 'x' }), status: 405 },
  {
    name: 'legacy request without a session id',
    request: async () => ({ method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-protocol-version': LEGACY }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) }),
    status: 400,
    code: ErrorCode.InvalidRequest,
  },
  {
    name: 'unknown session id',
    request: async () => ({ method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-protocol-version': LEGACY, 'mcp-session-id': 'f'.repeat(32) }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) }),
    status: 404,
    code: ErrorCode.InvalidRequest,
  },
  {
    name: 'stale (deleted) session id on POST',
    request: async () => {
      const id = await openSession();
      const deleted = await fetch(url, { method: 'DELETE', headers: { 'mcp-session-id': id, 'mcp-protocol-version': LEGACY } });
      if (!deleted.ok) throw new Error(`DELETE answered ${deleted.status}`);
      return { method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-protocol-version': LEGACY, 'mcp-session-id': id }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) };
    },
    status: 404,
    code: ErrorCode.InvalidRequest,
  },
  { name: 'GET with an unknown session id', request: async () => ({ method: 'GET', headers: { accept: 'text/event-stream', 'mcp-session-id': 'e'.repeat(32), 'mcp-protocol-version': LEGACY } }), status: 404, code: ErrorCode.InvalidRequest },
  { name: 'DELETE with an unknown session id', request: async () => ({ method: 'DELETE', headers: { 'mcp-session-id': 'd'.repeat(32), 'mcp-protocol-version': LEGACY } }), status: 404, code: ErrorCode.InvalidRequest },
  {
    name: 'unsupported MCP-Protocol-Version',
    request: async () => ({ method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-protocol-version': '1999-01-01', 'mcp-session-id': await openSession() }, body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list' }) }),
    status: 400,
    code: ErrorCode.InvalidRequest,
  },
  {
    name: 'modern request without its _meta envelope',
    request: async () => ({ method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-protocol-version': MODERN, 'mcp-method': 'tools/list' }, body: JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'tools/list' }) }),
    status: 400,
    code: ErrorCode.InvalidParams,
  },
  {
    name: 'modern request whose Mcp-Method header contradicts the body',
    request: async () => ({ method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-protocol-version': MODERN, 'mcp-method': 'prompts/list' }, body: JSON.stringify({ jsonrpc: '2.0', id: 4, method: 'tools/list', params: { _meta: modernMeta() } }) }),
    status: 400,
    code: ErrorCode.HeaderMismatch,
  },
  {
    name: 'modern batch',
    request: async () => ({ method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-protocol-version': MODERN }, body: JSON.stringify([{ jsonrpc: '2.0', id: 5, method: 'tools/list', params: { _meta: modernMeta() } }]) }),
    status: 400,
    code: ErrorCode.InvalidRequest,
  },
  // Into the live session of the well-behaved legacy client: it must not notice.
  { name: 'garbage into a live session', request: async (live) => ({ method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-protocol-version': LEGACY, 'mcp-session-id': live }, body: '{"oops' }), status: 400, code: ErrorCode.ParseError },
  {
    name: 'a second initialize into a live session',
    request: async (live) => ({ method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-protocol-version': LEGACY, 'mcp-session-id': live }, body: JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'initialize', params: { protocolVersion: LEGACY, capabilities: {}, clientInfo: { name: 'x', version: '0' } } }) }),
    status: 400,
    code: ErrorCode.InvalidRequest,
  },
  {
    name: 'a response to a request never made, into a live session',
    request: async (live) => ({ method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-protocol-version': LEGACY, 'mcp-session-id': live }, body: JSON.stringify({ jsonrpc: '2.0', id: 'never-sent', result: {} }) }),
    status: 202,
  },
  {
    name: 'a cancellation of a request never made, into a live session',
    request: async (live) => ({ method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-protocol-version': LEGACY, 'mcp-session-id': live }, body: JSON.stringify({ jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 424242 } }) }),
    status: 202,
  },
  {
    name: 'modern JSON-RPC response sent by a client',
    request: async () => ({ method: 'POST', headers: { ...JSON_AND_SSE, 'mcp-protocol-version': MODERN }, body: JSON.stringify({ jsonrpc: '2.0', id: 6, result: {} }) }),
    status: 400,
    code: ErrorCode.InvalidRequest,
  },
];

/** Sends one hostile request and checks its answer; returns a problem description, or undefined. */
async function check(c: HostileCase, live: string): Promise<string | undefined> {
  const init = await c.request(live);
  const response = await fetch(url, init);
  const text = await response.text();
  if (response.status !== c.status) return `${c.name}: HTTP ${response.status}, expected ${c.status} (${text.slice(0, 120)})`;
  if (c.code === undefined) return undefined;
  let body: { jsonrpc?: string; error?: { code?: number; message?: string } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    return `${c.name}: body is not JSON: ${text.slice(0, 120)}`;
  }
  if (body.jsonrpc !== '2.0' || body.error?.code !== c.code) return `${c.name}: body ${text.slice(0, 160)}, expected error code ${c.code}`;
  if (/at .+\(.+:\d+:\d+\)/.test(text)) return `${c.name}: a stack trace leaked: ${text.slice(0, 160)}`;
  return undefined;
}

/** A well-behaved client calling in a loop until `stop` aborts; resolves with its call count, rejects on the first failure. */
async function behave(client: Client, stop: AbortSignal): Promise<number> {
  let calls = 0;
  while (!stop.aborted) {
    const a = calls;
    const [sum, prompt] = await Promise.all([
      client.callTool<{ sum: number }>({ name: 'add', arguments: { a, b: 1 } }),
      client.getPrompt({ name: 'review', arguments: { language: 'go' } }),
    ]);
    expect(sum.structuredContent).toEqual({ sum: a + 1 });
    expect(prompt.messages).toHaveLength(1);
    calls++;
  }
  return calls;
}

describe('hostile HTTP requests next to well-behaved clients', () => {
  it('answers every hostile request with the right status and JSON-RPC error, and never disturbs the good clients', async () => {
    const modern = new Client({ name: 'good-modern', version: '1' });
    const legacy = new Client({ name: 'good-legacy', version: '1' }, { protocolVersion: LEGACY });
    await modern.connect(new StreamableHttpClientTransport(url));
    const legacyTransport = new StreamableHttpClientTransport(url);
    await legacy.connect(legacyTransport);
    const live = legacyTransport.sessionId;
    if (live === undefined) throw new Error('the legacy client has no session');
    try {
      expect(modern.era).toBe('modern');
      expect(legacy.era).toBe('legacy');
      const stop = new AbortController();
      const good = [behave(modern, stop.signal), behave(legacy, stop.signal)];
      // Each hostile case, several times at once, while the good clients run.
      const rounds = await Promise.all(Array.from({ length: 3 }, () => Promise.all(cases.map((c) => check(c, live)))));
      stop.abort();
      const counts = await Promise.all(good);
      expect(rounds.flat().filter((p) => p !== undefined)).toEqual([]);
      for (const count of counts) expect(count).toBeGreaterThan(0);
      // The session survived the barrage.
      expect((await legacy.callTool({ name: 'add', arguments: { a: 1, b: 1 } })).structuredContent).toEqual({ sum: 2 });
    } finally {
      await modern.close();
      await legacy.close();
    }
  });
});
