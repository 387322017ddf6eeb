/**
 * A safe arithmetic evaluator: a recursive-descent parser that computes as it parses. No `eval`,
 * no `Function`, no access to anything but the numbers, operators, functions and constants below.
 *
 * Grammar, loosest binding first:
 * ```
 * expression := term (('+' | '-') term)*
 * term       := unary (('*' | '/' | '%') unary)*
 * unary      := ('-' | '+') unary | power
 * power      := primary ('^' unary)?          right-associative; -2^2 is -(2^2)
 * primary    := number | constant | name '(' expression (',' expression)* ')' | '(' expression ')'
 * ```
 *
 * @module
 */
import { applyBinary, callFunction, CONSTANTS, type BinaryOperator } from './arithmetic.js';
import { ExpressionError } from './expression-error.js';
import { tokenize, type Token } from './tokenize.js';

/** Limits of {@link evaluateExpression}. */
export interface EvaluateLimits {
  /** Longest accepted expression, in characters. */
  maxLength: number;
  /** Deepest nesting of parentheses, unary signs and calls. */
  maxDepth: number;
}

/** Defaults of {@link EvaluateLimits}. */
export const DEFAULT_EVALUATE_LIMITS: EvaluateLimits = { maxLength: 1000, maxDepth: 64 };

class Parser {
  readonly tokens: readonly Token[];
  readonly maxDepth: number;
  #index = 0;
  #depth = 0;

  constructor(tokens: readonly Token[], maxDepth: number) {
    this.tokens = tokens;
    this.maxDepth = maxDepth;
  }

  parse(): number {
    const value = this.#expression();
    const next = this.#peek();
    if (next.kind !== 'end') throw new ExpressionError(`Unexpected ${describe(next)} at position ${next.at + 1}`, next.at);
    return value;
  }

  #peek(): Token {
    // The tokenizer always ends with an `end` token, and nothing reads past it.
    return this.tokens[this.#index] as Token;
  }

  #next(): Token {
    const token = this.#peek();
    if (token.kind !== 'end') this.#index++;
    return token;
  }

  #isOp(value: string): boolean {
    const token = this.#peek();
    return token.kind === 'op' && token.value === value;
  }

  #expect(value: string): void {
    const token = this.#next();
    if (token.kind !== 'op' || token.value !== value) {
      throw new ExpressionError(`Expected "${value}" but found ${describe(token)} at position ${token.at + 1}`, token.at);
    }
  }

  // Every recursive rule goes through here, so no input can overflow the stack.
  #nested<T>(at: number, rule: () => T): T {
    if (++this.#depth > this.maxDepth) throw new ExpressionError(`Expression nests deeper than ${this.maxDepth} levels`, at);
    try {
      return rule();
    } finally {
      this.#depth--;
    }
  }

  #expression(): number {
    let value = this.#term();
    while (this.#isOp('+') || this.#isOp('-')) {
      const operator = this.#next() as { value: BinaryOperator };
      value = applyBinary(operator.value, value, this.#term());
    }
    return value;
  }

  #term(): number {
    let value = this.#unary();
    while (this.#isOp('*') || this.#isOp('/') || this.#isOp('%')) {
      const operator = this.#next() as { value: BinaryOperator };
      value = applyBinary(operator.value, value, this.#unary());
    }
    return value;
  }

  #unary(): number {
    const token = this.#peek();
    if (this.#isOp('-') || this.#isOp('+')) {
      this.#next();
      const operand = this.#nested(token.at, () => this.#unary());
      // `0 - x` rather than `-x`, so that -0 never appears.
      return token.kind === 'op' && token.value === '-' ? 0 - operand : operand;
    }
    return this.#power();
  }

  #power(): number {
    const base = this.#primary();
    if (!this.#isOp('^')) return base;
    const caret = this.#next();
    return applyBinary('^', base, this.#nested(caret.at, () => this.#unary()));
  }

  #primary(): number {
    const token = this.#next();
    if (token.kind === 'number') {
      if (!Number.isFinite(token.value)) throw new ExpressionError(`The number at position ${token.at + 1} is too large`, token.at);
      return token.value;
    }
    if (token.kind === 'op' && token.value === '(') {
      const value = this.#nested(token.at, () => this.#expression());
      this.#expect(')');
      return value;
    }
    if (token.kind === 'name') {
      if (this.#isOp('(')) return this.#call(token.value, token.at);
      const constant = Object.hasOwn(CONSTANTS, token.value) ? CONSTANTS[token.value] : undefined;
      if (constant === undefined) {
        throw new ExpressionError(`Unknown name "${token.value}" at position ${token.at + 1}; constants: ${Object.keys(CONSTANTS).join(', ')}`, token.at);
      }
      return constant;
    }
    throw new ExpressionError(
      token.kind === 'end' ? 'The expression ends too early' : `Unexpected ${describe(token)} at position ${token.at + 1}`,
      token.at,
    );
  }

  #call(name: string, at: number): number {
    this.#expect('(');
    const args: number[] = [];
    if (!this.#isOp(')')) {
      for (;;) {
        args.push(this.#nested(at, () => this.#expression()));
        if (!this.#isOp(',')) break;
        this.#next();
      }
    }
    this.#expect(')');
    return callFunction(name, args, at);
  }
}

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the expression';
    case 'number':
      return `number ${token.value}`;
    case 'name':
      return `name "${token.value}"`;
    case 'op':
      return `"${token.value}"`;
  }
}

/**
 * Evaluates an arithmetic expression: numbers, `+ - * / % ^`, parentheses, unary signs, the
 * functions `sqrt abs round floor ceil exp ln log10 sin cos tan min max` and the constants `pi e tau`.
 *
 * @example
 * ```ts
 * evaluateExpression('2 * (3 + 4) ^ 2'); // 98
 * ```
 * @throws ExpressionError for malformed input, arithmetic failures and limits, never anything else
 */
export function evaluateExpression(source: string, limits: EvaluateLimits = DEFAULT_EVALUATE_LIMITS): number {
  if (source.length > limits.maxLength) {
    throw new ExpressionError(`Expression is ${source.length} characters long; the limit is ${limits.maxLength}`);
  }
  if (source.trim() === '') throw new ExpressionError('The expression is empty');
  return new Parser(tokenize(source), limits.maxDepth).parse();
}
