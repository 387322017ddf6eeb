/**
 * What is in the database: its tables and the shape of each, read from the catalogs in a
 * read-only transaction.
 *
 * @module
 */
import { ToolError } from '@mcpkit/server';
import type { Database, SqlSession } from './database.js';

/** A table or view. */
export interface TableInfo {
  /** Its schema, e.g. `public`. */
  schema: string;
  /** Its name. */
  name: string;
  /** `BASE TABLE`, `VIEW`, … (information_schema's words). */
  type: string;
}

/** A column of a table. */
export interface ColumnInfo {
  name: string;
  type: string;
  nullable: boolean;
  default: string | null;
}

/** A table's full description. */
export interface TableDescription extends TableInfo {
  columns: ColumnInfo[];
  /** Primary key, unique, foreign key and check constraints, as PostgreSQL prints them. */
  constraints: { name: string; definition: string }[];
}

const SYSTEM_SCHEMAS = "table_schema NOT IN ('pg_catalog', 'information_schema') AND table_schema NOT LIKE 'pg\\_toast%'";

function readOnly<T>(db: Database, work: (session: SqlSession) => Promise<T>): Promise<T> {
  return db.transaction(work, { readOnly: true, commit: false });
}

/** Lists user tables and views. */
export async function listTables(db: Database): Promise<TableInfo[]> {
  const result = await readOnly(db, (s) =>
    s.query(`SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE ${SYSTEM_SCHEMAS} ORDER BY 1, 2`),
  );
  return result.rows.map(([schema, name, type]) => ({ schema: String(schema), name: String(name), type: String(type) }));
}

/** Splits `schema.table` (or a bare `table`) into its parts. */
function parseTableName(qualified: string): { schema: string | null; name: string } {
  const dot = qualified.indexOf('.');
  return dot < 0 ? { schema: null, name: qualified } : { schema: qualified.slice(0, dot), name: qualified.slice(dot + 1) };
}

/**
 * Describes one table, given as `table` or `schema.table`. A bare name is looked up in every
 * user schema (`public` first); an unknown or ambiguous name throws a `ToolError`.
 */
export async function describeTable(db: Database, qualified: string): Promise<TableDescription> {
  const { schema, name } = parseTableName(qualified);
  return readOnly(db, async (s) => {
    const found = await s.query(
      `SELECT table_schema, table_name, table_type FROM information_schema.tables
       WHERE ${SYSTEM_SCHEMAS} AND table_name = $1 AND ($2::text IS NULL OR table_schema = $2)
       ORDER BY table_schema <> 'public', table_schema`,
      [name, schema],
    );
    if (found.rows.length === 0) throw new ToolError(`No table named "${qualified}". Call list_tables to see the tables.`);
    if (found.rows.length > 1 && found.rows[0]?.[0] !== 'public') {
      throw new ToolError(`"${qualified}" exists in several schemas (${found.rows.map((r) => String(r[0])).join(', ')}): say which, as schema.table.`);
    }
    const [tableSchema, tableName, tableType] = (found.rows[0] ?? []).map(String) as [string, string, string];
    const columns = await s.query(
      `SELECT column_name, CASE WHEN data_type IN ('USER-DEFINED', 'ARRAY') THEN udt_name ELSE data_type END, is_nullable = 'YES', column_default
       FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
      [tableSchema, tableName],
    );
    const constraints = await s.query(
      `SELECT con.conname, pg_get_constraintdef(con.oid) FROM pg_constraint con
       JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = $1 AND c.relname = $2 ORDER BY con.contype <> 'p', con.contype, con.conname`,
      [tableSchema, tableName],
    );
    return {
      schema: tableSchema,
      name: tableName,
      type: tableType,
      columns: columns.rows.map(([column, type, nullable, fallback]) => ({
        name: String(column),
        type: String(type),
        nullable: nullable === true,
        default: fallback === null ? null : String(fallback),
      })),
      constraints: constraints.rows.map(([conname, definition]) => ({ name: String(conname), definition: String(definition) })),
    };
  });
}
