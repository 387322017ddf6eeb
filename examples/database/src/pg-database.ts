/**
 * {@link Database} on a PostgreSQL server, through a `pg` connection pool.
 *
 * @module
 */
import pg from 'pg';
import { TEXT_TYPE_OIDS, type Database, type SqlSession, type StatementResult, type TransactionMode } from './database.js';

const textTypes = new Set(TEXT_TYPE_OIDS);

/** Options of {@link PgDatabase}. */
export interface PgDatabaseOptions {
  /** A `postgres://` connection string (`DATABASE_URL`). */
  connectionString: string;
  /** Connections in the pool. Default 4. */
  maxConnections?: number;
  /** How long to wait for a connection, ms. Default 10 000. */
  connectTimeoutMs?: number;
}

function sessionOf(client: pg.PoolClient): SqlSession {
  return {
    async query(sql, params = []): Promise<StatementResult> {
      // 'extended' even without parameters: the simple protocol would run several statements.
      // (pg supports queryMode; @types/pg does not declare it yet.)
      const config: pg.QueryArrayConfig & { queryMode: 'extended' } = { text: sql, values: [...params], rowMode: 'array', queryMode: 'extended' };
      const result = await client.query<unknown[]>(config);
      return {
        command: result.command ?? '',
        columns: result.fields.map((field) => field.name),
        rows: result.rows,
        rowCount: result.rowCount,
      };
    },
  };
}

/** A PostgreSQL server database. */
export class PgDatabase implements Database {
  readonly kind = 'postgres';
  readonly #pool: pg.Pool;

  constructor(options: PgDatabaseOptions) {
    this.#pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 4,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
      types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') => (textTypes.has(oid) ? (value: string) => value : pg.types.getTypeParser(oid, format))) as typeof pg.types.getTypeParser },
    });
    // An idle client losing its connection must not crash the process; the pool replaces it.
    this.#pool.on('error', () => undefined);
  }

  async transaction<T>(work: (session: SqlSession) => Promise<T>, mode: TransactionMode): Promise<T> {
    const client = await this.#pool.connect();
    let broken = false;
    try {
      await client.query(mode.readOnly ? 'BEGIN READ ONLY' : 'BEGIN');
      const value = await work(sessionOf(client));
      await client.query(mode.commit ? 'COMMIT' : 'ROLLBACK');
      return value;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      // A connection whose rollback failed is in an unknown state: destroy it instead of reusing it.
      client.release(broken);
    }
  }

  async close(): Promise<void> {
    await this.#pool.end();
  }
}
