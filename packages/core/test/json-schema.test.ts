import fc from 'fast-check';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { validateJsonSchema } from '@mcpkit/core';

const valid = (schema: unknown, value: unknown) => validateJsonSchema(schema, value).length === 0;

describe('validateJsonSchema', () => {
  it('checks types, enum, const and numbers', () => {
    expect(valid({ type: 'integer' }, 3)).toBe(true);
    expect(valid({ type: 'integer' }, 3.5)).toBe(false);
    expect(valid({ type: ['string', 'null'] }, null)).toBe(true);
    expect(valid({ enum: [1, { a: [2] }] }, { a: [2] })).toBe(true);
    expect(valid({ const: 'x' }, 'y')).toBe(false);
    expect(valid({ minimum: 1, exclusiveMaximum: 3 }, 3)).toBe(false);
    expect(valid({ multipleOf: 0.5 }, 1.5)).toBe(true);
  });

  it('checks strings, arrays and objects', () => {
    expect(valid({ minLength: 2, maxLength: 3, pattern: '^a' }, 'ab')).toBe(true);
    expect(valid({ pattern: '^a' }, 'ba')).toBe(false);
    expect(valid({ prefixItems: [{ type: 'string' }], items: { type: 'number' } }, ['a', 1, 2])).toBe(true);
    expect(valid({ prefixItems: [{ type: 'string' }], items: { type: 'number' } }, ['a', 'b'])).toBe(false);
    expect(valid({ uniqueItems: true }, [{ a: 1 }, { a: 1 }])).toBe(false);
    expect(valid({ contains: { const: 2 }, minContains: 2 }, [2, 1, 2])).toBe(true);
    const obj = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false };
    expect(valid(obj, { a: 'x' })).toBe(true);
    expect(validateJsonSchema(obj, { a: 1, b: 2 }).map((i) => i.keyword)).toEqual(['type', 'additionalProperties']);
    expect(valid({ patternProperties: { '^x-': { type: 'number' } }, additionalProperties: false }, { 'x-a': 1 })).toBe(true);
    expect(valid({ dependentRequired: { a: ['b'] } }, { a: 1 })).toBe(false);
  });

  it('checks composition and conditionals', () => {
    expect(valid({ anyOf: [{ type: 'string' }, { type: 'number' }] }, true)).toBe(false);
    expect(valid({ oneOf: [{ type: 'number' }, { type: 'integer' }] }, 1)).toBe(false);
    expect(valid({ allOf: [{ minimum: 1 }, { maximum: 2 }] }, 1.5)).toBe(true);
    expect(valid({ not: { type: 'null' } }, null)).toBe(false);
    const cond = { if: { properties: { k: { const: 'a' } } }, then: { required: ['a'] }, else: { required: ['b'] } };
    expect(valid(cond, { k: 'a', a: 1 })).toBe(true);
    expect(valid(cond, { k: 'z', a: 1 })).toBe(false);
  });

  it('follows local $ref and $anchor, never remote ones, and bounds recursion', () => {
    const tree = { $defs: { node: { type: 'object', properties: { next: { $ref: '#/$defs/node' } } } }, $ref: '#/$defs/node' };
    expect(valid(tree, { next: { next: {} } })).toBe(true);
    expect(valid(tree, { next: { next: 3 } })).toBe(false);
    expect(valid({ $defs: { u: { $anchor: 'u', type: 'string' } }, $ref: '#u' }, 1)).toBe(false);
    expect(valid({ $ref: 'https://example.com/schema.json' }, 1)).toBe(true);
    const loop = { $ref: '#' };
    expect(validateJsonSchema(loop, 1).map((i) => i.keyword)).toEqual(['$ref']);
  });

  it('agrees with Ajv (2020-12) on generated values', () => {
    const schema = {
      type: 'object',
      properties: {
        n: { type: 'integer', minimum: 0, maximum: 100 },
        s: { type: 'string', maxLength: 5 },
        tags: { type: 'array', items: { enum: ['a', 'b'] }, uniqueItems: true },
      },
      required: ['n'],
      additionalProperties: false,
    };
    const ajv = new Ajv2020({ strict: false });
    const check = ajv.compile(schema);
    fc.assert(
      fc.property(
        fc.record(
          { n: fc.oneof(fc.integer({ min: -10, max: 110 }), fc.double(), fc.string()), s: fc.string({ maxLength: 8 }), tags: fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 3 }), x: fc.boolean() },
          { requiredKeys: [] },
        ),
        (value) => {
          expect(valid(schema, value)).toBe(check(value));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary schemas and values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (schema, value) => {
        expect(Array.isArray(validateJsonSchema(schema, value))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('validateJsonSchema, as the server uses it for raw JSON Schema inputs', () => {
  const schema = {
    type: 'object',
    properties: {
      n: { type: 'integer', minimum: 0, maximum: 10 },
      tags: { type: 'array', items: { type: 'string' }, maxItems: 2, uniqueItems: true },
      kind: { enum: ['a', 'b'] },
      contact: { oneOf: [{ type: 'string', pattern: '^\\+' }, { type: 'object', required: ['email'] }] },
    },
    required: ['n'],
    if: { properties: { kind: { const: 'a' } }, required: ['kind'] },
    then: { required: ['tags'] },
  };

  it('reports each failing field with its path', () => {
    expect(validateJsonSchema(schema, { n: 3, kind: 'b' })).toEqual([]);
    const issues = validateJsonSchema(schema, { n: 11.5, tags: ['x', 'x', 'y'], kind: 'c', contact: 5 });
    const paths = issues.map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['/n', '/tags', '/kind', '/contact']));
    expect(validateJsonSchema(schema, { n: 1, kind: 'a' }).map((i) => i.message)).toEqual(['missing required property "tags"']);
  });

  it('never throws on arbitrary values or schemas', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (value, anySchema) => {
        validateJsonSchema(schema, value);
        if (typeof anySchema === 'object' && anySchema !== null && !Array.isArray(anySchema)) validateJsonSchema(anySchema, value);
      }),
      { numRuns: 300 },
    );
  });
});
