/**
 * Sends the stdout-writing `console` methods to stderr, so a stray `console.log` cannot corrupt
 * the stdio protocol stream.
 *
 * @module
 */
import { Console } from 'node:console';
import type { Writable } from 'node:stream';

// The console methods that write to stdout; the others already write to stderr.
const STDOUT_METHODS = [
  'log',
  'info',
  'debug',
  'dir',
  'dirxml',
  'table',
  'count',
  'countReset',
  'group',
  'groupCollapsed',
  'groupEnd',
  'time',
  'timeLog',
  'timeEnd',
] as const;

type StdoutMethod = (typeof STDOUT_METHODS)[number];

/**
 * Replaces the stdout-writing methods of `target` (default the global `console`) with ones that
 * write to `stream` (default `process.stderr`). Returns a function that restores the originals;
 * a method replaced again by someone else in between is left alone.
 *
 * @example
 * ```ts
 * const restore = redirectConsole();
 * console.log('now on stderr');
 * restore();
 * ```
 */
export function redirectConsole(target: Console = console, stream: Writable = process.stderr): () => void {
  const replacement = new Console({ stdout: stream, stderr: stream });
  const originals = new Map<StdoutMethod, unknown>();
  const installed = new Map<StdoutMethod, unknown>();
  const methods = target as unknown as Record<StdoutMethod, unknown>;
  for (const name of STDOUT_METHODS) {
    const method = replacement[name] as (...args: unknown[]) => void;
    const bound = method.bind(replacement);
    originals.set(name, methods[name]);
    installed.set(name, bound);
    methods[name] = bound;
  }
  return () => {
    for (const name of STDOUT_METHODS) {
      if (methods[name] === installed.get(name)) methods[name] = originals.get(name);
    }
  };
}
