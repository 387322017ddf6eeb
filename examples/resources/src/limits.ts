/**
 * Options of the resources server, with their defaults.
 *
 * @module
 */
import { fileURLToPath } from 'node:url';

/** The bundled sample folder, served when no `root` is given. */
export const BUNDLED_DOCUMENTS = fileURLToPath(new URL('../documents/', import.meta.url));

/** Options of `createResourcesServer`. Every limit has a default. */
export interface ResourcesServerOptions {
  /** The folder to serve. Default: the bundled `documents/` folder. */
  root?: string;
  /** Watch the folder and notify clients of changes. Default `true`. */
  watch?: boolean;
  /** Quiet time after the last file-system event before changes are announced, ms. Default 100. */
  debounceMs?: number;
  /** Most files listed (and watched for changes); more are left out of `resources/list`. Default 1000. */
  maxFiles?: number;
  /** Largest file served, in bytes; a larger one is listed but refused on read. Default 10 MiB. */
  maxFileBytes?: number;
  /** Most documents one search returns. Default 20. */
  maxSearchResults?: number;
  /** Longest search query, in characters. Default 200. */
  maxQueryLength?: number;
  /** Stops watching when aborted: abort it at shutdown (Node 20's recursive watcher on Linux holds the process open). */
  signal?: AbortSignal;
}

/** The limits after defaults. */
export type ResourcesLimits = Required<Omit<ResourcesServerOptions, 'root' | 'signal'>>;

/** The defaults of {@link ResourcesServerOptions}. */
export const RESOURCES_DEFAULTS: Readonly<ResourcesLimits> = {
  watch: true,
  debounceMs: 100,
  maxFiles: 1000,
  maxFileBytes: 10 * 1024 * 1024,
  maxSearchResults: 20,
  maxQueryLength: 200,
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
