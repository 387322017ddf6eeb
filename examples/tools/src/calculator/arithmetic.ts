/**
 * The arithmetic shared by the calculator tools and the expression evaluator: every operation
 * either returns a finite number or throws an `ExpressionError` that says why.
 *
 * @module
 */
import { ExpressionError } from './expression-error.js';

/** A binary operator of the calculator. */
export type BinaryOperator = '+' | '-' | '*' | '/' | '%' | '^';

/** Checks that `value` is finite: JSON cannot carry NaN or Infinity, and they are never what a user wants. */
export function finite(value: number, what: string): number {
  if (Number.isNaN(value)) throw new ExpressionError(`${what} is not a number`);
  if (!Number.isFinite(value)) throw new ExpressionError(`${what} is too large to represent`);
  // -0 prints as 0 in JSON; normalising keeps results comparable.
  return value === 0 ? 0 : value;
}

/** Applies a binary operator. */
export function applyBinary(operator: BinaryOperator, a: number, b: number): number {
  switch (operator) {
    case '+':
      return finite(a + b, 'The sum');
    case '-':
      return finite(a - b, 'The difference');
    case '*':
      return finite(a * b, 'The product');
    case '/':
      if (b === 0) throw new ExpressionError('Division by zero');
      return finite(a / b, 'The quotient');
    case '%':
      if (b === 0) throw new ExpressionError('Modulo by zero');
      return finite(a % b, 'The remainder');
    case '^':
      if (a === 0 && b < 0) throw new ExpressionError('Zero cannot be raised to a negative power');
      if (a < 0 && !Number.isInteger(b)) throw new ExpressionError('A negative number cannot be raised to a fractional power');
      return finite(a ** b, 'The power');
  }
}

interface FunctionSpec {
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly apply: (args: readonly number[]) => number;
}

function unary(apply: (x: number) => number): FunctionSpec {
  return { minArgs: 1, maxArgs: 1, apply: (args) => apply(args[0] as number) };
}

/** The functions an expression may call, by name. */
export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  sqrt: unary((x) => {
    if (x < 0) throw new ExpressionError('sqrt of a negative number');
    return Math.sqrt(x);
  }),
  abs: unary(Math.abs),
  round: unary(Math.round),
  floor: unary(Math.floor),
  ceil: unary(Math.ceil),
  exp: unary(Math.exp),
  ln: unary((x) => {
    if (x <= 0) throw new ExpressionError('ln of a number that is not positive');
    return Math.log(x);
  }),
  log10: unary((x) => {
    if (x <= 0) throw new ExpressionError('log10 of a number that is not positive');
    return Math.log10(x);
  }),
  sin: unary(Math.sin),
  cos: unary(Math.cos),
  tan: unary(Math.tan),
  min: { minArgs: 1, maxArgs: Infinity, apply: (args) => Math.min(...args) },
  max: { minArgs: 1, maxArgs: Infinity, apply: (args) => Math.max(...args) },
};

/** The named constants an expression may use. */
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E, tau: 2 * Math.PI };

/** Calls a function of {@link FUNCTIONS} by name, checking its arity. */
export function callFunction(name: string, args: readonly number[], at: number): number {
  const spec = Object.hasOwn(FUNCTIONS, name) ? FUNCTIONS[name] : undefined;
  if (spec === undefined) {
    throw new ExpressionError(`Unknown function "${name}" at position ${at + 1}; known: ${Object.keys(FUNCTIONS).join(', ')}`, at);
  }
  if (args.length < spec.minArgs || args.length > spec.maxArgs) {
    const expected = spec.maxArgs === Infinity ? `at least ${spec.minArgs}` : String(spec.minArgs);
    throw new ExpressionError(`${name} takes ${expected} argument(s), got ${args.length}`, at);
  }
  return finite(spec.apply(args), `The result of ${name}`);
}
