/**
 * Runs one statement for the `query` tool: in its own transaction (read-only unless writes are
 * allowed), under a statement timeout, with a row limit and a size limit on what comes back.
 *
 * @module
 */
import type { Database, StatementResult } from './database.js';
import { toJson, type Json } from './json-values.js';
import { toSqlToolError } from './sql-error.js';
import { checkStatement } from './statement-policy.js';

/** Limits of the `query` tool. */
export interface QueryLimits {
  /** Run statements in a committing read-write transaction instead of `READ ONLY` + `ROLLBACK`. */
  allowWrites: boolean;
  /** `statement_timeout` of every statement, ms. */
  statementTimeoutMs: number;
  /** Rows returned at most; the rest are left unread. */
  maxRows: number;
  /** Bytes of JSON rows returned at most; rows past it are dropped. */
  maxResultBytes: number;
}

/** A positional parameter value (`$1`, `$2`, …). */
export type QueryParam = string | number | boolean | null;

/** What the `query` tool returns. */
export interface QueryReport {
  /** The command tag's verb (`SELECT`, `INSERT`, …). */
  command: string;
  /** The result columns. */
  columns: string[];
  /** The rows returned, as arrays in column order. */
  rows: Json[][];
  /** Rows returned or changed, as the database reported (capped by the row limit for SELECTs). */
  rowCount: number | null;
  /** Whether rows were left out because of a limit. */
  truncated: boolean;
  /** Why rows were left out. */
  note?: string;
}

const CURSOR = 'mcpkit_query';
const DECLARE = `DECLARE ${CURSOR} NO SCROLL CURSOR FOR `;

async function execute(db: Database, sql: string, cursor: boolean, params: readonly QueryParam[], limits: QueryLimits): Promise<StatementResult> {
  return db.transaction(
    async (session) => {
      // set_config(…, true) is SET LOCAL with a bind parameter: it ends with the transaction.
      await session.query("SELECT set_config('statement_timeout', $1, true)", [String(limits.statementTimeoutMs)]);
      if (!cursor) return session.query(sql, params);
      // Through a cursor only maxRows + 1 rows ever leave the database, however large the result.
      await session.query(`${DECLARE}${sql}`, params);
      const fetched = await session.query(`FETCH ${limits.maxRows + 1} FROM ${CURSOR}`);
      return { ...fetched, command: 'SELECT' };
    },
    { readOnly: !limits.allowWrites, commit: limits.allowWrites },
  );
}

function limitRows(result: StatementResult, limits: QueryLimits): QueryReport {
  const rows: Json[][] = [];
  let bytes = 0;
  let note: string | undefined;
  for (const row of result.rows) {
    if (rows.length === limits.maxRows) {
      note = `Only the first ${limits.maxRows} rows are shown (row limit). Add LIMIT/OFFSET or a narrower WHERE to see others.`;
      break;
    }
    const json = row.map(toJson);
    bytes += JSON.stringify(json).length + 1;
    if (bytes > limits.maxResultBytes) {
      note = `Only the first ${rows.length} rows are shown: the result passed the size limit of ${limits.maxResultBytes} bytes. Select fewer or narrower columns.`;
      break;
    }
    rows.push(json);
  }
  const rowCount = result.command === 'SELECT' ? rows.length : result.rowCount;
  const report: QueryReport = { command: result.command, columns: result.columns, rows, rowCount, truncated: note !== undefined };
  if (note !== undefined) report.note = note;
  return report;
}

/**
 * Runs one SQL statement with positional parameters. Bad SQL, a write in read-only mode or a
 * timeout throws a `ToolError` that says what happened.
 */
export async function runQuery(db: Database, sql: string, params: readonly QueryParam[], limits: QueryLimits): Promise<QueryReport> {
  const statement = checkStatement(sql, limits.allowWrites);
  let result: StatementResult;
  try {
    result = await execute(db, statement.sql, statement.cursor, params, limits);
  } catch (error) {
    throw toSqlToolError(error, limits, statement.cursor ? DECLARE.length : 0);
  }
  return limitRows(result, limits);
}
