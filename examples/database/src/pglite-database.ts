/**
 * {@link Database} on PGlite: PostgreSQL compiled to WebAssembly, running in this process.
 * Nothing to install, data in memory (or in a directory), one connection.
 *
 * @module
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { TEXT_TYPE_OIDS, type Database, type SqlSession, type StatementResult, type TransactionMode } from './database.js';

function sessionOf(tx: Transaction): SqlSession {
  return {
    async query(sql, params = []): Promise<StatementResult> {
      const result = await tx.query<unknown[]>(sql, [...params], { rowMode: 'array' });
      return {
        command: result.command ?? '',
        columns: result.fields.map((field) => field.name),
        rows: result.rows,
        rowCount: result.affectedRows ?? result.rows.length,
      };
    },
  };
}

/** A PGlite database. */
export class PgliteDatabase implements Database {
  readonly kind = 'pglite';
  readonly #db: PGlite;

  private constructor(db: PGlite) {
    this.#db = db;
  }

  /**
   * Opens a PGlite database.
   *
   * @param dataDir - where to keep the data; default: in memory
   */
  static async open(dataDir?: string): Promise<PgliteDatabase> {
    const keepText = Object.fromEntries(TEXT_TYPE_OIDS.map((oid) => [oid, (value: string) => value]));
    return new PgliteDatabase(await PGlite.create({ ...(dataDir === undefined ? {} : { dataDir }), parsers: keepText }));
  }

  async transaction<T>(work: (session: SqlSession) => Promise<T>, mode: TransactionMode): Promise<T> {
    // PGlite's transaction() holds its lock throughout, so concurrent tool calls queue up here.
    return this.#db.transaction(async (tx) => {
      if (mode.readOnly) await tx.query('SET TRANSACTION READ ONLY');
      const value = await work(sessionOf(tx));
      if (!mode.commit) await tx.rollback();
      return value;
    });
  }

  async close(): Promise<void> {
    await this.#db.close();
  }
}
