import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateExpression } from '../src/calculator/evaluate.js';
import { ExpressionError } from '../src/calculator/expression-error.js';

describe('evaluateExpression', () => {
  it.each([
    ['1 + 2 * 3', 7],
    ['(1 + 2) * 3', 9],
    ['2 ^ 3 ^ 2', 512],
    ['-2 ^ 2', -4],
    ['(-2) ^ 2', 4],
    ['2 ^ -1', 0.5],
    ['--3', 3],
    ['7 % 4', 3],
    ['10 / 4', 2.5],
    ['1.5e3 + .5', 1500.5],
    ['max(1, 5, 3) - min(4, 2)', 3],
    ['abs(-3) + sqrt(9) + round(2.5) + floor(-1.5) + ceil(1.2)', 9],
    ['ln(e) + log10(1000)', 4],
    ['cos(0) + sin(0) * tau', 1],
    ['  2\t*\n3 ', 6],
  ])('%s = %d', (source, expected) => {
    expect(evaluateExpression(source)).toBeCloseTo(expected, 12);
  });

  it.each([
    ['', 'The expression is empty'],
    ['1 +', 'The expression ends too early'],
    ['1 / 0', 'Division by zero'],
    ['5 % (2 - 2)', 'Modulo by zero'],
    ['sqrt(-1)', 'sqrt of a negative number'],
    ['(-8) ^ (1/3)', 'A negative number cannot be raised to a fractional power'],
    ['0 ^ -1', 'Zero cannot be raised to a negative power'],
    ['1e999', 'The number at position 1 is too large'],
    ['(1 + 2', 'Expected ")" but found the end of the expression at position 7'],
    ['1 2', 'Unexpected number 2 at position 3'],
    ['foo + 1', 'Unknown name "foo" at position 1; constants: pi, e, tau'],
    ['constructor(1)', 'Unknown function "constructor" at position 1; known: sqrt, abs, round, floor, ceil, exp, ln, log10, sin, cos, tan, min, max'],
    ['__proto__', 'Unknown name "__proto__" at position 1; constants: pi, e, tau'],
    ['sqrt(1, 2)', 'sqrt takes 1 argument(s), got 2'],
    ['max()', 'max takes at least 1 argument(s), got 0'],
    ['max(1,)', 'Unexpected ")" at position 7'],
    ['2 😀 3', 'Unexpected character "😀" at position 3'],
    ['-'.repeat(100) + '1', 'Expression nests deeper than 64 levels'],
  ])('refuses %j: %s', (source, message) => {
    let thrown: unknown;
    try {
      evaluateExpression(source);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ExpressionError);
    expect((thrown as ExpressionError).message).toBe(message);
  });

  it('returns a finite number or throws ExpressionError for any input', () => {
    const alphabet = fc.constantFrom(...'0123456789.eE+-*/^%(),  piesqrtmaxabc_$😀'.split(''));
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: alphabet, maxLength: 60 })), (source) => {
        try {
          expect(Number.isFinite(evaluateExpression(source))).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(ExpressionError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with JavaScript arithmetic on integer expressions', () => {
    type Node = { value: number; text: string };
    const { node } = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.integer({ min: -1000, max: 1000 }).map((n) => ({ value: n, text: n < 0 ? `(${n})` : String(n) })),
        fc.tuple(tie('node'), fc.constantFrom('+', '-', '*'), tie('node')).map(([a, op, b]) => ({
          value: op === '+' ? a.value + b.value : op === '-' ? a.value - b.value : a.value * b.value,
          text: `(${a.text} ${op} ${b.text})`,
        })),
      ),
    }));
    fc.assert(
      fc.property(node, ({ value, text }) => {
        fc.pre(text.length <= 1000 && Number.isSafeInteger(value));
        expect(evaluateExpression(text, { maxLength: 1000, maxDepth: 1000 })).toBe(value === 0 ? 0 : value);
      }),
      { numRuns: 500 },
    );
  });
});
