/**
 * The one interface the tools need from a database, so the same server runs on embedded PGlite
 * and on a real PostgreSQL server.
 *
 * @module
 */

/** What one statement returned, rows as arrays (so duplicate column names survive). */
export interface StatementResult {
  /** The command tag's verb: `SELECT`, `INSERT`, `FETCH`, … */
  command: string;
  /** Names of the result columns, in order. */
  columns: string[];
  /** The rows, each an array in column order. */
  rows: unknown[][];
  /** Rows returned or changed, when the server reports it. */
  rowCount: number | null;
}

/** One connection inside an open transaction. */
export interface SqlSession {
  /** Runs one statement with positional parameters `$1…` (extended protocol: never several statements). */
  query(sql: string, params?: readonly unknown[]): Promise<StatementResult>;
}

/** How a transaction runs. */
export interface TransactionMode {
  /** Start it `READ ONLY`: PostgreSQL itself refuses every write. */
  readOnly: boolean;
  /** Commit when the work succeeds; otherwise it is always rolled back. */
  commit: boolean;
}

/** A PostgreSQL database: PGlite in-process or a server through a pool. */
export interface Database {
  /** `'pglite'` or `'postgres'`, for logs and the server's instructions. */
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction on one connection, rolled back when `work` throws or
   * `mode.commit` is false. Transactions never interleave on a connection.
   */
  transaction<T>(work: (session: SqlSession) => Promise<T>, mode: TransactionMode): Promise<T>;
  /** Closes the database or the pool. */
  close(): Promise<void>;
}

/**
 * Type OIDs returned as PostgreSQL's own text by both drivers: dates and times (no time-zone
 * surprises from JS `Date`), int8 and numeric (no precision loss).
 */
export const TEXT_TYPE_OIDS: readonly number[] = [20, 1082, 1083, 1114, 1184, 1186, 1266, 1700];
