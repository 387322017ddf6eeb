/**
 * JSON ↔ CSV: records (objects) to CSV with a header row, and CSV to records with type inference.
 *
 * @module
 */
import { CsvError, parseCsv, type CsvRecord } from './csv-parse.js';
import { formatField, inferValue, type CellValue } from './csv-values.js';

/** Records read from CSV, with their column names in order. */
export interface CsvTable {
  /** Column names, from the header row or `column1`, `column2`, ... */
  columns: string[];
  /** One object per record, keyed by column name. */
  rows: Array<Record<string, CellValue>>;
}

/** Options of {@link csvToRecords}. */
export interface CsvToRecordsOptions {
  /** Field separator. Default `,`. */
  delimiter?: string;
  /** Whether the first record names the columns. Default `true`. */
  header?: boolean;
  /** Turn unquoted numbers, booleans, `null` and empty fields into JSON values. Default `true`. */
  inferTypes?: boolean;
  /** Most data rows accepted. Default unlimited. */
  maxRows?: number;
}

/**
 * Reads CSV into records. Every record must have as many fields as the header (or as the first
 * record, without a header): a ragged row is an error that names it, never silently padded.
 *
 * @throws CsvError for malformed CSV, ragged rows, duplicate column names and the row limit
 */
export function csvToRecords(csv: string, options: CsvToRecordsOptions = {}): CsvTable {
  const header = options.header ?? true;
  const infer = options.inferTypes ?? true;
  const maxRows = options.maxRows ?? Infinity;
  const records = readRecords(csv, options.delimiter ?? ',', header ? maxRows + 1 : maxRows, maxRows);
  const first = records[0];
  if (first === undefined) return { columns: [], rows: [] };
  const columns = header ? first.fields.map((f) => f.text) : first.fields.map((_, i) => `column${i + 1}`);
  const seen = new Set<string>();
  for (const name of columns) {
    if (seen.has(name)) throw new CsvError(`Duplicate column name "${name}" in the header`);
    seen.add(name);
  }
  const body = header ? records.slice(1) : records;
  const rows = body.map((record, index) => {
    if (record.fields.length !== columns.length) {
      const expected = header ? `the header has ${columns.length}` : `the first row has ${columns.length}`;
      throw new CsvError(`Row ${index + 1} (line ${record.line}) has ${record.fields.length} fields but ${expected}`);
    }
    // fromEntries defines own properties, so a column named "__proto__" is just a column.
    return Object.fromEntries(record.fields.map((field, i) => [columns[i] as string, infer ? inferValue(field) : field.text]));
  });
  return { columns, rows };
}

function readRecords(csv: string, delimiter: string, maxRecords: number, maxRows: number): CsvRecord[] {
  try {
    return parseCsv(csv, { delimiter, maxRecords });
  } catch (error) {
    // Say the limit in rows, as the caller set it, not in records of the parser.
    if (error instanceof CsvError && error.reason === 'limit') throw new CsvError(`The CSV has more than ${maxRows} rows; the limit is ${maxRows} (maxRows)`, 'limit');
    throw error;
  }
}

/** Options of {@link recordsToCsv}. */
export interface RecordsToCsvOptions {
  /** Field separator. Default `,`. */
  delimiter?: string;
  /** Line ending. Default CRLF, as RFC 4180 says. */
  lineEnding?: '\r\n' | '\n';
}

/**
 * Writes records as CSV with a header row. Columns are the union of the records' keys in the order
 * first seen; a missing key is an empty field; nested values are written as JSON text.
 *
 * @throws CsvError when `records` is not an array of objects
 */
export function recordsToCsv(records: unknown, options: RecordsToCsvOptions = {}): { csv: string; columns: string[] } {
  const delimiter = options.delimiter ?? ',';
  const eol = options.lineEnding ?? '\r\n';
  if (!Array.isArray(records)) throw new CsvError('The JSON must be an array of objects, e.g. [{"name":"Ada","age":36}]');
  const columns = new Set<string>();
  records.forEach((record: unknown, index) => {
    if (typeof record !== 'object' || record === null || Array.isArray(record)) {
      throw new CsvError(`Item ${index} of the array is not an object: every item becomes one CSV row`);
    }
    for (const key of Object.keys(record)) columns.add(key);
  });
  const names = [...columns];
  const lines = [names.map((name) => formatField(name, delimiter)).join(delimiter)];
  for (const record of records as Array<Record<string, unknown>>) {
    const line = names.map((name) => formatField(Object.hasOwn(record, name) ? record[name] : null, delimiter)).join(delimiter);
    // A lone null would make a blank line, which readers skip: spell it out instead.
    lines.push(line === '' ? 'null' : line);
  }
  return { csv: names.length === 0 ? '' : lines.join(eol) + eol, columns: names };
}
