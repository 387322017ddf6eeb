/**
 * The tokenizer of arithmetic expressions: numbers, names, operators and parentheses.
 *
 * @module
 */
import { ExpressionError } from './expression-error.js';

/** One token, with its offset in the source for error messages. */
export type Token =
  | { kind: 'number'; value: number; at: number }
  | { kind: 'name'; value: string; at: number }
  | { kind: 'op'; value: '+' | '-' | '*' | '/' | '^' | '%' | '(' | ')' | ','; at: number }
  | { kind: 'end'; at: number };

const NUMBER = /(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const OPERATORS = new Set(['+', '-', '*', '/', '^', '%', '(', ')', ',']);

/**
 * Splits `source` into tokens; the last one is always `end`.
 *
 * @throws ExpressionError on a character that starts no token
 */
export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  while (at < source.length) {
    const char = source[at] as string;
    if (char === ' ' || char === '\t' || char === '\n' || char === '\r') {
      at++;
      continue;
    }
    NUMBER.lastIndex = at;
    const number = NUMBER.exec(source);
    if (number !== null) {
      tokens.push({ kind: 'number', value: Number(number[0]), at });
      at += number[0].length;
      continue;
    }
    NAME.lastIndex = at;
    const name = NAME.exec(source);
    if (name !== null) {
      tokens.push({ kind: 'name', value: name[0], at });
      at += name[0].length;
      continue;
    }
    if (OPERATORS.has(char)) {
      tokens.push({ kind: 'op', value: char as Extract<Token, { kind: 'op' }>['value'], at });
      at++;
      continue;
    }
    // Show the code point, not half of a surrogate pair.
    const shown = String.fromCodePoint(source.codePointAt(at) ?? 0);
    throw new ExpressionError(`Unexpected character "${shown}" at position ${at + 1}`, at);
  }
  tokens.push({ kind: 'end', at: source.length });
  return tokens;
}
