import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accepts, isJsonContentType } from '../../src/http/content-negotiation.js';
import { checkHostAndOrigin, hostnameOf } from '../../src/http/security.js';
import { encodeSseEvent } from '../../src/http/sse-encode.js';
import { parseJsonRpcBody } from '../../src/http/parse-body.js';
import { errorResponseForHttpFailure } from '../../src/http/http-failure.js';
import { reconnectDelay, DEFAULT_RECONNECTION } from '../../src/http/backoff.js';
import { decodeHeaderValue, encodeHeaderValue, InMemoryEventStore, readHeaderParams } from '@mcpkit/transports/streamable-http';

describe('SSE encoding', () => {
  it('writes id, event, retry and one data line per line', () => {
    expect(encodeSseEvent({ id: 's_1', event: 'message', data: 'a\nb', retry: 50 })).toBe('id: s_1\nevent: message\nretry: 50\ndata: a\ndata: b\n\n');
  });
  it('refuses an id that would break framing', () => {
    expect(() => encodeSseEvent({ id: 'a\nb', data: '' })).toThrow(RangeError);
  });
});

describe('header value encoding (Mcp-Name, Mcp-Param-*)', () => {
  it('matches the spec examples', () => {
    expect(encodeHeaderValue('us-west1')).toBe('us-west1');
    expect(encodeHeaderValue('Hello, 世界')).toBe('=?base64?SGVsbG8sIOS4lueVjA==?=');
    expect(encodeHeaderValue(' padded ')).toBe('=?base64?IHBhZGRlZCA=?=');
    expect(encodeHeaderValue('line1\nline2')).toBe('=?base64?bGluZTEKbGluZTI=?=');
    expect(encodeHeaderValue('=?base64?literal?=')).toBe('=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?=');
  });
  it('round-trips any string', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (s) => decodeHeaderValue(encodeHeaderValue(s)) === s));
  });
  it('refuses control characters and bad Base64', () => {
    expect(decodeHeaderValue('a\u0001b')).toBeUndefined();
    expect(decodeHeaderValue('=?base64?@@@?=')).toBeUndefined();
    expect(decodeHeaderValue('=?base64?/w==?=')).toBeUndefined(); // not UTF-8
  });
});

describe('x-mcp-header annotations', () => {
  it('reads nested statically reachable annotations', () => {
    const result = readHeaderParams({
      type: 'object',
      properties: { region: { type: 'string', 'x-mcp-header': 'Region' }, opts: { type: 'object', properties: { dry: { type: 'boolean', 'x-mcp-header': 'Dry' } } } },
    });
    expect(result).toEqual({ ok: true, params: [{ name: 'Region', path: ['region'] }, { name: 'Dry', path: ['opts', 'dry'] }] });
  });
  it.each([
    ['under items', { type: 'object', properties: { l: { type: 'array', items: { type: 'string', 'x-mcp-header': 'L' } } } }],
    ['under anyOf', { type: 'object', anyOf: [{ properties: { a: { type: 'string', 'x-mcp-header': 'A' } } }] }],
    ['on a number', { type: 'object', properties: { n: { type: 'number', 'x-mcp-header': 'N' } } }],
    ['not a token', { type: 'object', properties: { s: { type: 'string', 'x-mcp-header': 'a b' } } }],
    ['empty', { type: 'object', properties: { s: { type: 'string', 'x-mcp-header': '' } } }],
    ['duplicate (case-insensitive)', { type: 'object', properties: { a: { type: 'string', 'x-mcp-header': 'X' }, b: { type: 'string', 'x-mcp-header': 'x' } } }],
  ])('rejects an annotation %s', (_, schema) => {
    expect(readHeaderParams(schema).ok).toBe(false);
  });
});

describe('content negotiation', () => {
  it('reads Accept with wildcards and q=0', () => {
    expect(accepts(null, 'application/json')).toBe(true);
    expect(accepts('application/json, text/event-stream', 'text/event-stream')).toBe(true);
    expect(accepts('*/*', 'text/event-stream')).toBe(true);
    expect(accepts('text/*', 'text/event-stream')).toBe(true);
    expect(accepts('text/event-stream;q=0, application/json', 'text/event-stream')).toBe(false);
    expect(accepts('text/html', 'application/json')).toBe(false);
  });
  it('takes application/json with a UTF-8 charset only', () => {
    expect(isJsonContentType('application/json')).toBe(true);
    expect(isJsonContentType('Application/JSON; charset=utf-8')).toBe(true);
    expect(isJsonContentType('application/json; charset=latin1')).toBe(false);
    expect(isJsonContentType('text/plain')).toBe(false);
    expect(isJsonContentType(null)).toBe(false);
  });
});

