/**
 * Reconnection delays: exponential backoff, overridden by the server's SSE `retry:` field.
 *
 * @module
 */

/** Reconnection options of the SSE-reading client transports. */
export interface ReconnectionOptions {
  /** First delay in ms. Default 1000. */
  initialDelayMs?: number;
  /** Largest delay in ms. Default 30 000. */
  maxDelayMs?: number;
  /** Factor applied per consecutive failure. Default 1.5. */
  growFactor?: number;
  /** Consecutive failed attempts before giving up. Default 2. */
  maxRetries?: number;
}

/** The defaults of {@link ReconnectionOptions}. */
export const DEFAULT_RECONNECTION: Required<ReconnectionOptions> = {
  initialDelayMs: 1000,
  maxDelayMs: 30_000,
  growFactor: 1.5,
  maxRetries: 2,
};

/**
 * Delay before reconnection attempt `attempt` (0-based). The server's `retry` wins when given:
 * the spec says clients must wait exactly that long.
 */
export function reconnectDelay(attempt: number, options: Required<ReconnectionOptions>, retryMs?: number): number {
  if (retryMs !== undefined) return retryMs;
  return Math.min(options.initialDelayMs * options.growFactor ** attempt, options.maxDelayMs);
}
