/**
 * The client's response cache: honours `ttlMs`/`cacheScope` (2026-07-28 caching) and is
 * invalidated by list-changed and resource-updated events.
 *
 * @module
 */

/** Options of the response cache. */
export interface ResponseCacheOptions {
  /** Maximum cached responses; the oldest is evicted first. Default 256. */
  maxEntries?: number;
  /**
   * Freshness in ms for results that carry no `ttlMs` (legacy servers). Default 0: such results
   * are not cached, as the spec says to treat a missing `ttlMs` as immediately stale.
   */
  defaultTtlMs?: number;
  /** Also cache `resources/read` results (they may be per-user). Default `false`. */
  cacheReads?: boolean;
  /** The clock, in ms. Default `Date.now`. */
  now?: () => number;
}

interface Entry {
  result: Record<string, unknown>;
  expiresAt: number;
  scope: 'public' | 'private' | undefined;
}

const LIST_METHODS = new Set(['tools/list', 'prompts/list', 'resources/list', 'resources/templates/list']);

/** Builds the cache key from the method and every param that affects the result (not `_meta`). */
export function cacheKey(method: string, params: Record<string, unknown> | undefined): string {
  if (params === undefined) return method;
  const rest: Record<string, unknown> = {};
  for (const key of Object.keys(params).sort()) if (key !== '_meta') rest[key] = params[key];
  return `${method} ${JSON.stringify(rest)}`;
}

/**
 * A per-client response cache. One client holds one authorization context, so both `public` and
 * `private` results may be reused here; the scope is kept for callers that share results further.
 */
export class ResponseCache {
  readonly #entries = new Map<string, Entry>();
  readonly #maxEntries: number;
  readonly #defaultTtl: number;
  readonly #cacheReads: boolean;
  readonly #now: () => number;

  /** @param options - limits and clock, see {@link ResponseCacheOptions} */
  constructor(options: ResponseCacheOptions = {}) {
    this.#maxEntries = options.maxEntries ?? 256;
    this.#defaultTtl = options.defaultTtlMs ?? 0;
    this.#cacheReads = options.cacheReads ?? false;
    this.#now = options.now ?? Date.now;
  }

  /** True if results of `method` may be cached. */
  cacheable(method: string): boolean {
    return LIST_METHODS.has(method) || (this.#cacheReads && method === 'resources/read');
  }

  /** The fresh cached result for this request, if any. */
  get(method: string, params: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    const key = cacheKey(method, params);
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    if (this.#now() >= entry.expiresAt) {
      this.#entries.delete(key);
      return undefined;
    }
    return entry.result;
  }

  /** Stores a complete result, if its TTL makes it worth keeping. */
  set(method: string, params: Record<string, unknown> | undefined, result: Record<string, unknown>): void {
    if (!this.cacheable(method)) return;
    const hinted = result['ttlMs'];
    // A negative TTL is treated as 0, per the caching spec.
    const ttl = typeof hinted === 'number' && Number.isFinite(hinted) ? Math.max(0, hinted) : this.#defaultTtl;
    if (ttl <= 0) return;
    const key = cacheKey(method, params);
    this.#entries.delete(key);
    const scope = result['cacheScope'];
    this.#entries.set(key, {
      result,
      expiresAt: this.#now() + ttl,
      scope: scope === 'public' || scope === 'private' ? scope : undefined,
    });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }

  /** Drops every cached page of `method` (after a list-changed notification or an invalid cursor). */
  invalidateMethod(method: string): void {
    for (const key of [...this.#entries.keys()]) {
      if (key === method || key.startsWith(`${method} `)) this.#entries.delete(key);
    }
  }

  /** Drops the cached `resources/read` of one URI (after `notifications/resources/updated`). */
  invalidateResource(uri: string): void {
    this.#entries.delete(cacheKey('resources/read', { uri }));
  }

  /** Drops everything. */
  clear(): void {
    this.#entries.clear();
  }

  /** Number of entries held (fresh or not yet swept). */
  get size(): number {
    return this.#entries.size;
  }
}
