/**
 * The resources example server: a folder of documents as `docs://` resources, a `docs://{+path}`
 * template (with path completion) and a `search://docs{?q,limit}` template, binary files as blobs,
 * paths outside the folder refused, and change notifications from a file watcher.
 *
 * @module
 */
import { ErrorCode, McpError } from '@mcpkit/core';
import { McpServer } from '@mcpkit/server';
import { DocumentIndex, readDocument } from './document-index.js';
import { DocumentFolder } from './documents.js';
import { BUNDLED_DOCUMENTS, checkLimits, RESOURCES_DEFAULTS, type ResourcesLimits, type ResourcesServerOptions } from './limits.js';
import { searchDocuments } from './search.js';
import { watchFolder } from './watch.js';

export { BUNDLED_DOCUMENTS, RESOURCES_DEFAULTS, type ResourcesServerOptions } from './limits.js';

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Builds the resources server over `options.root` (default: the bundled `documents/` folder).
 * It lists the folder once now and, unless `watch` is false, watches it until `signal` aborts
 * (abort it at shutdown: on Node 20 / Linux a recursive watcher keeps the process alive).
 *
 * @throws RangeError when a limit is not a positive integer; Error when the folder cannot be read
 *
 * @example
 * ```ts
 * const server = createResourcesServer({ root: './handbook' });
 * await server.connect(new StdioServerTransport());
 * ```
 */
export function createResourcesServer(options: ResourcesServerOptions = {}): McpServer {
  const limits: ResourcesLimits = {
    watch: options.watch ?? RESOURCES_DEFAULTS.watch,
    debounceMs: options.debounceMs ?? RESOURCES_DEFAULTS.debounceMs,
    maxFiles: options.maxFiles ?? RESOURCES_DEFAULTS.maxFiles,
    maxFileBytes: options.maxFileBytes ?? RESOURCES_DEFAULTS.maxFileBytes,
    maxSearchResults: options.maxSearchResults ?? RESOURCES_DEFAULTS.maxSearchResults,
    maxQueryLength: options.maxQueryLength ?? RESOURCES_DEFAULTS.maxQueryLength,
  };
  checkLimits(limits, ['debounceMs']);
  const folder = new DocumentFolder(options.root ?? BUNDLED_DOCUMENTS);
  const server = new McpServer(
    { name: 'mcpkit-example-resources', version: '1.0.0' },
    { instructions: 'Documents as docs:// resources. Read docs://{path}; search with search://docs?q=words.' },
  );
  const index = new DocumentIndex(server, folder, limits);

  server.resourceTemplate(
    'document',
    'docs://{+path}',
    {
      title: 'Document by path',
      description: 'Any document of the folder by its path, e.g. docs://guides/getting-started.md',
      complete: {
        path: (value) => {
          const typed = value.toLowerCase();
          const paths = index.paths();
          // Paths starting with what was typed first, then paths containing it.
          return [...paths.filter((p) => p.toLowerCase().startsWith(typed)), ...paths.filter((p) => !p.toLowerCase().startsWith(typed) && p.toLowerCase().includes(typed))];
        },
      },
    },
    (_uri, { path }, ctx) => readDocument(folder, first(path) ?? '', limits.maxFileBytes, ctx),
  );

  server.resourceTemplate(
    'search',
    'search://docs{?q,limit}',
    {
      title: 'Search documents',
      description: `Full-text search of the text documents, e.g. search://docs?q=install&limit=5 (at most ${limits.maxSearchResults} results)`,
      mimeType: 'application/json',
    },
    async (uri, variables, ctx) => {
      const query = (first(variables.q) ?? '').trim();
      if (query === '') throw new McpError(ErrorCode.InvalidParams, 'Search needs a query: search://docs?q=words');
      if (query.length > limits.maxQueryLength) {
        throw new McpError(ErrorCode.InvalidParams, `The query is ${query.length} characters; the limit is ${limits.maxQueryLength} (maxQueryLength)`);
      }
      const asked = Number(first(variables.limit) ?? limits.maxSearchResults);
      const limit = Number.isInteger(asked) && asked > 0 ? Math.min(asked, limits.maxSearchResults) : limits.maxSearchResults;
      const result = await searchDocuments(folder, index.paths(), query, { limit, maxFileBytes: limits.maxFileBytes, signal: ctx.signal });
      return { contents: [{ uri, mimeType: 'application/json', text: JSON.stringify(result, null, 2) }] };
    },
  );

  index.sync();
  if (limits.watch) {
    watchFolder(folder.root, (touched) => index.sync(touched), { debounceMs: limits.debounceMs, ...(options.signal === undefined ? {} : { signal: options.signal }) });
  }
  return server;
}
