/**
 * Log levels and the rule for sending `notifications/message` in each era.
 *
 * @module
 */
import type { LoggingLevel } from '@mcpkit/core';

/** RFC 5424 severities, least severe first. */
export const LOG_LEVELS: readonly LoggingLevel[] = ['debug', 'info', 'notice', 'warning', 'error', 'critical', 'alert', 'emergency'];

/** True if `value` is a log level. */
export function isLoggingLevel(value: unknown): value is LoggingLevel {
  return typeof value === 'string' && (LOG_LEVELS as readonly string[]).includes(value);
}

/**
 * True if a message at `level` goes out when the threshold is `threshold`. `'none'` sends nothing
 * (a modern request without `logLevel`); `undefined` sends everything (legacy, never set).
 */
export function shouldLog(level: LoggingLevel, threshold: LoggingLevel | 'none' | undefined): boolean {
  if (threshold === 'none') return false;
  if (threshold === undefined) return true;
  return LOG_LEVELS.indexOf(level) >= LOG_LEVELS.indexOf(threshold);
}
