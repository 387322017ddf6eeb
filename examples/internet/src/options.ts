/**
 * Options of the internet server, with their defaults.
 *
 * @module
 */
import type { AddressPolicyOptions } from './address-policy.js';
import type { ResolveHost } from './resolve-host.js';

/** Options of {@link createInternetServer}. Every limit has a default. */
export interface InternetServerOptions extends AddressPolicyOptions {
  /** Bytes of (decoded) body read at most; the rest is not downloaded. Default 2 MiB. */
  maxBytes?: number;
  /** Time for the whole fetch (robots.txt, redirects, body), ms. Default 15 000. */
  timeoutMs?: number;
  /** Redirects followed at most. Default 5. */
  maxRedirects?: number;
  /** `User-Agent` header. Default `mcpkit-fetch/1.0 (+https://github.com/mcpkit/mcpkit)`. */
  userAgent?: string;
  /** The product token matched against robots.txt groups. Default `mcpkit-fetch`. */
  robotsAgent?: string;
  /** Respect robots.txt. Default `true`. */
  respectRobotsTxt?: boolean;
  /** How long robots.txt rules are kept per origin, ms. Default 1 hour. */
  robotsCacheTtlMs?: number;
  /** Origins whose robots.txt rules are kept at most. Default 1 000. */
  robotsCacheMaxOrigins?: number;
  /** Bytes of robots.txt read at most (RFC 9309 asks for at least 500 KiB). Default 512 KiB. */
  robotsMaxBytes?: number;
  /** DNS (inject a fake one in tests). Default: `node:dns` lookup, all addresses. */
  resolve?: ResolveHost;
  /** The clock for the robots cache. Default `Date.now`. */
  now?: () => number;
}

/** The documented defaults. */
export const INTERNET_DEFAULTS = {
  maxBytes: 2 * 1024 * 1024,
  timeoutMs: 15_000,
  maxRedirects: 5,
  userAgent: 'mcpkit-fetch/1.0 (+https://github.com/mcpkit/mcpkit)',
  robotsAgent: 'mcpkit-fetch',
  respectRobotsTxt: true,
  robotsCacheTtlMs: 60 * 60_000,
  robotsCacheMaxOrigins: 1_000,
  robotsMaxBytes: 512 * 1024,
} as const;

/** Checks that a numeric option is a usable limit. */
export function checkLimit(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`Internet server option ${name} must be an integer ≥ ${min}, got ${String(value)}`);
  return value;
}
