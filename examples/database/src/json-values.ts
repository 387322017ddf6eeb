/**
 * Turns what the drivers return into JSON a client can read: bytes as PostgreSQL's hex text,
 * 64-bit integers as strings (no precision lost), everything else as is.
 *
 * @module
 */

/** A JSON value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function hex(bytes: Uint8Array): string {
  let out = '\\x';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** One cell as JSON. */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return hex(value);
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === 'object') {
    const out: { [key: string]: Json } = {};
    for (const [key, item] of Object.entries(value)) out[key] = toJson(item);
    return out;
  }
  return String(value);
}
