/**
 * The limits of the tools server: named options with documented defaults, and the checks that
 * enforce them with an error that says which limit was hit and how to get under it.
 *
 * @module
 */
import { ToolError } from '@mcpkit/server';

/** Options of `createToolsServer`. Every limit has a default. */
export interface ToolsServerOptions {
  /** Largest text, CSV or JSON input of one call, in UTF-8 bytes. Default 5 MiB. */
  maxInputBytes?: number;
  /** Largest converted output (CSV text, or rows as JSON), in bytes. Default 6 MiB. */
  maxOutputBytes?: number;
  /** Most rows one conversion handles. Default 100 000. */
  maxRows?: number;
  /** Longest expression `evaluate` accepts, in characters. Default 1000. */
  maxExpressionLength?: number;
  /** Deepest nesting of parentheses, signs and calls in an expression. Default 64. */
  maxExpressionDepth?: number;
}

/** The defaults of {@link ToolsServerOptions}. */
export const TOOLS_DEFAULTS: Readonly<Required<ToolsServerOptions>> = {
  maxInputBytes: 5 * 1024 * 1024,
  // The result carries the output twice (structured and as text), and must stay under the server's 16 MiB.
  maxOutputBytes: 6 * 1024 * 1024,
  maxRows: 100_000,
  maxExpressionLength: 1000,
  maxExpressionDepth: 64,
};

/** Formats a byte count for an error message. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** The UTF-8 length of `text`, counted without encoding it. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Refuses an input larger than `maxBytes` with a tool error.
 *
 * @param what - the argument's name, for the message
 */
export function checkInputSize(text: string, what: string, maxBytes: number): void {
  // UTF-8 needs at least one byte per UTF-16 unit: a long string is refused without scanning it.
  if (text.length > maxBytes) {
    throw new ToolError(`"${what}" is at least ${formatBytes(text.length)}; the limit is ${formatBytes(maxBytes)} (maxInputBytes). Send a smaller input.`);
  }
  const bytes = utf8Length(text);
  if (bytes > maxBytes) {
    throw new ToolError(`"${what}" is ${formatBytes(bytes)}; the limit is ${formatBytes(maxBytes)} (maxInputBytes). Send a smaller input.`);
  }
}

/** Refuses an output larger than `maxBytes` (measured in UTF-16 units, a close bound for the JSON). */
export function checkOutputSize(size: number, what: string, maxBytes: number): void {
  if (size > maxBytes) {
    throw new ToolError(`The ${what} would be ${formatBytes(size)}; the limit is ${formatBytes(maxBytes)} (maxOutputBytes). Convert fewer rows at a time.`);
  }
}

/**
 * Checks that every numeric limit is a positive integer, so a mistake fails when the server is
 * built rather than on some later request.
 *
 * @throws RangeError naming the option
 */
export function checkLimits(limits: object, allowZero: readonly string[] = []): void {
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number') continue;
    const least = allowZero.includes(name) ? 0 : 1;
    if (!Number.isSafeInteger(value) || value < least) {
      throw new RangeError(`${name} must be ${least === 0 ? 'a non-negative' : 'a positive'} integer, got ${value}`);
    }
  }
}
