/**
 * Fetches each origin's robots.txt once (per time-to-live) and answers whether a URL may be fetched.
 *
 * @module
 */
import { ToolError } from '@mcpkit/server';
import { ALLOW_ALL, DISALLOW_ALL, parseRobots, type RobotsRules } from './robots.js';

/** Options of {@link RobotsCache}. */
export interface RobotsCacheOptions {
  /** The product token robots.txt groups are matched against, e.g. `mcpkit-fetch`. */
  agent: string;
  /** How long rules are kept per origin, ms. */
  ttlMs: number;
  /** Origins kept at most (oldest dropped). */
  maxOrigins: number;
  /** Fetches a robots.txt: its status and text (or throws when unreachable). */
  fetchRobots: (url: URL, signal: AbortSignal) => Promise<{ status: number; text: string }>;
  /** The clock. */
  now: () => number;
}

/** robots.txt rules per origin. */
export class RobotsCache {
  readonly #options: RobotsCacheOptions;
  readonly #entries = new Map<string, { rules: Promise<RobotsRules>; expires: number }>();

  constructor(options: RobotsCacheOptions) {
    this.#options = options;
  }

  async #load(origin: string, signal: AbortSignal): Promise<RobotsRules> {
    try {
      const { status, text } = await this.#options.fetchRobots(new URL('/robots.txt', origin), signal);
      if (status >= 200 && status < 300) return parseRobots(text, this.#options.agent);
      // RFC 9309: 4xx means no rules; 5xx means "assume complete disallow".
      return status >= 400 && status < 500 ? ALLOW_ALL : DISALLOW_ALL;
    } catch (error) {
      // A refused address, an unknown host or a refused connection is the page's problem too: say so.
      if (signal.aborted || error instanceof ToolError) throw error;
      return DISALLOW_ALL;
    }
  }

  /** Throws a `ToolError` when robots.txt of the URL's origin disallows it. */
  async check(url: URL, signal: AbortSignal): Promise<void> {
    const now = this.#options.now();
    let entry = this.#entries.get(url.origin);
    if (entry === undefined || entry.expires <= now) {
      if (this.#entries.size >= this.#options.maxOrigins) {
        const oldest = this.#entries.keys().next().value;
        if (oldest !== undefined) this.#entries.delete(oldest);
      }
      const rules = this.#load(url.origin, signal);
      entry = { rules, expires: now + this.#options.ttlMs };
      this.#entries.set(url.origin, entry);
      // A failed load (refused address, cancelled call) is not cached.
      rules.catch(() => this.#entries.delete(url.origin));
    }
    const rules = await entry.rules;
    if (!rules.isAllowed(`${url.pathname}${url.search}`)) {
      throw new ToolError(`${url.href} is disallowed by ${url.origin}/robots.txt for user agent "${this.#options.agent}".`);
    }
  }
}
