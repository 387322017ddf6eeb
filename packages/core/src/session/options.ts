/**
 * Defaults and checks of {@link SessionOptions}.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode } from '../errors.js';
import { timeoutProblem } from './outbound.js';
import type { SessionOptions, Timers } from './types.js';

/** The global timers, used when no `timers` option is given. */
export const globalTimers: Timers = {
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/** Checks the limits of {@link SessionOptions}, so a bad value fails at construction, not mid-traffic. */
export function checkOptions(options: SessionOptions): void {
  const problem = timeoutProblem('requestTimeout', options.requestTimeout) ?? timeoutProblem('maxTotalTimeout', options.maxTotalTimeout);
  if (problem !== undefined) throw problem;
  const { maxConcurrentRequests: concurrent, maxQueuedRequests: queued } = options;
  if (concurrent !== undefined && !(Number.isInteger(concurrent) && concurrent >= 1)) {
    throw new McpkitError(McpkitErrorCode.InvalidArgument, `maxConcurrentRequests must be an integer of at least 1, got ${String(concurrent)}`);
  }
  if (queued !== undefined && !(Number.isInteger(queued) && queued >= 0)) {
    throw new McpkitError(McpkitErrorCode.InvalidArgument, `maxQueuedRequests must be an integer of at least 0, got ${String(queued)}`);
  }
}
