/**
 * The data transformer: CSV to JSON records (with type inference) and JSON records to CSV.
 *
 * @module
 */
import { ToolError, type McpServer } from '@mcpkit/server';
import * as z from 'zod';
import { csvToRecords, recordsToCsv } from './data/convert.js';
import { CsvError } from './data/csv-parse.js';
import { checkInputSize, checkOutputSize, type ToolsServerOptions } from './limits.js';

const PURE = { readOnlyHint: true, idempotentHint: true, openWorldHint: false } as const;
const cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);
const delimiter = z
  .string()
  .length(1)
  .refine((d) => d !== '"' && d !== '\r' && d !== '\n', 'must not be a double quote or a line break')
  .default(',')
  .describe('The field separator, one character. Default ","');

function convert<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof CsvError) throw new ToolError(error.message);
    throw error;
  }
}

/** Registers `csv_to_json` and `json_to_csv` on `server`. */
export function registerDataTools(server: McpServer, limits: Required<ToolsServerOptions>): void {
  server.tool(
    'csv_to_json',
    {
      title: 'CSV to JSON',
      description:
        'Convert CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks) to JSON records. ' +
        'Unquoted numbers, true/false and null/empty fields become JSON values unless inferTypes is false. ' +
        'Every row must have as many fields as the header.',
      inputSchema: z.object({
        csv: z.string().describe('The CSV text'),
        delimiter,
        header: z.boolean().default(true).describe('Whether the first row names the columns. Default true'),
        inferTypes: z.boolean().default(true).describe('Turn numbers, booleans and null into JSON values. Default true'),
      }),
      outputSchema: z.object({
        columns: z.array(z.string()),
        rows: z.array(z.record(z.string(), cell)),
        rowCount: z.number().int(),
      }),
      annotations: PURE,
    },
    ({ csv, delimiter, header, inferTypes }) => {
      checkInputSize(csv, 'csv', limits.maxInputBytes);
      const table = convert(() => csvToRecords(csv, { delimiter, header, inferTypes, maxRows: limits.maxRows }));
      checkOutputSize(JSON.stringify(table.rows).length, 'JSON', limits.maxOutputBytes);
      return { structuredContent: { ...table, rowCount: table.rows.length } };
    },
  );

  server.tool(
    'json_to_csv',
    {
      title: 'JSON to CSV',
      description:
        'Convert a JSON array of objects to CSV with a header row (RFC 4180 quoting, CRLF line endings). ' +
        'Columns are all keys in the order first seen; nested values are written as JSON text.',
      inputSchema: z.object({
        json: z.string().describe('A JSON array of objects, as text, e.g. [{"name":"Ada","born":1815}]'),
        delimiter,
      }),
      outputSchema: z.object({ csv: z.string(), columns: z.array(z.string()), rowCount: z.number().int() }),
      annotations: PURE,
    },
    ({ json, delimiter }) => {
      checkInputSize(json, 'json', limits.maxInputBytes);
      let data: unknown;
      try {
        data = JSON.parse(json);
      } catch (error) {
        throw new ToolError(`"json" is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (Array.isArray(data) && data.length > limits.maxRows) {
        throw new ToolError(`The array has ${data.length} items; the limit is ${limits.maxRows} rows (maxRows)`);
      }
      const { csv, columns } = convert(() => recordsToCsv(data, { delimiter }));
      checkOutputSize(csv.length, 'CSV', limits.maxOutputBytes);
      return { structuredContent: { csv, columns, rowCount: Array.isArray(data) ? data.length : 0 } };
    },
  );
}
