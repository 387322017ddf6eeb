// Recovering the id of a discarded oversize line from its first bytes (what stdio answers with).
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OVERSIZE_HEAD_BYTES } from '@mcpkit/transports/stdio';
import { readOversizeHead } from '../../src/stdio/oversize.js';

const encoder = new TextEncoder();
const headOf = (text: string): Uint8Array => encoder.encode(text).subarray(0, OVERSIZE_HEAD_BYTES);

// Ids the head can name: safe integers and short strings without escapes.
const plainId = fc.oneof(
  fc.maxSafeInteger().filter((n) => !Object.is(n, -0)),
  fc.string({ maxLength: 128 }).filter((s) => !/["\\\u0000-\u001f]/.test(s)),
);

describe('readOversizeHead', () => {
  it('recovers the id and kind of any request or response our encoder writes', () => {
    fc.assert(
      fc.property(plainId, fc.constantFrom('method', 'result', 'error'), fc.string({ minLength: 300 }), (id, member, pad) => {
        const line = JSON.stringify({ jsonrpc: '2.0', id, [member]: pad });
        expect(readOversizeHead(headOf(line))).toEqual({ id, kind: member === 'method' ? 'request' : 'response' });
      }),
    );
  });

  it('reads id before jsonrpc and tolerates whitespace between tokens', () => {
    const head = headOf('  { "id" : "a-1" ,\t"jsonrpc" : "2.0" , "result" : {"pad":"xxxx');
    expect(readOversizeHead(head)).toEqual({ id: 'a-1', kind: 'response' });
  });

  it('gives up rather than guess', () => {
    for (const text of [
      '{"method":"echo","jsonrpc":"2.0","id":1,', // id not among the first two members
      '{"jsonrpc":"1.0","id":1,"method":"x"', // not JSON-RPC 2.0
      '{"jsonrpc":"2.0","id":1.5,"method":"x"', // not an integer
      '{"jsonrpc":"2.0","id":12345678901234567890,"method":"x"', // not a safe integer
      '{"jsonrpc":"2.0","id":"a\\"b","method":"x"', // an escape in the id
      `{"jsonrpc":"2.0","id":"${'x'.repeat(200)}","method":"x"`, // a long string id
      '{"jsonrpc":"2.0","id":null,"error":{', // no id to answer
      '{"jsonrpc":"2.0","id":7', // cut before the next member
      '[{"jsonrpc":"2.0","id":1,"method":"x"', // a batch
    ]) {
      expect(readOversizeHead(headOf(text)), text).toBeUndefined();
    }
  });

  it('never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: OVERSIZE_HEAD_BYTES }), (bytes) => {
        readOversizeHead(bytes);
      }),
    );
  });
});
