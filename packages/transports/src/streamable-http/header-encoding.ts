/**
 * Value encoding of the mirrored request headers `Mcp-Name` and `Mcp-Param-{Name}` (2026-07-28):
 * plain when header-safe, else `=?base64?{UTF-8 as Base64}?=`.
 *
 * @module
 */

const PREFIX = '=?base64?';
const SUFFIX = '?=';
// Visible ASCII, space and tab (RFC 9110 field-value characters).
const SAFE = /^[\x20-\x7e\t]*$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function needsEncoding(value: string): boolean {
  if (!SAFE.test(value)) return true;
  if (value !== value.trim()) return true;
  return value.startsWith(PREFIX) && value.endsWith(SUFFIX);
}

function toBase64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

function fromBase64(encoded: string): string | undefined {
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) return undefined;
  try {
    const binary = atob(encoded);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Encodes a value for `Mcp-Name` or `Mcp-Param-*`.
 *
 * @example
 * ```ts
 * encodeHeaderValue('us-west1');    // 'us-west1'
 * encodeHeaderValue('Hello, 世界'); // '=?base64?SGVsbG8sIOS4lueVjA==?='
 * ```
 */
export function encodeHeaderValue(value: string): string {
  return needsEncoding(value) ? `${PREFIX}${toBase64(value)}${SUFFIX}` : value;
}

/**
 * Decodes a received `Mcp-Name` or `Mcp-Param-*` value. Returns `undefined` for a value with
 * invalid characters or a malformed Base64 sentinel.
 */
export function decodeHeaderValue(raw: string): string | undefined {
  if (!SAFE.test(raw)) return undefined;
  if (raw.startsWith(PREFIX) && raw.endsWith(SUFFIX) && raw.length >= PREFIX.length + SUFFIX.length) {
    return fromBase64(raw.slice(PREFIX.length, raw.length - SUFFIX.length));
  }
  return raw;
}

/**
 * The header form of a tool argument mirrored by `x-mcp-header`: strings as is, integers in
 * decimal, booleans as `true`/`false`. `undefined` for any other value (the header is omitted).
 */
export function headerParamString(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}
