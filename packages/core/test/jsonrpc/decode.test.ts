import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { decodeMessages } from '../../src/jsonrpc/index.js';

const request = { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'add' } };

describe('decodeMessages', () => {
  it('decodes a request from text, bytes, ArrayBuffer, a DataView and a parsed value', () => {
    const text = JSON.stringify(request);
    const bytes = new TextEncoder().encode(text);
    for (const input of [text, bytes, bytes.buffer, new DataView(bytes.buffer), request]) {
      expect(decodeMessages(input)).toEqual({ messages: [request], errors: [], batch: false });
    }
  });

  it('decodes notifications, results and error responses', () => {
    const messages = [
      { jsonrpc: '2.0', method: 'notifications/initialized' },
      { jsonrpc: '2.0', id: 'a', result: {} },
      { jsonrpc: '2.0', id: 2, error: { code: -32601, message: 'Method not found' } },
      { jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } },
      { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' } },
    ];
    for (const message of messages) expect(decodeMessages(JSON.stringify(message)).messages).toEqual([message]);
  });

  it('answers invalid JSON with a parse error and id null', () => {
    for (const input of ['{', '', 'nope', '{"jsonrpc":"2.0",}']) {
      expect(decodeMessages(input)).toEqual({
        messages: [],
        errors: [{ jsonrpc: '2.0', id: null, error: { code: ErrorCode.ParseError, message: 'Parse error' } }],
        batch: false,
      });
    }
  });

  it('answers invalid UTF-8 with a parse error rather than replacing characters', () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
    expect(decodeMessages(bytes).errors[0]?.error.code).toBe(ErrorCode.ParseError);
  });

  it('strips a UTF-8 byte order mark', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(JSON.stringify(request))]);
    expect(decodeMessages(bytes).messages).toEqual([request]);
  });

  it.each([
    ['a number', 42, null],
    ['null', null, null],
    ['a string', 'hello', null],
    ['a wrong version', { jsonrpc: '1.0', id: 3, method: 'x' }, 3],
    ['a missing version', { id: 'k', method: 'x' }, 'k'],
    ['a numeric method', { jsonrpc: '2.0', id: 4, method: 5 }, 4],
    ['array params', { jsonrpc: '2.0', id: 5, method: 'x', params: [1] }, 5],
    ['null params', { jsonrpc: '2.0', id: 6, method: 'x', params: null }, 6],
    ['a null request id', { jsonrpc: '2.0', id: null, method: 'x' }, null],
    ['a float id', { jsonrpc: '2.0', id: 1.5, method: 'x' }, null],
    ['an object id', { jsonrpc: '2.0', id: {}, method: 'x' }, null],
    ['a result without id', { jsonrpc: '2.0', result: {} }, null],
    ['a non-object result', { jsonrpc: '2.0', id: 7, result: 1 }, 7],
    ['an error without code', { jsonrpc: '2.0', id: 8, error: { message: 'x' } }, 8],
    ['an error with a float code', { jsonrpc: '2.0', id: 9, error: { code: 1.5, message: 'x' } }, 9],
    ['an error with a numeric message', { jsonrpc: '2.0', id: 10, error: { code: 1, message: 2 } }, 10],
    ['no method, result or error', { jsonrpc: '2.0', id: 11 }, 11],
  ])('answers %s with invalid request, keeping a readable id', (_name, value, id) => {
    const result = decodeMessages(JSON.stringify(value));
    expect(result.messages).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ jsonrpc: '2.0', id, error: { code: ErrorCode.InvalidRequest } });
    expect(result.errors[0]?.error.message).toMatch(/^Invalid request: /);
  });

  it('decodes batches element by element', () => {
    const batch = [request, { jsonrpc: '2.0', id: 2, method: 7 }, 'junk', [request], { jsonrpc: '2.0', method: 'n' }];
    const result = decodeMessages(JSON.stringify(batch));
    expect(result.batch).toBe(true);
    expect(result.messages).toEqual([request, { jsonrpc: '2.0', method: 'n' }]);
    expect(result.errors.map((e) => [e.id, e.error.code])).toEqual([
      [2, ErrorCode.InvalidRequest],
      [null, ErrorCode.InvalidRequest],
      [null, ErrorCode.InvalidRequest],
    ]);
  });

  it('refuses an empty batch, a batch when batches are off, and an oversized batch', () => {
    expect(decodeMessages('[]')).toMatchObject({ messages: [], batch: true, errors: [{ id: null, error: { code: ErrorCode.InvalidRequest } }] });
    expect(decodeMessages([request], { allowBatch: false }).errors[0]?.error.message).toBe('Invalid request: batches are not supported');
    const big = decodeMessages([request, request, request], { maxBatchSize: 2 });
    expect(big.messages).toEqual([]);
    expect(big.errors[0]?.error.message).toBe('Invalid request: batch has more than 2 messages');
  });

  it('never throws on hostile pre-parsed values', () => {
    const hostile = Object.defineProperty({}, 'jsonrpc', { get: () => { throw new Error('boom'); }, enumerable: true });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const value of [hostile, proxy, Symbol('s'), () => 1, 10n]) {
      const result = decodeMessages(value);
      expect(result.messages).toEqual([]);
      expect(result.errors[0]?.error.code).toBe(ErrorCode.InvalidRequest);
    }
  });
});
