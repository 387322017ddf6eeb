import * as fc from 'fast-check';
import * as zc from 'zod';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { compileValidator } from '../../src/jsonrpc/index.js';
import { compileFastCheck } from '../../src/jsonrpc/compile-validator.js';
import { CallToolRequestParamsSchema } from '../../src/schemas/tools.js';

/** The fast path may only say "valid" when zod agrees and would return the value unchanged. */
function agrees(schema: z.core.$ZodType, values: fc.Arbitrary<unknown>, minAccepted: number): void {
  const fast = compileFastCheck(schema);
  let accepted = 0;
  fc.assert(
    fc.property(values, (value) => {
      if (!fast(value)) return;
      accepted++;
      const parsed = z.safeParse(schema, value);
      expect(parsed.success).toBe(true);
      expect(parsed.data).toEqual(value);
    }),
    { numRuns: 400 },
  );
  // Guards against a vacuous test: the generators must reach the fast path.
  expect(accepted, `fast-path acceptances for ${schema._zod.def.type}`).toBeGreaterThanOrEqual(minAccepted);
}

const anyJson = fc.jsonValue({ maxDepth: 2 });
const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.integer(), fc.double({ noNaN: false }), fc.boolean(), fc.constant(null), fc.constant(2 ** 60));
/** Mostly `good`, sometimes anything: enough valid values to exercise the fast path. */
const mostly = <T,>(good: fc.Arbitrary<T>) => fc.oneof({ arbitrary: good, weight: 6 }, { arbitrary: scalar, weight: 1 });
const meta = fc.record({ progressToken: mostly(fc.oneof(fc.string(), fc.integer(), fc.double())), other: anyJson }, { requiredKeys: [] });
const callParams = fc.record(
  {
    name: mostly(fc.string({ maxLength: 6 })),
    arguments: mostly(fc.oneof(fc.dictionary(fc.string({ maxLength: 4 }), anyJson, { maxKeys: 3 }), fc.array(anyJson, { maxLength: 2 }))),
    _meta: mostly(meta),
    requestState: mostly(fc.string()),
    extra: anyJson,
  },
  { requiredKeys: [] },
);

describe('compileValidator', () => {
  it('agrees with zod on tools/call params', () => {
    agrees(CallToolRequestParamsSchema, callParams, 20);
  });

  it('agrees with zod on each supported kind', () => {
    const shapes = fc.record({ a: scalar, b: scalar, c: fc.oneof(fc.array(scalar, { maxLength: 3 }), scalar), d: scalar }, { requiredKeys: [] });
    const narrow = fc.record({ a: mostly(fc.string()), b: mostly(fc.integer()), c: scalar }, { requiredKeys: [] });
    const cases: Array<[z.core.$ZodType, fc.Arbitrary<unknown>]> = [
      [z.string().check(z.minLength(1), z.maxLength(3)), scalar],
      [z.int().check(z.gte(0), z.lt(100)), scalar],
      [z.number().check(z.gt(0), z.lte(1)), fc.oneof(scalar, fc.double({ min: -1, max: 2 }))],
      [z.nullable(z.boolean()), scalar],
      [z.literal(['a', 1]), fc.oneof(scalar, fc.constantFrom('a', 1))],
      [z.enum(['x', 'y']), fc.oneof(scalar, fc.constantFrom('x', 'y'))],
      [z.array(z.int()), fc.array(scalar, { maxLength: 3 })],
      [z.record(z.string(), z.number()), fc.dictionary(fc.string({ maxLength: 2 }), fc.oneof(fc.integer(), scalar), { maxKeys: 3 })],
      [z.object({ a: z.string(), b: z.optional(z.int()) }), narrow],
      [z.looseObject({ a: z.optional(z.string()), c: z.optional(z.array(z.string())) }), shapes],
      [z.strictObject({ a: z.optional(z.string()), b: z.optional(z.number()) }), narrow],
      [z.union([z.looseObject({ a: z.string() }), z.looseObject({ b: z.boolean() })]), shapes],
      [zc.object({ a: zc.string().optional(), b: zc.number().int().nullable().optional() }).passthrough(), shapes],
    ];
    for (const [schema, values] of cases) agrees(schema, values, 1);
  });

  it('leaves transforms, defaults and refinements to zod', () => {
    const withDefault = compileValidator(z.object({ n: z._default(z.number(), 5) }));
    expect(withDefault({})).toEqual({ success: true, data: { n: 5 } });
    const refined = compileValidator(z.string().check(z.refine((s) => s.startsWith('x'), 'must start with x')));
    expect(refined('abc')).toMatchObject({ success: false, issues: [{ message: 'must start with x' }] });
    const transformed = compileValidator(zc.object({ n: zc.string().transform((s) => s.length) }));
    expect(transformed({ n: 'abc' })).toEqual({ success: true, data: { n: 3 } });
  });

  it('returns valid values as is and reports zod issues for invalid ones', () => {
    const validate = compileValidator(CallToolRequestParamsSchema);
    const params = { name: 'add', arguments: { a: 1 }, _meta: { progressToken: 3 } };
    const ok = validate(params);
    expect(ok.success && ok.data).toBe(params);
    const bad = validate({ name: 1 });
    expect(bad.success).toBe(false);
    expect(bad.success ? [] : bad.issues.map((i) => i.path)).toEqual([['name']]);
  });

  it('compiles recursive schemas without looping', () => {
    interface Node { value: number; children?: Node[] }
    const NodeSchema: z.ZodMiniType<Node> = z.object({
      value: z.number(),
      get children() {
        return z.optional(z.array(NodeSchema));
      },
    });
    const validate = compileValidator(NodeSchema);
    expect(validate({ value: 1, children: [{ value: 2, children: [] }] }).success).toBe(true);
    expect(validate({ value: 1, children: [{ value: 'x' }] }).success).toBe(false);
  });
});
