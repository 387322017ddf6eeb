/**
 * The same server against a real PostgreSQL server (pg Pool), when the binaries are installed.
 * CI installs Debian's `postgresql` and sets MCPKIT_REQUIRE_POSTGRES=1, which turns missing
 * binaries into a failure instead of a skip.
 */
import type { Client } from '@mcpkit/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDatabase } from '../src/pg-database.js';
import type { QueryReport } from '../src/run-query.js';
import { seedSampleData } from '../src/seed.js';
import { createDatabaseServer } from '../src/server.js';
import { connect, ERAS, textOf } from './harness.js';
import { findPostgresBin, startPostgres, type PostgresCluster } from './postgres-cluster.js';

const binDir = findPostgresBin();
const required = process.env.MCPKIT_REQUIRE_POSTGRES === '1';

if (binDir === undefined && required) {
  it('finds PostgreSQL binaries (MCPKIT_REQUIRE_POSTGRES=1)', () => {
    throw new Error('MCPKIT_REQUIRE_POSTGRES=1 but no initdb/pg_ctl on PATH or in /usr/lib/postgresql/*/bin: install the Debian package "postgresql".');
  });
}

describe.skipIf(binDir === undefined)(`database server on a real PostgreSQL server${binDir === undefined ? ' (skipped: no initdb/pg_ctl found; install "postgresql")' : ''}`, () => {
  let cluster: PostgresCluster;
  let db: PgDatabase;

  beforeAll(async () => {
    cluster = await startPostgres(binDir ?? '');
    db = new PgDatabase({ connectionString: cluster.url });
    await seedSampleData(db);
  });
  afterAll(async () => {
    await db?.close();
    await cluster?.stop();
  });

  describe.each(ERAS)('$era era', ({ era, options }) => {
    let client: Client;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ client, close } = await connect(createDatabaseServer({ database: db, statementTimeoutMs: 200, maxRows: 5 }), options));
      expect(client.era).toBe(era);
    });
    afterAll(async () => {
      await close();
    });

    it('lists tables and runs a parameterised query with the same JSON values as PGlite', async () => {
      const tables = await client.callTool({ name: 'list_tables' });
      expect((tables.structuredContent as { tables: { name: string }[] }).tables.map((t) => t.name)).toEqual(['customers', 'order_items', 'orders', 'products']);
      const result = await client.callTool<QueryReport>({
        name: 'query',
        arguments: { sql: 'SELECT name, price, count(*) OVER () AS n, $2::date AS d FROM products WHERE category = $1 ORDER BY id LIMIT 1', params: ['books', '2025-01-02'] },
      });
      expect(result.structuredContent).toMatchObject({ columns: ['name', 'price', 'n', 'd'], rows: [['The Art of Computer Programming', '199.00', '2', '2025-01-02']] });
    });

    it('refuses writes, several statements and bad SQL with tool errors, and keeps serving', async () => {
      const write = await client.callTool({ name: 'query', arguments: { sql: 'DELETE FROM order_items' } });
      expect(textOf(write)).toMatch(/^This database is read-only here/);
      // The simple protocol would run both; the server always uses the extended one.
      const two = await client.callTool({ name: 'query', arguments: { sql: "SELECT 1; DELETE FROM order_items" } });
      expect(two.isError).toBe(true);
      const bad = await client.callTool({ name: 'query', arguments: { sql: 'SELECT nope FROM orders' } });
      expect(textOf(bad)).toBe('SQL error 42703 at character 8: column "nope" does not exist');
      const count = await client.callTool<QueryReport>({ name: 'query', arguments: { sql: 'SELECT count(*) FROM order_items' } });
      expect(count.structuredContent?.rows).toEqual([['48']]);
    });

    it('cancels a statement past the statement timeout', async () => {
      const slow = await client.callTool({ name: 'query', arguments: { sql: 'SELECT pg_sleep(5)' } });
      expect(slow.isError).toBe(true);
      expect(textOf(slow)).toBe('The statement ran longer than the limit of 200 ms and was cancelled. Narrow it down (WHERE, LIMIT) and try again.');
    });

    it('applies the row limit through a cursor', async () => {
      const result = await client.callTool<QueryReport>({ name: 'query', arguments: { sql: 'SELECT g FROM generate_series(1, 1000) g' } });
      expect(result.structuredContent).toMatchObject({ rows: [[1], [2], [3], [4], [5]], truncated: true });
    });
  });
});
