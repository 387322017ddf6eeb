/**
 * The database server: SQL over PostgreSQL (embedded PGlite or a real server) — list tables,
 * describe them, run parameterised queries, read-only unless writes are allowed; table schemas
 * as resources.
 *
 * @module
 */
import { ErrorCode, McpError } from '@mcpkit/core';
import { McpServer, ToolError } from '@mcpkit/server';
import * as z from 'zod';
import { describeTable, listTables } from './catalog.js';
import { resolveOptions, type DatabaseServerOptions } from './options.js';
import { runQuery } from './run-query.js';
import { toSqlToolError } from './sql-error.js';

export { DATABASE_DEFAULTS, type DatabaseServerOptions } from './options.js';

/** Runs a catalog read, turning database errors into tool errors. */
async function catalog<T>(read: () => Promise<T>, statementTimeoutMs: number): Promise<T> {
  try {
    return await read();
  } catch (error) {
    throw toSqlToolError(error, { statementTimeoutMs });
  }
}

const tableInfo = z.object({ schema: z.string(), name: z.string(), type: z.string() });
const tableDescription = tableInfo.extend({
  columns: z.array(z.object({ name: z.string(), type: z.string(), nullable: z.boolean(), default: z.string().nullable() })),
  constraints: z.array(z.object({ name: z.string(), definition: z.string() })),
});
const jsonValue = z.json();

/**
 * Builds the database server over `options.database`.
 *
 * @example
 * ```ts
 * const server = createDatabaseServer({ database: await openDatabase({ url: process.env.DATABASE_URL }) });
 * await server.connect(new StdioServerTransport());
 * ```
 */
export function createDatabaseServer(options: DatabaseServerOptions): McpServer {
  const config = resolveOptions(options);
  const db = config.database;
  const mode = config.allowWrites ? 'read-write: statements that succeed are committed' : 'read-only: every statement runs in a READ ONLY transaction that is rolled back';
  const server = new McpServer(
    { name: 'mcpkit-example-database', version: '1.0.0' },
    {
      instructions:
        `A PostgreSQL database (${db.kind}), ${mode}. Call list_tables, then describe_table, then query with ` +
        `positional parameters ($1, $2, …) instead of values pasted into the SQL. One statement per call; at most ${config.maxRows} rows come back.`,
    },
  );

  server.tool(
    'list_tables',
    {
      title: 'List tables',
      description: 'List the tables and views of the database (schema, name, type).',
      outputSchema: z.object({ tables: z.array(tableInfo) }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async () => ({ structuredContent: { tables: await catalog(() => listTables(db), config.statementTimeoutMs) } }),
  );

  server.tool(
    'describe_table',
    {
      title: 'Describe a table',
      description: 'Columns (name, type, nullable, default) and constraints (keys, foreign keys, checks) of one table.',
      inputSchema: z.object({ table: z.string().min(1).max(200).describe('A table name, optionally schema-qualified: orders or public.orders') }),
      outputSchema: tableDescription,
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ table }) => ({ structuredContent: await catalog(() => describeTable(db, table), config.statementTimeoutMs) }),
  );

  server.tool(
    'query',
    {
      title: 'Run SQL',
      description:
        `Run one SQL statement with positional parameters ($1, $2, …). ${config.allowWrites ? 'Writes are committed.' : 'Read-only: writes are refused.'} ` +
        `At most ${config.maxRows} rows are returned; the statement is cancelled after ${config.statementTimeoutMs} ms.`,
      inputSchema: z.object({
        sql: z.string().min(1).max(config.maxSqlChars).describe('One SQL statement, e.g. SELECT * FROM orders WHERE status = $1'),
        params: z
          .array(z.union([z.string(), z.number(), z.boolean(), z.null()]))
          .max(config.maxParams)
          .default([])
          .describe('Values of $1, $2, … in order (pass JSON as a string and cast it: $1::jsonb)'),
      }),
      outputSchema: z.object({
        command: z.string(),
        columns: z.array(z.string()),
        rows: z.array(z.array(jsonValue)),
        rowCount: z.number().nullable(),
        truncated: z.boolean(),
        note: z.string().optional(),
      }),
      annotations: { readOnlyHint: !config.allowWrites, destructiveHint: config.allowWrites, openWorldHint: false },
    },
    async ({ sql, params }) => {
      const report = await runQuery(db, sql, params, config);
      const content = [{ type: 'text' as const, text: JSON.stringify({ columns: report.columns, rows: report.rows }) }];
      if (report.note !== undefined) content.push({ type: 'text', text: report.note });
      else if (report.command !== 'SELECT') content.unshift({ type: 'text', text: `${report.command} ${report.rowCount ?? ''}`.trim() });
      return { content, structuredContent: report };
    },
  );

  server.resourceTemplate(
    'table-schema',
    'postgres://{table}/schema',
    {
      title: 'Table schema',
      description: 'Columns and constraints of a table, as JSON. {table} is schema.table.',
      mimeType: 'application/json',
      list: async () =>
        (await listTables(db)).map((t) => ({
          uri: `postgres://${t.schema}.${t.name}/schema`,
          name: `${t.schema}.${t.name}`,
          title: `Schema of ${t.schema}.${t.name}`,
          mimeType: 'application/json',
        })),
      complete: {
        table: async (value) =>
          (await listTables(db)).map((t) => `${t.schema}.${t.name}`).filter((name) => name.startsWith(value) || name.slice(name.indexOf('.') + 1).startsWith(value)),
      },
    },
    async (uri, { table }, ctx) => {
      try {
        return JSON.stringify(await catalog(() => describeTable(db, String(table)), config.statementTimeoutMs), null, 2);
      } catch (error) {
        if (!(error instanceof ToolError)) throw error;
        // A resource read answers with the protocol's "not found" error of the request's era.
        throw new McpError(ctx.era === 'modern' ? ErrorCode.InvalidParams : ErrorCode.ResourceNotFound, (error as ToolError).message, { uri });
      }
    },
  );

  return server;
}
