/**
 * Full-text search over the text documents: case-insensitive substring match, line by line.
 *
 * @module
 */
import { DocumentError, isTextType, mimeTypeOf, uriOf, type DocumentFolder } from './documents.js';

/** One document that matched, with its first matching lines. */
export interface SearchHit {
  /** The document's URI. */
  uri: string;
  /** Its path in the folder. */
  name: string;
  /** Up to three matching lines (1-based numbers, text trimmed to 200 characters). */
  matches: Array<{ line: number; text: string }>;
}

/** What a search found. */
export interface SearchResult {
  /** The query as searched. */
  query: string;
  /** Matching documents, in path order. */
  results: SearchHit[];
  /** True when more documents matched than `limit`. */
  truncated: boolean;
}

const MATCHES_PER_DOCUMENT = 3;
const LINE_PREVIEW = 200;

/**
 * Searches the text documents among `paths` for `query`.
 *
 * @param limit - most documents returned
 * @param maxFileBytes - larger files are skipped
 * @param signal - stops the search when the request is cancelled
 */
export async function searchDocuments(
  folder: DocumentFolder,
  paths: Iterable<string>,
  query: string,
  options: { limit: number; maxFileBytes: number; signal?: AbortSignal },
): Promise<SearchResult> {
  const needle = query.toLowerCase();
  const results: SearchHit[] = [];
  for (const path of paths) {
    options.signal?.throwIfAborted();
    if (!isTextType(mimeTypeOf(path))) continue;
    let document;
    try {
      document = await folder.read(path, options.maxFileBytes);
    } catch (error) {
      if (error instanceof DocumentError) continue; // Removed, or too large: not a search failure.
      throw error;
    }
    if (!('text' in document)) continue;
    const matches: SearchHit['matches'] = [];
    const lines = document.text.split(/\r\n|\r|\n/);
    for (let i = 0; i < lines.length && matches.length < MATCHES_PER_DOCUMENT; i++) {
      const line = lines[i] as string;
      if (line.toLowerCase().includes(needle)) matches.push({ line: i + 1, text: line.trim().slice(0, LINE_PREVIEW) });
    }
    if (matches.length === 0) continue;
    if (results.length === options.limit) return { query, results, truncated: true };
    results.push({ uri: uriOf(path), name: path, matches });
  }
  return { query, results, truncated: false };
}
