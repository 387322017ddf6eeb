import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvToRecords, recordsToCsv } from '../src/data/convert.js';
import { CsvError, parseCsv } from '../src/data/csv-parse.js';
import { changeCase } from '../src/text/change-case.js';
import { textStats } from '../src/text/text-stats.js';

const texts = (records: ReturnType<typeof parseCsv>) => records.map((r) => r.fields.map((f) => f.text));

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted delimiters, doubled quotes and line breaks in fields', () => {
    const records = parseCsv('a,"b,c","say ""hi""","two\r\nlines"\r\n1,2,3,4');
    expect(texts(records)).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\r\nlines'],
      ['1', '2', '3', '4'],
    ]);
    expect(records.map((r) => r.line)).toEqual([1, 3]);
  });

  it('accepts LF and CR line endings, skips blank lines and keeps empty fields', () => {
    expect(texts(parseCsv('a,b\n\n1,\r,2\n'))).toEqual([['a', 'b'], ['1', ''], ['', '2']]);
    expect(texts(parseCsv('x\t"y"', { delimiter: '\t' }))).toEqual([['x', 'y']]);
    expect(parseCsv('')).toEqual([]);
    expect(texts(parseCsv('\uFEFFname\r\nAda'))).toEqual([['name'], ['Ada']]);
  });

  it.each([
    ['"abc', 'Unterminated quoted field starting on line 1'],
    ['a\n"b"c', 'Unexpected character after a closing quote on line 2: quote the whole field and double the quotes inside it'],
    ['ab"c', 'Unexpected double quote inside an unquoted field on line 1: quote the field and double the quote'],
  ])('refuses %j', (input, message) => {
    expect(() => parseCsv(input)).toThrow(CsvError);
    expect(() => parseCsv(input)).toThrow(message);
  });

  it('never throws anything but CsvError', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\r', '\n', ' ', '1') }), (input) => {
        try {
          parseCsv(input);
        } catch (error) {
          expect(error).toBeInstanceOf(CsvError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('JSON ↔ CSV', () => {
  it('infers numbers, booleans and null from unquoted fields only', () => {
    const { rows } = csvToRecords('n,b,z,s,q,lead\n-1.5e2,true,null,hello,"12",007\n0,false,,"",",",x');
    expect(rows).toEqual([
      { n: -150, b: true, z: null, s: 'hello', q: '12', lead: '007' },
      { n: 0, b: false, z: null, s: '', q: ',', lead: 'x' },
    ]);
  });

  it('names columns when there is no header, and refuses ragged rows and duplicate names', () => {
    expect(csvToRecords('1,2\n3,4', { header: false })).toEqual({ columns: ['column1', 'column2'], rows: [{ column1: 1, column2: 2 }, { column1: 3, column2: 4 }] });
    expect(() => csvToRecords('1,2\n3', { header: false })).toThrow('Row 2 (line 2) has 1 fields but the first row has 2');
    expect(() => csvToRecords('a,a\n1,2')).toThrow('Duplicate column name "a" in the header');
    expect(csvToRecords('__proto__\n1').rows[0]).toEqual(Object.fromEntries([['__proto__', 1]]));
  });

  it('writes the union of keys, nested values as JSON and missing keys as empty fields', () => {
    expect(recordsToCsv([{ a: 1, b: { c: [1, 2] } }, { c: 'x' }], { lineEnding: '\n' })).toEqual({
      csv: 'a,b,c\n1,"{""c"":[1,2]}",\n,,x\n',
      columns: ['a', 'b', 'c'],
    });
    expect(recordsToCsv([])).toEqual({ csv: '', columns: [] });
    expect(() => recordsToCsv({ a: 1 })).toThrow(CsvError);
  });

  it('round-trips flat records', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom('1', '0', '-', '.', 'e', 'true', 'null', ',', '"', '\n', '\r', ' ') }),
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (n === 0 ? 0 : n)),
      fc.boolean(),
      fc.constant(null),
    );
    const table = fc.uniqueArray(fc.string({ minLength: 1 }), { minLength: 1, maxLength: 5 }).chain((columns) =>
      fc.array(fc.tuple(...columns.map(() => cell)).map((values) => Object.fromEntries(columns.map((c, i) => [c, values[i]]))), { minLength: 1, maxLength: 8 }),
    );
    fc.assert(
      fc.property(table, (rows) => {
        const { csv } = recordsToCsv(rows);
        expect(csvToRecords(csv).rows).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});

describe('text', () => {
  it('counts graphemes, words and sentences in any script', () => {
    expect(textStats('')).toEqual({ characters: 0, charactersExcludingSpaces: 0, words: 0, sentences: 0, lines: 0, paragraphs: 0 });
    expect(textStats('e\u0301te\u0301 🇫🇷').characters).toBe(5);
    expect(textStats('Dr. Watson arrived. He sat down!').words).toBe(6);
  });

  it('splits identifiers into words for the code cases', () => {
    expect(changeCase('parseHTTPResponse2xx', 'snake')).toBe('parse_http_response_2_xx');
    expect(changeCase('  hello   wide_world-again ', 'camel')).toBe('helloWideWorldAgain');
    expect(changeCase("l'été est là", 'title')).toBe("L'été Est Là");
    expect(changeCase('', 'pascal')).toBe('');
  });
});
