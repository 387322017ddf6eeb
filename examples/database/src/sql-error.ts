/**
 * Turns a PostgreSQL error (from pg or PGlite) into a tool error the model can act on.
 *
 * @module
 */
import { ToolError } from '@mcpkit/server';

/** The fields both drivers put on a server error. */
interface PostgresErrorFields {
  message: string;
  code: string;
  position?: string | number;
  detail?: string;
  hint?: string;
}

function isPostgresError(error: unknown): error is PostgresErrorFields {
  if (typeof error !== 'object' || error === null) return false;
  const { message, code } = error as Record<string, unknown>;
  return typeof message === 'string' && typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code);
}

const READ_ONLY_TRANSACTION = '25006';
const QUERY_CANCELED = '57014';

/**
 * The tool error for a failed statement, or the error itself when it is not PostgreSQL's (a
 * connection failure is the server's problem; the SDK reports it without internals).
 * `positionOffset` is the length of text the server put before the user's statement.
 */
export function toSqlToolError(error: unknown, limits: { statementTimeoutMs: number }, positionOffset = 0): unknown {
  if (!isPostgresError(error)) return error;
  if (error.code === READ_ONLY_TRANSACTION) {
    return new ToolError(`This database is read-only here (${error.message}). The server must be started with writes allowed (--allow-writes) to change data.`);
  }
  if (error.code === QUERY_CANCELED && /statement timeout/i.test(error.message)) {
    return new ToolError(`The statement ran longer than the limit of ${limits.statementTimeoutMs} ms and was cancelled. Narrow it down (WHERE, LIMIT) and try again.`);
  }
  // Positions count from the start of the text PostgreSQL saw; report them in the user's text.
  const position = Number(error.position) - positionOffset;
  const where = Number.isInteger(position) && position > 0 ? ` at character ${position}` : '';
  const extra = [error.detail, error.hint === undefined || error.hint === '' ? undefined : `Hint: ${error.hint}`].filter((s) => s !== undefined && s !== '');
  return new ToolError(`SQL error ${error.code}${where}: ${error.message}${extra.length === 0 ? '' : `. ${extra.join('. ')}`}`);
}
