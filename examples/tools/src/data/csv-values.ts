/**
 * Type inference for CSV fields, and its inverse for writing CSV: the two agree, so JSON → CSV →
 * JSON gives back the same flat records.
 *
 * @module
 */
import type { CsvField } from './csv-parse.js';

/** A value of a flat record: what a CSV field can stand for. */
export type CellValue = string | number | boolean | null;

// JSON's number grammar: no leading zeros ("007" is an identifier, not a number), no "Infinity".
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * What an unquoted field stands for: an empty field or `null` is null, `true`/`false` booleans,
 * JSON-style numbers numbers (when finite), anything else the text itself. Quoted fields are
 * always text.
 */
export function inferValue(field: CsvField): CellValue {
  if (field.quoted) return field.text;
  const text = field.text;
  if (text === '' || text === 'null') return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (NUMBER.test(text)) {
    const value = Number(text);
    if (Number.isFinite(value)) return value;
  }
  return text;
}

/** Whether a string must be quoted so it reads back as this very string. */
function needsQuotes(text: string, delimiter: string): boolean {
  if (text.includes(delimiter) || /["\r\n]/.test(text)) return true;
  // Quoting keeps "42", "true" and "" strings instead of letting inference turn them into values.
  return inferValue({ text, quoted: false }) !== text;
}

/** Writes one value as a CSV field (RFC 4180 quoting: enclose in quotes, double the quotes inside). */
export function formatField(value: unknown, delimiter: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  // Nested values keep their structure as JSON text.
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return needsQuotes(text, delimiter) ? `"${text.replaceAll('"', '""')}"` : text;
}
