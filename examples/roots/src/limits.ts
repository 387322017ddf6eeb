/**
 * Options of the roots server, with their defaults.
 *
 * @module
 */

/** Options of `createRootsServer`. Every limit has a default. */
export interface RootsServerOptions {
  /** Largest file `read_file` returns, and that `search_files` looks into, in bytes. Default 1 MiB. */
  maxFileBytes?: number;
  /** Most entries `list_directory` returns. Default 1000. */
  maxEntries?: number;
  /** Most results `search_files` returns (the caller may ask for fewer). Default 100. */
  maxResults?: number;
  /** Most files one search visits before it stops. Default 10 000. */
  maxScannedFiles?: number;
  /** Longest search query, in characters. Default 200. */
  maxQueryLength?: number;
  /** Directory names a search does not enter. Default `.git`, `node_modules`. */
  ignore?: readonly string[];
}

/** The limits after defaults. */
export type RootsLimits = Required<RootsServerOptions>;

/** The defaults of {@link RootsServerOptions}. */
export const ROOTS_DEFAULTS: Readonly<RootsLimits> = {
  maxFileBytes: 1024 * 1024,
  maxEntries: 1000,
  maxResults: 100,
  maxScannedFiles: 10_000,
  maxQueryLength: 200,
  ignore: ['.git', 'node_modules'],
};

/**
 * Checks that every numeric limit is a positive integer, so a mistake fails when the server is
 * built rather than on some later request.
 *
 * @throws RangeError naming the option
 */
export function checkLimits(limits: object, allowZero: readonly string[] = []): void {
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number') continue;
    const least = allowZero.includes(name) ? 0 : 1;
    if (!Number.isSafeInteger(value) || value < least) {
      throw new RangeError(`${name} must be ${least === 0 ? 'a non-negative' : 'a positive'} integer, got ${value}`);
    }
  }
}
