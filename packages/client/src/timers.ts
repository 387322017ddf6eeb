/**
 * The default timers: the global `setTimeout`/`clearTimeout`.
 *
 * @module
 */
import type { Timers } from '@mcpkit/core';

/** The global timers, used when no `timers` option is given. */
export const globalTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};
