/**
 * The `fetch` signature the client transports accept, so any implementation can be injected.
 *
 * @module
 */

/** A `fetch`-compatible function (the global one, undici's, a test double, one that adds auth). */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** Header values given as a plain object (names are case-insensitive). */
export type HeaderRecord = Readonly<Record<string, string>>;
