/**
 * The roots example server: file tools confined to the folders the client shares (its roots),
 * in both protocol eras. Path traversal and symbolic links that lead out of the roots are refused.
 *
 * @module
 */
import { McpServer } from '@mcpkit/server';
import { registerFileTools } from './file-tools.js';
import { checkLimits, ROOTS_DEFAULTS, type RootsLimits, type RootsServerOptions } from './limits.js';

export { ROOTS_DEFAULTS, type RootsServerOptions } from './limits.js';

/**
 * Builds the roots server. Pure: it holds no state about the client; every tool call asks the
 * client for its current roots.
 *
 * @throws RangeError when a limit is not a positive integer
 *
 * @example
 * ```ts
 * const server = createRootsServer({ maxFileBytes: 256 * 1024 });
 * await server.connect(new StdioServerTransport());
 * ```
 */
export function createRootsServer(options: RootsServerOptions = {}): McpServer {
  const limits: RootsLimits = {
    maxFileBytes: options.maxFileBytes ?? ROOTS_DEFAULTS.maxFileBytes,
    maxEntries: options.maxEntries ?? ROOTS_DEFAULTS.maxEntries,
    maxResults: options.maxResults ?? ROOTS_DEFAULTS.maxResults,
    maxScannedFiles: options.maxScannedFiles ?? ROOTS_DEFAULTS.maxScannedFiles,
    maxQueryLength: options.maxQueryLength ?? ROOTS_DEFAULTS.maxQueryLength,
    ignore: options.ignore ?? ROOTS_DEFAULTS.ignore,
  };
  checkLimits(limits);
  const server = new McpServer(
    { name: 'mcpkit-example-roots', version: '1.0.0' },
    { instructions: "File tools (list_roots, list_directory, read_file, search_files) confined to the client's roots." },
  );
  registerFileTools(server, limits);
  return server;
}
