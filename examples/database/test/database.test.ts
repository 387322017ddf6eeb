import type { Client } from '@mcpkit/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteDatabase } from '../src/pglite-database.js';
import type { QueryReport } from '../src/run-query.js';
import { seedSampleData } from '../src/seed.js';
import { createDatabaseServer } from '../src/server.js';
import { connect, ERAS, textOf } from './harness.js';

let db: PgliteDatabase;

beforeAll(async () => {
  db = await PgliteDatabase.open();
  await seedSampleData(db);
});

afterAll(async () => {
  await db.close();
});

async function query(client: Client, sql: string, params: unknown[] = []): Promise<QueryReport> {
  const result = await client.callTool<QueryReport>({ name: 'query', arguments: { sql, params } });
  expect(result.isError, textOf(result)).toBeFalsy();
  return result.structuredContent as QueryReport;
}

async function queryError(client: Client, sql: string, params: unknown[] = []): Promise<string> {
  const result = await client.callTool({ name: 'query', arguments: { sql, params } });
  expect(result.isError).toBe(true);
  return textOf(result);
}

describe.each(ERAS)('database server on PGlite ($era era)', ({ era, options }) => {
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ client, close } = await connect(createDatabaseServer({ database: db }), options));
    expect(client.era).toBe(era);
  });
  afterAll(async () => {
    await close();
  });

  it('lists the sample tables', async () => {
    const result = await client.callTool({ name: 'list_tables' });
    expect(result.structuredContent).toEqual({
      tables: ['customers', 'order_items', 'orders', 'products'].map((name) => ({ schema: 'public', name, type: 'BASE TABLE' })),
    });
  });

  it('describes a table: columns and constraints', async () => {
    const result = await client.callTool({ name: 'describe_table', arguments: { table: 'order_items' } });
    const description = result.structuredContent as { columns: { name: string; type: string; nullable: boolean }[]; constraints: { definition: string }[] };
    expect(description.columns.map((c) => [c.name, c.type, c.nullable])).toEqual([
      ['order_id', 'integer', false],
      ['product_id', 'integer', false],
      ['quantity', 'integer', false],
      ['unit_price', 'numeric', false],
    ]);
    expect(description.constraints[0]?.definition).toBe('PRIMARY KEY (order_id, product_id)');
    expect(description.constraints.map((c) => c.definition)).toContain('FOREIGN KEY (order_id) REFERENCES orders(id)');
  });

  it('answers an unknown table with a tool error', async () => {
    const result = await client.callTool({ name: 'describe_table', arguments: { table: 'nope' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe('No table named "nope". Call list_tables to see the tables.');
  });

  it('runs a parameterised query and returns JSON rows (numeric, dates and bigint as text)', async () => {
    const report = await query(
      client,
      `SELECT c.name, count(o.id) AS orders, sum(i.quantity * i.unit_price) AS spent, min(o.ordered_at)::date AS first
       FROM customers c JOIN orders o ON o.customer_id = c.id JOIN order_items i ON i.order_id = o.id
       WHERE c.country = $1 AND o.status <> $2 GROUP BY c.name ORDER BY c.name LIMIT 2`,
      ['GB', 'cancelled'],
    );
    expect(report.columns).toEqual(['name', 'orders', 'spent', 'first']);
    expect(report.rows).toHaveLength(2);
    const [name, orders, spent, first] = report.rows[0]!;
    expect(name).toBe('Ada Lovelace');
    expect(orders).toMatch(/^\d+$/);
    expect(spent).toMatch(/^\d+\.\d{2}$/);
    expect(first).toMatch(/^2025-\d\d-\d\d$/);
    expect(report).toMatchObject({ command: 'SELECT', rowCount: 2, truncated: false });
  });

  it('keeps duplicate column names (rows are arrays)', async () => {
    const report = await query(client, 'SELECT 1 AS a, 2 AS a');
    expect(report.columns).toEqual(['a', 'a']);
    expect(report.rows).toEqual([[1, 2]]);
  });

  it('refuses writes in read-only mode, and nothing changes', async () => {
    const message = await queryError(client, "UPDATE products SET price = 0 WHERE name = 'Trackball'");
    expect(message).toMatch(/^This database is read-only here \(cannot execute UPDATE in a read-only transaction\)/);
    const check = await query(client, 'SELECT price FROM products WHERE name = $1', ['Trackball']);
    expect(check.rows).toEqual([['45.50']]);
    expect(await queryError(client, 'CREATE TABLE t (x int)')).toContain('read-only');
  });

  it('refuses several statements and transaction control, without running anything', async () => {
    expect(await queryError(client, 'SELECT 1; DELETE FROM orders')).toBe('Send one statement per call (found 2); each call runs in its own transaction.');
    expect(await queryError(client, 'COMMIT')).toMatch(/^COMMIT statements are not accepted/);
    expect(await queryError(client, '  -- just a comment\n ;')).toBe('The SQL text is empty: send one statement.');
    expect((await query(client, "SELECT 'a;b' AS s; -- trailing comment")).rows).toEqual([['a;b']]);
  });

  it('answers bad SQL with a clear tool error and keeps serving', async () => {
    expect(await queryError(client, 'SELEC * FROM orders')).toBe('SQL error 42601 at character 1: syntax error at or near "SELEC"');
    expect(await queryError(client, 'SELECT * FROM missing_table')).toMatch(/^SQL error 42P01 at character 15: relation "missing_table" does not exist/);
    expect(await queryError(client, 'SELECT $1::int + $2::int', [1])).toMatch(/^SQL error/);
    expect(await queryError(client, 'SELECT 1/0')).toBe('SQL error 22012: division by zero');
    const result = await client.callTool({ name: 'query', arguments: { sql: 42 } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('Invalid arguments for tool "query"');
    expect((await query(client, 'SELECT count(*) FROM customers')).rows).toEqual([['12']]);
  });

  it('serves table schemas as resources, listed, completed and read', async () => {
    const uris: string[] = [];
    for await (const resource of client.resources()) uris.push(resource.uri);
    expect(uris).toContain('postgres://public.orders/schema');
    const read = await client.readResource({ uri: 'postgres://public.orders/schema' });
    const first = read.contents[0];
    const text = first !== undefined && 'text' in first && typeof first.text === 'string' ? first.text : '{}';
    const schema = JSON.parse(text) as { name: string; columns: { name: string }[] };
    expect(schema.name).toBe('orders');
    expect(schema.columns.map((c) => c.name)).toEqual(['id', 'customer_id', 'ordered_at', 'status']);
    const completion = await client.complete({ ref: { type: 'ref/resource', uri: 'postgres://{table}/schema' }, argument: { name: 'table', value: 'order' } });
    expect(completion.completion.values).toEqual(['public.order_items', 'public.orders']);
    await expect(client.readResource({ uri: 'postgres://public.nope/schema' })).rejects.toMatchObject({
      code: era === 'modern' ? -32602 : -32002,
      message: 'No table named "public.nope". Call list_tables to see the tables.',
    });
  });
});

describe('database server limits', () => {
  it('returns at most maxRows rows, with a note, reading no more than it needs', async () => {
    const { client, close } = await connect(createDatabaseServer({ database: db, maxRows: 5 }), {});
    try {
      const report = await query(client, 'SELECT id FROM orders ORDER BY id');
      expect(report.rows).toEqual([[1], [2], [3], [4], [5]]);
      expect(report.truncated).toBe(true);
      expect(report.note).toBe('Only the first 5 rows are shown (row limit). Add LIMIT/OFFSET or a narrower WHERE to see others.');
      // Through a cursor only maxRows + 1 of these ten billion rows are ever produced.
      expect((await query(client, 'SELECT a FROM generate_series(1, 100000) a, generate_series(1, 100000) b')).rows).toHaveLength(5);
    } finally {
      await close();
    }
  });

  it('stops at maxResultBytes', async () => {
    const { client, close } = await connect(createDatabaseServer({ database: db, maxResultBytes: 100 }), {});
    try {
      const report = await query(client, "SELECT repeat('x', 40) FROM generate_series(1, 10)");
      expect(report.rows).toHaveLength(2);
      expect(report.note).toMatch(/size limit of 100 bytes/);
    } finally {
      await close();
    }
  });
});

describe('database server with writes allowed', () => {
  it('commits a write that succeeds and rolls back one that fails', async () => {
    const { client, close } = await connect(createDatabaseServer({ database: db, allowWrites: true }), { protocolVersion: '2025-11-25' });
    try {
      const insert = await client.callTool({ name: 'query', arguments: { sql: 'INSERT INTO products VALUES ($1, $2, $3, $4, $5) RETURNING id', params: [11, 'Rubber duck', 'office', '3.00', 100] } });
      expect(insert.structuredContent).toMatchObject({ command: 'INSERT', rows: [[11]], rowCount: 1 });
      const failed = await client.callTool({ name: 'query', arguments: { sql: 'UPDATE products SET price = -1 WHERE id = $1', params: [11] } });
      expect(failed.isError).toBe(true);
      expect(textOf(failed)).toMatch(/^SQL error 23514: new row for relation "products" violates check constraint "products_price_check"/);
      expect((await query(client, 'SELECT name, price FROM products WHERE id = 11')).rows).toEqual([['Rubber duck', '3.00']]);
      const cte = await query(client, "WITH gone AS (DELETE FROM products WHERE id = 11 RETURNING name) SELECT name FROM gone");
      expect(cte.rows).toEqual([['Rubber duck']]);
    } finally {
      await close();
      // The shared sample data must stay as seeded for the other tests, even if this one failed midway.
      await db.transaction((s) => s.query('DELETE FROM products WHERE id = 11'), { readOnly: false, commit: true });
    }
  });
});
