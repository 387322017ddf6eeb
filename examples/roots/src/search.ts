/**
 * File search by name or by content, within a folder, with limits on what it visits and returns.
 * Symbolic links are never followed, so a search cannot leave the folder or loop.
 *
 * @module
 */
import type { Dirent } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** One search hit: a file whose name matched, or a line of a file that matched. */
export interface SearchHit {
  /** The file's absolute path. */
  path: string;
  /** The 1-based line number, for content matches. */
  line?: number;
  /** The matching line (trimmed to 200 characters), for content matches. */
  text?: string;
}

/** Options of {@link searchFiles}. */
export interface SearchOptions {
  /** `name`: file names containing the query; `content`: lines containing it. Case-insensitive. */
  mode: 'name' | 'content';
  /** Most hits. */
  maxResults: number;
  /** Most files visited. */
  maxScannedFiles: number;
  /** Larger files are not searched by content. */
  maxFileBytes: number;
  /** Directory names not entered. */
  ignore: readonly string[];
  /** Stops the search (the request was cancelled). */
  signal?: AbortSignal;
}

/** What a search found, and whether it stopped at a limit. */
export interface SearchOutcome {
  /** The hits, in directory order. */
  results: SearchHit[];
  /** Files visited. */
  scannedFiles: number;
  /** True when a limit stopped the search before it covered everything. */
  truncated: boolean;
}

const PREVIEW = 200;

/** Reads a file as text if it is small enough and not binary (no NUL byte), else `undefined`. */
async function readText(path: string, maxBytes: number): Promise<string | undefined> {
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    if (size > maxBytes) return undefined;
    const bytes = new Uint8Array(size);
    await file.read(bytes, 0, size, 0);
    if (bytes.includes(0)) return undefined;
    return new TextDecoder().decode(bytes);
  } finally {
    await file.close();
  }
}

/** Searches `folder` (recursively) for `query`. */
export async function searchFiles(folder: string, query: string, options: SearchOptions): Promise<SearchOutcome> {
  const needle = query.toLowerCase();
  const results: SearchHit[] = [];
  let scannedFiles = 0;
  let truncated = false;
  const ignored = new Set(options.ignore);
  const full = (): boolean => results.length >= options.maxResults;

  const visit = async (dir: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return; // Unreadable or gone: search the rest.
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      options.signal?.throwIfAborted();
      if (truncated) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!ignored.has(entry.name)) await visit(path);
        continue;
      }
      if (!entry.isFile()) continue; // Symlinks, sockets, devices: never followed or read.
      if (scannedFiles >= options.maxScannedFiles || full()) {
        truncated = true;
        return;
      }
      scannedFiles++;
      if (options.mode === 'name') {
        if (entry.name.toLowerCase().includes(needle)) results.push({ path });
        continue;
      }
      const text = await readText(path, options.maxFileBytes).catch(() => undefined);
      if (text === undefined) continue;
      const lines = text.split(/\r\n|\r|\n/);
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i] as string;
        if (!line.toLowerCase().includes(needle)) continue;
        if (full()) {
          truncated = true;
          return;
        }
        results.push({ path, line: i + 1, text: line.trim().slice(0, PREVIEW) });
      }
    }
  };
  await visit(folder);
  return { results, scannedFiles, truncated };
}
