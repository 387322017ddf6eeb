/**
 * An RFC 4180 CSV parser: quoted fields may hold delimiters, doubled quotes and line breaks;
 * records end with CRLF, LF or CR. It keeps whether each field was quoted, so type inference can
 * leave quoted fields as strings (`"007"` stays text).
 *
 * @module
 */

/** One field as written. */
export interface CsvField {
  /** The field's text, quotes removed and `""` unescaped. */
  text: string;
  /** Whether it was enclosed in double quotes. */
  quoted: boolean;
}

/** One record and the line it starts on (1-based), for error messages. */
export interface CsvRecord {
  /** Its fields, in order. */
  fields: CsvField[];
  /** The line it starts on. */
  line: number;
}

/** A CSV input that does not follow RFC 4180, or that passes a limit. */
export class CsvError extends Error {
  /** `syntax` for malformed input, `limit` when a limit was reached. */
  readonly reason: 'syntax' | 'limit';

  /**
   * @param message - says what is wrong and on which line
   * @param reason - malformed input or a limit
   */
  constructor(message: string, reason: 'syntax' | 'limit' = 'syntax') {
    super(message);
    this.name = 'CsvError';
    this.reason = reason;
  }
}

/** Options of {@link parseCsv}. */
export interface ParseCsvOptions {
  /** The field separator, one character other than `"`, CR and LF. Default `,`. */
  delimiter?: string;
  /** Most records accepted (the header included). Default unlimited. */
  maxRecords?: number;
}

/**
 * Parses CSV text into records of fields. Blank lines are skipped; a final line break is optional.
 * Records may have different lengths here: checking their shape is the caller's business.
 *
 * @throws CsvError for an unterminated quoted field, a stray quote or too many records
 */
export function parseCsv(input: string, options: ParseCsvOptions = {}): CsvRecord[] {
  const delimiter = options.delimiter ?? ',';
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\r' || delimiter === '\n') {
    throw new CsvError('The delimiter must be one character other than a double quote or a line break');
  }
  const maxRecords = options.maxRecords ?? Infinity;
  const records: CsvRecord[] = [];
  let record: CsvField[] = [];
  let line = 1;
  let recordLine = 1;
  // Spreadsheets often start UTF-8 CSV with a byte-order mark; it is not part of the first field.
  let i = input.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = input.length;

  const endRecord = (): void => {
    // A line with nothing on it is blank, not a record with one empty field.
    const blank = record.length === 1 && record[0]?.text === '' && record[0].quoted === false;
    if (!blank) {
      if (records.length >= maxRecords) throw new CsvError(`The CSV has more than ${maxRecords} records`, 'limit');
      records.push({ fields: record, line: recordLine });
    }
    record = [];
    recordLine = line;
  };
  // Consumes one line break at `i`, if there is one.
  const lineBreak = (): boolean => {
    if (input[i] === '\r') {
      i += input[i + 1] === '\n' ? 2 : 1;
    } else if (input[i] === '\n') {
      i++;
    } else {
      return false;
    }
    line++;
    return true;
  };

  while (i < n) {
    if (input[i] === '"') {
      const startLine = line;
      let text = '';
      let from = ++i;
      for (;;) {
        const quote = input.indexOf('"', from);
        if (quote === -1) throw new CsvError(`Unterminated quoted field starting on line ${startLine}`);
        text += input.slice(from, quote);
        if (input[quote + 1] === '"') {
          text += '"';
          from = quote + 2;
          continue;
        }
        i = quote + 1;
        break;
      }
      line += countLineBreaks(text);
      record.push({ text, quoted: true });
      if (i < n && input[i] !== delimiter && input[i] !== '\r' && input[i] !== '\n') {
        throw new CsvError(`Unexpected character after a closing quote on line ${line}: quote the whole field and double the quotes inside it`);
      }
    } else {
      const start = i;
      while (i < n && input[i] !== delimiter && input[i] !== '\r' && input[i] !== '\n') {
        if (input[i] === '"') throw new CsvError(`Unexpected double quote inside an unquoted field on line ${line}: quote the field and double the quote`);
        i++;
      }
      record.push({ text: input.slice(start, i), quoted: false });
    }
    if (i >= n) break;
    if (input[i] === delimiter) {
      i++;
      // A delimiter at the very end of a line or of the input leaves one more, empty field.
      if (i >= n || input[i] === '\r' || input[i] === '\n') record.push({ text: '', quoted: false });
    }
    // `lineBreak` moves `line` on first, so the next record starts on the new line.
    if (lineBreak()) endRecord();
  }
  if (record.length > 0) endRecord();
  return records;
}

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}
