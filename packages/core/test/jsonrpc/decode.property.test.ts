import * as fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ErrorCode } from '../../src/errors.js';
import { decodeMessages, type DecodeResult } from '../../src/jsonrpc/index.js';
import { JSONRPCErrorResponseSchema, JSONRPCMessageSchema } from '../../src/schemas/jsonrpc.js';

/** Every output is either a message the zod envelope accepts or a well-formed -32700/-32600 error. */
function assertWellFormed(result: DecodeResult): void {
  expect(result.messages.length + result.errors.length).toBeGreaterThan(0);
  for (const message of result.messages) expect(z.safeParse(JSONRPCMessageSchema, message).success).toBe(true);
  for (const error of result.errors) {
    expect(z.safeParse(JSONRPCErrorResponseSchema, error).success).toBe(true);
    expect([ErrorCode.ParseError, ErrorCode.InvalidRequest]).toContain(error.error.code);
    expect(JSON.parse(JSON.stringify(error))).toEqual(error);
  }
}

const id = fc.oneof(fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null), fc.double(), fc.constant(2 ** 60), fc.boolean(), fc.object({ maxDepth: 1 }));
const params = fc.oneof(fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }), fc.jsonValue({ maxDepth: 1 }));
const envelope = fc.record(
  {
    jsonrpc: fc.oneof(fc.constant('2.0'), fc.constant('2.0'), fc.constant('1.0'), fc.integer()),
    id,
    method: fc.oneof(fc.string({ maxLength: 12 }), fc.integer()),
    params,
    result: params,
    error: fc.oneof(
      fc.record({ code: fc.oneof(fc.integer(), fc.double(), fc.string()), message: fc.oneof(fc.string(), fc.integer()), data: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] }),
      fc.jsonValue({ maxDepth: 1 }),
    ),
  },
  { requiredKeys: [] },
);
const validMessage = fc.oneof(
  fc.record({ jsonrpc: fc.constant('2.0' as const), id: fc.oneof(fc.string(), fc.integer()), method: fc.string(), params: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }) }, { requiredKeys: ['jsonrpc', 'id', 'method'] }),
  fc.record({ jsonrpc: fc.constant('2.0' as const), method: fc.string(), params: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }) }, { requiredKeys: ['jsonrpc', 'method'] }),
  fc.record({ jsonrpc: fc.constant('2.0' as const), id: fc.oneof(fc.string(), fc.integer()), result: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }) }),
  fc.record({ jsonrpc: fc.constant('2.0' as const), id: fc.oneof(fc.string(), fc.integer(), fc.constant(null)), error: fc.record({ code: fc.integer(), message: fc.string() }) }),
);

describe('decodeMessages (property)', () => {
  it('never throws on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => assertWellFormed(decodeMessages(text))), { numRuns: 300 });
  });

  it('never throws on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => assertWellFormed(decodeMessages(bytes))), { numRuns: 500 });
  });

  it('never throws on random JSON values, as text or parsed', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        assertWellFormed(decodeMessages(value));
        assertWellFormed(decodeMessages(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it('accepts only what the zod envelope accepts, and every generated valid message', () => {
    fc.assert(
      fc.property(envelope, (value) => {
        const result = decodeMessages(JSON.stringify(value));
        assertWellFormed(result);
        if (!z.safeParse(JSONRPCMessageSchema, JSON.parse(JSON.stringify(value))).success) expect(result.messages).toEqual([]);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(validMessage, (message) => {
        const text = JSON.stringify(message);
        expect(decodeMessages(text)).toEqual({ messages: [JSON.parse(text)], errors: [], batch: false });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps good batch elements and answers each bad one', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(validMessage, envelope, fc.jsonValue({ maxDepth: 2 })), { minLength: 1, maxLength: 8 }), (batch) => {
        const result = decodeMessages(JSON.stringify(batch));
        assertWellFormed(result);
        expect(result.batch).toBe(true);
        expect(result.messages.length + result.errors.length).toBe(batch.length);
      }),
      { numRuns: 300 },
    );
  });

  it('survives mutations of valid messages (truncation, byte flips, insertions)', () => {
    const mutated = fc.tuple(validMessage, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 2 })).map(([message, at, byte, how]) => {
      const bytes = new TextEncoder().encode(JSON.stringify(message));
      const i = bytes.length === 0 ? 0 : at % bytes.length;
      if (how === 0) return bytes.slice(0, i);
      const copy = bytes.slice();
      if (how === 1) copy[i] = byte;
      else return new Uint8Array([...bytes.slice(0, i), byte, ...bytes.slice(i)]);
      return copy;
    });
    fc.assert(fc.property(mutated, (bytes) => assertWellFormed(decodeMessages(bytes))), { numRuns: 1000 });
  });
});
