/**
 * A keyed collection with a deterministic order and a change callback: the base of the tool,
 * resource, template and prompt registries.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode } from '@mcpkit/core';

/** Caching hints of a registration (modern era: `ttlMs` and `cacheScope` of results). */
export interface CacheHints {
  /** Freshness in ms (>= 0). */
  ttlMs?: number;
  /** `'public'` when the result is the same for every user, `'private'` otherwise. */
  scope?: 'public' | 'private';
}

/** Entries by key, listed in key order (stable for client-side and prompt caches). */
export class Registry<T> {
  readonly #items = new Map<string, T>();
  #sorted: T[] | undefined;
  readonly #kind: string;
  readonly #onChange: () => void;

  /**
   * @param kind - what the entries are, for error messages ("tool")
   * @param onChange - called after every add and remove
   */
  constructor(kind: string, onChange: () => void) {
    this.#kind = kind;
    this.#onChange = onChange;
  }

  /** Adds an entry; a duplicate key is an error. Returns a function that removes it. */
  add(key: string, item: T): () => boolean {
    if (this.#items.has(key)) throw new McpkitError(McpkitErrorCode.InvalidArgument, `A ${this.#kind} named "${key}" is already registered`);
    this.#items.set(key, item);
    this.#sorted = undefined;
    this.#onChange();
    return () => this.remove(key, item);
  }

  /** Removes the entry under `key` if it is still `item`. */
  remove(key: string, item?: T): boolean {
    const current = this.#items.get(key);
    if (current === undefined || (item !== undefined && current !== item)) return false;
    this.#items.delete(key);
    this.#sorted = undefined;
    this.#onChange();
    return true;
  }

  /** The entry under `key`. */
  get(key: string): T | undefined {
    return this.#items.get(key);
  }

  /** Number of entries. */
  get size(): number {
    return this.#items.size;
  }

  /** Entries sorted by key (cached until the next change). */
  list(): readonly T[] {
    if (this.#sorted === undefined) {
      this.#sorted = [...this.#items.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, v]) => v);
    }
    return this.#sorted;
  }
}

/** The `ttlMs`/`cacheScope` of a list page: the shortest TTL and the narrowest scope of its items. */
export function listCacheHints(defaults: Required<CacheHints>, items: ReadonlyArray<{ cache?: CacheHints | undefined }>): { ttlMs: number; cacheScope: 'public' | 'private' } {
  let ttlMs = defaults.ttlMs;
  let scope = defaults.scope;
  for (const item of items) {
    if (item.cache?.ttlMs !== undefined) ttlMs = Math.min(ttlMs, item.cache.ttlMs);
    if (item.cache?.scope === 'private') scope = 'private';
  }
  return { ttlMs: Math.max(0, Math.floor(ttlMs)), cacheScope: scope };
}
