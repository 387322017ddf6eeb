/**
 * Async iteration over paginated list results: follows `nextCursor` until the server stops.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode } from '@mcpkit/core';

/** One page of a paginated list. */
export interface Page {
  /** The cursor of the next page; absent on the last page. */
  nextCursor?: string | undefined;
}

/** Options of a list iterator. */
export interface PaginateOptions {
  /** Stop after this many pages, to bound a server that never stops paging. Default 1000. */
  maxPages?: number;
}

/**
 * Yields every item of a paginated list, fetching page after page.
 *
 * @param fetchPage - fetches the page at a cursor (`undefined` for the first page)
 * @param itemsOf - picks the items out of a page
 * @param options - limits, see {@link PaginateOptions}
 * @throws McpkitError `MCPKIT_INVALID_RESPONSE` when the server repeats a cursor (a paging loop),
 * `MCPKIT_TOO_MANY_ROUNDS` past `maxPages`
 */
export async function* paginate<P extends Page, T>(
  fetchPage: (cursor: string | undefined) => Promise<P>,
  itemsOf: (page: P) => readonly T[],
  options: PaginateOptions = {},
): AsyncGenerator<T, void, undefined> {
  const maxPages = options.maxPages ?? 1000;
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let pages = 0; ; pages++) {
    if (pages >= maxPages) {
      throw new McpkitError(McpkitErrorCode.TooManyRounds, `List has more than maxPages (${maxPages}) pages`);
    }
    const page = await fetchPage(cursor);
    yield* itemsOf(page);
    const next = page.nextCursor;
    if (typeof next !== 'string') return;
    if (seen.has(next)) {
      throw new McpkitError(McpkitErrorCode.InvalidResponse, 'Server repeated a pagination cursor', {
        data: { cursor: next },
      });
    }
    seen.add(next);
    cursor = next;
  }
}
