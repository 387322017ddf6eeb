import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as schemas from '../../src/schemas/index.js';
import { JSONValueSchema, isJSONValue } from '../../src/schemas/index.js';

interface Parser {
  safeParse(value: unknown): { success: boolean };
}

const exported = (Object.entries(schemas) as Array<[string, unknown]>).filter(
  (entry): entry is [string, Parser] => typeof entry[1] === 'object' && entry[1] !== null && 'safeParse' in entry[1],
);

// A peer can send anything: every schema answers with a result, never an exception.
describe('every exported schema on hostile input', () => {
  it('has many schemas to check', () => {
    expect(exported.length).toBeGreaterThan(150);
  });

  it('never throws on arbitrary values', () => {
    const hostile = fc.oneof(
      fc.anything({ maxDepth: 3, withNullPrototype: true, withObjectString: true }),
      fc.jsonValue({ maxDepth: 3 }),
    );
    for (const value of fc.sample(hostile, { numRuns: 150, seed: 42 })) {
      for (const [name, schema] of exported) {
        expect(() => schema.safeParse(value), name).not.toThrow();
      }
    }
  });

  it('ignores a __proto__ member instead of adopting it', () => {
    const value = JSON.parse('{"name":"t","__proto__":{"polluted":true},"arguments":{"__proto__":{"polluted":true}}}');
    const parsed = schemas.CallToolRequestParamsSchema.parse(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(parsed['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('checks deeply nested JSON values without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(JSONValueSchema.safeParse(deep).success).toBe(true);
    let bad: unknown = undefined;
    for (let i = 0; i < 200_000; i++) bad = { a: bad };
    expect(JSONValueSchema.safeParse(bad).success).toBe(false);
  });

  it('tells JSON values from other values', () => {
    expect(isJSONValue({ a: [1, 'x', null, true, { b: 2.5 }] })).toBe(true);
    expect(isJSONValue(Number.NaN)).toBe(false);
    expect(isJSONValue(new Date())).toBe(false);
    expect(isJSONValue({ f: () => 1 })).toBe(false);
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => isJSONValue(cyclic)).not.toThrow();
  });

  it('rejects bad values with issues that name the offending member', () => {
    const result = schemas.CallToolResultSchema.safeParse({ content: [{ type: 'text', text: 7 }] });
    expect(result.success).toBe(false);
    if (!result.success) expect(result.error.issues[0]?.path).toEqual(['content', 0, 'text']);
    const unknownBlock = schemas.ContentBlockSchema.safeParse({ type: 'video', data: '' });
    expect(unknownBlock.success).toBe(false);
  });
});
