/**
 * The file tools: `list_roots`, `list_directory`, `read_file` and `search_files`. Each call asks
 * the client for its roots first (`ctx.roots()`: a `roots/list` request in the legacy era, an
 * input round in the modern one), so the tools always work on the roots as they are now.
 *
 * @module
 */
import type { Dirent } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { embeddedResource, mimeTypeFromPath, ToolError, type McpServer, type ServerContext } from '@mcpkit/server';
import * as z from 'zod';
import { confine, PathError, resolveRoots, type AllowedRoot } from './confine.js';
import type { RootsLimits } from './limits.js';
import { searchFiles, type SearchHit } from './search.js';

const READ_ONLY = { readOnlyHint: true, idempotentHint: true, openWorldHint: false } as const;
const PATH_DESCRIPTION = 'An absolute path or file:// URI inside one of the roots, or a path relative to the first root';

/** The client's roots, as folders on disk. */
async function rootsOf(ctx: ServerContext): Promise<AllowedRoot[]> {
  return resolveRoots(await ctx.roots());
}

/** Runs a tool body, turning refused and missing paths into tool errors the model can read. */
async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof PathError) throw new ToolError(error.message);
    throw error;
  }
}

function entryType(entry: Dirent): 'file' | 'directory' | 'symlink' | 'other' {
  if (entry.isFile()) return 'file';
  if (entry.isDirectory()) return 'directory';
  return entry.isSymbolicLink() ? 'symlink' : 'other';
}

/** Registers the file tools on `server`. */
export function registerFileTools(server: McpServer, limits: RootsLimits): void {
  server.tool(
    'list_roots',
    {
      title: 'List roots',
      description: 'The folders the client shared (its roots); every other tool is confined to them.',
      outputSchema: z.object({ roots: z.array(z.object({ uri: z.string(), name: z.string().optional(), path: z.string() })) }),
      annotations: READ_ONLY,
    },
    async (_args, ctx) => {
      const roots = await rootsOf(ctx);
      return { structuredContent: { roots: roots.map(({ uri, name, real }) => (name === undefined ? { uri, path: real } : { uri, name, path: real })) } };
    },
  );

  server.tool(
    'list_directory',
    {
      title: 'List directory',
      description: `List a directory inside the roots: names, types and file sizes (at most ${limits.maxEntries} entries). Symbolic links are listed, not followed.`,
      inputSchema: z.object({ path: z.string().default('.').describe(PATH_DESCRIPTION) }),
      outputSchema: z.object({
        path: z.string(),
        entries: z.array(z.object({ name: z.string(), type: z.enum(['file', 'directory', 'symlink', 'other']), size: z.number().optional() })),
        truncated: z.boolean(),
      }),
      annotations: READ_ONLY,
    },
    async ({ path }, ctx) =>
      guarded(async () => {
        const { real } = await confine(await rootsOf(ctx), path);
        if (!(await stat(real)).isDirectory()) throw new ToolError(`"${path}" is a file: use read_file`);
        const all = (await readdir(real, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
        const shown = all.slice(0, limits.maxEntries);
        const entries = await Promise.all(
          shown.map(async (entry) => {
            const type = entryType(entry);
            if (type !== 'file') return { name: entry.name, type };
            const size = await stat(join(real, entry.name)).then((s) => s.size, () => undefined);
            return size === undefined ? { name: entry.name, type } : { name: entry.name, type, size };
          }),
        );
        return { structuredContent: { path: real, entries, truncated: all.length > shown.length } };
      }),
  );

  server.tool(
    'read_file',
    {
      title: 'Read file',
      description: `Read a file inside the roots (at most ${limits.maxFileBytes} bytes). Text comes back as text, anything else as a base64 blob.`,
      inputSchema: z.object({ path: z.string().describe(PATH_DESCRIPTION) }),
      annotations: READ_ONLY,
    },
    async ({ path }, ctx) =>
      guarded(async () => {
        const { real } = await confine(await rootsOf(ctx), path);
        const file = await open(real, 'r');
        try {
          // Checked on the open handle: what is read is what was checked.
          const info = await file.stat();
          if (info.isDirectory()) throw new ToolError(`"${path}" is a directory: use list_directory`);
          if (info.size > limits.maxFileBytes) throw new ToolError(`"${path}" is ${info.size} bytes; the limit is ${limits.maxFileBytes} (maxFileBytes)`);
          const bytes = new Uint8Array(info.size);
          await file.read(bytes, 0, info.size, 0);
          const uri = pathToFileURL(real).href;
          const mimeType = mimeTypeFromPath(real);
          if (!bytes.includes(0)) {
            try {
              const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
              return { content: [embeddedResource({ uri, mimeType: mimeType ?? 'text/plain', text })] };
            } catch {
              // Not UTF-8: send the bytes.
            }
          }
          return { content: [embeddedResource({ uri, mimeType: mimeType ?? 'application/octet-stream', blob: bytes })] };
        } finally {
          await file.close();
        }
      }),
  );

  server.tool(
    'search_files',
    {
      title: 'Search files',
      description:
        'Search the roots (or one folder inside them) for files whose name contains the query, or for lines that contain it (mode "content"). ' +
        `Case-insensitive; at most ${limits.maxResults} results; skips ${limits.ignore.join(', ')} and does not follow symbolic links.`,
      inputSchema: z.object({
        query: z.string().min(1).max(limits.maxQueryLength).describe('The text to look for'),
        mode: z.enum(['name', 'content']).default('name').describe('"name" (default) or "content"'),
        path: z.string().optional().describe(`The folder to search; default: every root. ${PATH_DESCRIPTION}`),
        maxResults: z.number().int().min(1).max(limits.maxResults).optional().describe(`At most this many results (≤ ${limits.maxResults})`),
      }),
      outputSchema: z.object({
        query: z.string(),
        mode: z.enum(['name', 'content']),
        results: z.array(z.object({ path: z.string(), line: z.number().optional(), text: z.string().optional() })),
        scannedFiles: z.number(),
        truncated: z.boolean(),
      }),
      annotations: READ_ONLY,
    },
    async ({ query, mode, path, maxResults = limits.maxResults }, ctx) =>
      guarded(async () => {
        const roots = await rootsOf(ctx);
        // With no roots, confine() gives the error that says so.
        const folders = path !== undefined || roots.length === 0 ? [(await confine(roots, path ?? '.')).real] : roots.map((r) => r.real);
        const results: SearchHit[] = [];
        let scannedFiles = 0;
        let truncated = false;
        for (const folder of folders) {
          const outcome = await searchFiles(folder, query, {
            mode,
            maxResults: maxResults - results.length,
            maxScannedFiles: limits.maxScannedFiles - scannedFiles,
            maxFileBytes: limits.maxFileBytes,
            ignore: limits.ignore,
            signal: ctx.signal,
          });
          results.push(...outcome.results);
          scannedFiles += outcome.scannedFiles;
          if (outcome.truncated) {
            truncated = true;
            break;
          }
        }
        return { structuredContent: { query, mode, results, scannedFiles, truncated } };
      }),
  );
}