describe('Host and Origin checks', () => {
  const req = (headers: Record<string, string>) => new Request('http://127.0.0.1/mcp', { headers });
  it('parses host names with ports and IPv6', () => {
    expect(hostnameOf('localhost:3000')).toBe('localhost');
    expect(hostnameOf('[::1]:80')).toBe('[::1]');
    expect(hostnameOf('')).toBeUndefined();
  });
  it('allows loopback by default and refuses others', () => {
    expect(checkHostAndOrigin(req({ host: 'localhost:1' }), undefined)).toBeUndefined();
    expect(checkHostAndOrigin(req({ host: '[::1]:1', origin: 'http://[::1]:5' }), undefined)).toBeUndefined();
    expect(checkHostAndOrigin(req({ host: 'evil.com' }), undefined)).toBe('host');
    expect(checkHostAndOrigin(req({ host: 'localhost', origin: 'http://evil.com' }), undefined)).toBe('origin');
    expect(checkHostAndOrigin(req({ host: 'localhost', origin: 'null' }), undefined)).toBe('origin');
    expect(checkHostAndOrigin(req({ host: 'evil.com' }), false)).toBeUndefined();
  });
});

describe('body parsing never throws', () => {
  it('gives -32700 for bad JSON and -32600 for non-messages', () => {
    expect(parseJsonRpcBody('{')).toMatchObject({ ok: false, body: { id: null, error: { code: -32700 } } });
    expect(parseJsonRpcBody('[]')).toMatchObject({ ok: false, body: [{ error: { code: -32600 } }] });
    expect(parseJsonRpcBody('{"jsonrpc":"2.0","id":5}')).toMatchObject({ ok: false, body: { id: 5, error: { code: -32600 } } });
  });
  it('handles arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json()), (text) => {
        const parsed = parseJsonRpcBody(text);
        return parsed.ok ? parsed.messages.length > 0 : parsed.body !== undefined;
      }),
    );
  });
});

describe('HTTP failures as JSON-RPC errors', () => {
  it('keeps a JSON-RPC error body and adds httpStatus', () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found' } });
    expect(errorResponseForHttpFailure(1, 404, body)).toEqual({ jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found', data: { httpStatus: 404 } } });
  });
  it('uses -32600 for 4xx and -32603 for 5xx otherwise', () => {
    expect(errorResponseForHttpFailure('a', 405, '')).toMatchObject({ id: 'a', error: { code: -32600, data: { httpStatus: 405 } } });
    expect(errorResponseForHttpFailure('a', 502, '<html>')).toMatchObject({ error: { code: -32603, data: { httpStatus: 502 } } });
  });
});

describe('reconnection delays', () => {
  it('grows exponentially up to the cap, and a server retry wins', () => {
    const o = { ...DEFAULT_RECONNECTION, initialDelayMs: 100, growFactor: 2, maxDelayMs: 350 };
    expect([0, 1, 2, 3].map((a) => reconnectDelay(a, o))).toEqual([100, 200, 350, 350]);
    expect(reconnectDelay(3, o, 7)).toBe(7);
  });
});

describe('InMemoryEventStore', () => {
  it('numbers events per stream and reads back after a position', async () => {
    const store = new InMemoryEventStore();
    const m = (n: number) => ({ jsonrpc: '2.0' as const, method: 'n', params: { n } });
    expect(await store.append('a', m(1))).toBe(1);
    expect(await store.append('b', m(2))).toBe(1);
    expect(await store.append('a', m(3))).toBe(2);
    expect((await store.readAfter('a', 1)).map((e) => e.seq)).toEqual([2]);
    expect(await store.readAfter('zzz', 0)).toEqual([]);
  });
  it('drops the oldest events past its limits', async () => {
    const store = new InMemoryEventStore({ maxEventsPerStream: 2 });
    for (let i = 0; i < 5; i++) await store.append('a', { jsonrpc: '2.0', method: 'x' });
    expect((await store.readAfter('a', 0)).map((e) => e.seq)).toEqual([4, 5]);
  });
});
