/**
 * Options of the database server, with their defaults.
 *
 * @module
 */
import type { Database } from './database.js';

/** Options of {@link createDatabaseServer}. Every limit has a default. */
export interface DatabaseServerOptions {
  /** The database to serve (see `PgliteDatabase`, `PgDatabase`, `openDatabase`). */
  database: Database;
  /** Let `query` change data: statements then run in a committing transaction. Default `false`. */
  allowWrites?: boolean;
  /** `statement_timeout` of every `query` statement, ms. Default 5 000. (PGlite cannot interrupt a running statement.) */
  statementTimeoutMs?: number;
  /** Rows `query` returns at most. Default 200. */
  maxRows?: number;
  /** Bytes of JSON rows `query` returns at most. Default 1 MiB. */
  maxResultBytes?: number;
  /** Longest SQL text accepted, in characters. Default 100 000. */
  maxSqlChars?: number;
  /** Most positional parameters per statement. Default 100. */
  maxParams?: number;
}

/** The documented defaults. */
export const DATABASE_DEFAULTS = {
  allowWrites: false,
  statementTimeoutMs: 5_000,
  maxRows: 200,
  maxResultBytes: 1024 * 1024,
  maxSqlChars: 100_000,
  maxParams: 100,
} as const;

/** Options after defaults. */
export type ResolvedDatabaseOptions = Required<DatabaseServerOptions>;

/** Applies the defaults and checks the limits. */
export function resolveOptions(options: DatabaseServerOptions): ResolvedDatabaseOptions {
  const resolved = { ...DATABASE_DEFAULTS, ...options };
  for (const key of ['statementTimeoutMs', 'maxRows', 'maxResultBytes', 'maxSqlChars', 'maxParams'] as const) {
    const value = resolved[key];
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`Database server option ${key} must be a positive integer, got ${String(value)}`);
  }
  return resolved;
}
