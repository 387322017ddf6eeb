/**
 * Opaque cursors for list methods. A cursor encodes the name of the last item of the previous page
 * (not an offset), so removing an item between pages neither skips nor repeats the rest.
 *
 * @module
 */
import { ErrorCode, McpError } from '@mcpkit/core';

/** Default page size of every list method. */
export const DEFAULT_PAGE_SIZE = 100;

const CURSOR_PREFIX = 'mk1:';

function encode(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decode(text: string): string | undefined {
  try {
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

/** One page of a list and the cursor of the next, if any. */
export interface Page<T> {
  /** Items of this page. */
  items: T[];
  /** Cursor of the next page, absent on the last page. */
  nextCursor?: string;
}

/**
 * Returns the page after `cursor` of `items` (sorted by `keyOf`, deterministic). An unreadable
 * cursor is -32602, as the pagination spec requires.
 */
export function paginate<T>(items: readonly T[], keyOf: (item: T) => string, cursor: unknown, pageSize: number): Page<T> {
  let start = 0;
  if (cursor !== undefined) {
    const after = typeof cursor === 'string' && cursor.startsWith(CURSOR_PREFIX) ? decode(cursor.slice(CURSOR_PREFIX.length)) : undefined;
    if (after === undefined) throw new McpError(ErrorCode.InvalidParams, 'Invalid cursor');
    start = items.findIndex((item) => keyOf(item) > after);
    if (start === -1) start = items.length;
  }
  const page = items.slice(start, start + pageSize);
  const last = page[page.length - 1];
  return start + pageSize < items.length && last !== undefined
    ? { items: page, nextCursor: CURSOR_PREFIX + encode(keyOf(last)) }
    : { items: page };
}
