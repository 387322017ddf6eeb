import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { McpkitError, McpkitErrorCode } from '@mcpkit/core';
import { LineFramer, OVERSIZE_HEAD_BYTES } from '@mcpkit/transports/stdio';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function collect(maxMessageSize?: number): { framer: LineFramer; lines: string[]; errors: McpkitError[]; heads: string[] } {
  const lines: string[] = [];
  const errors: McpkitError[] = [];
  const heads: string[] = [];
  const framer = new LineFramer(
    {
      line: (bytes) => lines.push(decoder.decode(bytes)),
      oversize: (error, head) => {
        errors.push(error);
        heads.push(decoder.decode(head));
      },
    },
    maxMessageSize,
  );
  return { framer, lines, errors, heads };
}

/** Cuts `bytes` at the given sorted, de-duplicated offsets. */
function cut(bytes: Uint8Array, offsets: number[]): Uint8Array[] {
  const points = [...new Set(offsets.map((o) => o % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Uint8Array[] = [];
  let start = 0;
  for (const point of points) {
    chunks.push(bytes.subarray(start, point));
    start = point;
  }
  chunks.push(bytes.subarray(start));
  return chunks;
}

const message = fc.jsonValue().map((value) => JSON.stringify({ jsonrpc: '2.0', method: 'm', params: { value } }));
const terminator = fc.constantFrom('\n', '\r\n', '\n\n', '\r\n  \n');

describe('LineFramer', () => {
  it('reassembles any chunking of any sequence of messages exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(message, terminator), { maxLength: 20 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (items, offsets) => {
          const text = items.map(([m, t]) => m + t).join('');
          const { framer, lines, errors } = collect();
          for (const chunk of cut(encoder.encode(text), offsets)) framer.push(chunk);
          expect(lines).toEqual(items.map(([m]) => m));
          expect(errors).toEqual([]);
          expect(framer.bufferedBytes).toBe(0);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('drops an oversize line with one error, never buffers past the limit, and keeps going', () => {
    const limit = 64;
    const short = fc.string({ unit: 'grapheme', maxLength: 20 }).map((s) => JSON.stringify(s));
    const long = fc.string({ unit: 'grapheme', minLength: 70, maxLength: 300 }).map((s) => JSON.stringify(s));
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.oneof(short, long), fc.constantFrom('\n', '\r\n')), { minLength: 1, maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 30 }),
        (items, offsets) => {
          const { framer, lines, errors } = collect(limit);
          let maxBuffered = 0;
          const text = items.map(([m, t]) => m + t).join('');
          for (const chunk of cut(encoder.encode(text), offsets)) {
            framer.push(chunk);
            maxBuffered = Math.max(maxBuffered, framer.bufferedBytes);
          }
          const fits = (m: string): boolean => encoder.encode(m).length <= limit;
          expect(lines).toEqual(items.map(([m]) => m).filter(fits));
          expect(errors).toHaveLength(items.filter(([m]) => !fits(m)).length);
          expect(maxBuffered).toBeLessThanOrEqual(limit + 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports an oversize line as MCPKIT_MESSAGE_TOO_LARGE before its end arrives', () => {
    const { framer, lines, errors } = collect(10);
    framer.push(encoder.encode('{"a":"0123456789'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(McpkitError);
    expect(errors[0]?.code).toBe(McpkitErrorCode.MessageTooLarge);
    expect(errors[0]?.data).toMatchObject({ maxMessageSize: 10 });
    framer.push(encoder.encode('more bytes of the same line'));
    framer.push(encoder.encode('"}\n{"b":1}\n'));
    expect(errors).toHaveLength(1);
    expect(lines).toEqual(['{"b":1}']);
  });

  it('hands the oversize sink the first bytes of the discarded line, however it was chunked', () => {
    const limit = 64;
    fc.assert(
      fc.property(fc.string({ minLength: limit, maxLength: 600 }), fc.array(fc.nat(), { maxLength: 30 }), (text, offsets) => {
        // Printable ASCII: one byte per character, and never a line break.
        const { framer, heads } = collect(limit);
        for (const chunk of cut(encoder.encode(`${text}\n`), offsets)) framer.push(chunk);
        if (text.length <= limit) return;
        expect(heads).toHaveLength(1);
        const head = heads[0] ?? '';
        // As much as had arrived when the line went over the limit, capped: a prefix of the line.
        expect(text.startsWith(head)).toBe(true);
        expect(head.length).toBeGreaterThanOrEqual(Math.min(OVERSIZE_HEAD_BYTES, limit + 1));
        expect(head.length).toBeLessThanOrEqual(OVERSIZE_HEAD_BYTES);
      }),
      { numRuns: 300 },
    );
  });

  it('accepts a line of exactly maxMessageSize bytes, with or without \\r', () => {
    const { framer, lines, errors } = collect(5);
    framer.push(encoder.encode('12345\r\n'));
    framer.push(encoder.encode('abcde\n'));
    framer.push(encoder.encode('123456\n'));
    expect(lines).toEqual(['12345', 'abcde']);
    expect(errors).toHaveLength(1);
  });

  it('delivers a last line without a newline at end(), and nothing for a blank tail', () => {
    const { framer, lines } = collect();
    framer.push(encoder.encode('{"x":1}\n{"y":'));
    framer.push(encoder.encode('2}'));
    framer.end();
    framer.push(encoder.encode('  \r'));
    framer.end();
    expect(lines).toEqual(['{"x":1}', '{"y":2}']);
  });

  it('splits a multi-byte character across chunks without corrupting it', () => {
    const bytes = encoder.encode('"😀é"\n');
    const { framer, lines } = collect();
    for (let i = 0; i < bytes.length; i++) framer.push(bytes.subarray(i, i + 1));
    expect(lines).toEqual(['"😀é"']);
  });

  it('refuses a maxMessageSize that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => collect(bad)).toThrow(expect.objectContaining({ code: McpkitErrorCode.InvalidArgument }));
    }
  });
});
