/**
 * Which SQL the `query` tool accepts: exactly one statement, and nothing that would end or
 * change the transaction the tool wraps it in (or a pooled connection's session).
 *
 * @module
 */
import { ToolError } from '@mcpkit/server';
import { inspectSql } from './sql-text.js';

/** Statements that end, alter or escape the tool's transaction, or change the pooled session. */
const REFUSED = new Set(['BEGIN', 'START', 'COMMIT', 'END', 'ROLLBACK', 'ABORT', 'SAVEPOINT', 'RELEASE', 'PREPARE', 'SET', 'RESET', 'DISCARD', 'LISTEN', 'UNLISTEN', 'COPY', 'VACUUM', 'CHECKPOINT', 'LOCK']);

/** Statements that can be read through a cursor (so the row limit applies before rows are sent). */
const CURSOR_READY = new Set(['SELECT', 'VALUES', 'TABLE', 'WITH']);

/** A statement the tool will run. */
export interface CheckedStatement {
  /** The statement, trimmed, without a trailing `;`. */
  sql: string;
  /** Whether it can run as `DECLARE … CURSOR FOR <sql>`. */
  cursor: boolean;
}

/**
 * Checks a SQL text for the `query` tool; throws a {@link ToolError} that says what to do instead.
 *
 * @param allowWrites - whether data-modifying `WITH` may run (then not through a cursor)
 */
export function checkStatement(sql: string, allowWrites: boolean): CheckedStatement {
  const shape = inspectSql(sql);
  if (shape.statements.length === 0) throw new ToolError('The SQL text is empty: send one statement.');
  if (shape.statements.length > 1) {
    throw new ToolError(`Send one statement per call (found ${shape.statements.length}); each call runs in its own transaction.`);
  }
  const [first = '', second = ''] = shape.keywords;
  if (REFUSED.has(first)) {
    throw new ToolError(`${first}${second === '' ? '' : ` ${second}`} statements are not accepted: every call already runs in its own transaction, and session settings are managed by the server.`);
  }
  // A WITH holding INSERT/UPDATE/DELETE cannot be a cursor; in read-only mode it fails either way.
  const cursor = CURSOR_READY.has(first) && !(first === 'WITH' && allowWrites);
  return { sql: shape.statements[0] ?? '', cursor };
}
