/**
 * JSON values as MCP uses them: capability sub-objects, sampling metadata, tool arguments.
 *
 * @module
 */
import * as z from 'zod/mini';

/** Any JSON value. */
export type JSONValue = string | number | boolean | null | JSONArray | JSONObject;
/** A JSON array. */
export type JSONArray = JSONValue[];
/** A JSON object. */
export type JSONObject = { [key: string]: JSONValue };

/**
 * True if `value` is a JSON value. Iterative, so deeply nested input cannot overflow the stack,
 * and each object is visited once, so shared or cyclic references cannot loop.
 */
export function isJSONValue(value: unknown): value is JSONValue {
  const pending: unknown[] = [value];
  const seen = new Set<object>();
  while (pending.length > 0) {
    const v = pending.pop();
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return false;
      continue;
    }
    if (typeof v !== 'object' || v === undefined) return false;
    if (seen.has(v)) continue;
    seen.add(v);
    if (Array.isArray(v)) {
      for (const item of v) pending.push(item);
      continue;
    }
    const proto = Object.getPrototypeOf(v) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    for (const item of Object.values(v as Record<string, unknown>)) pending.push(item);
  }
  return true;
}

/** Any JSON value (null included, any finite number). */
export const JSONValueSchema = z.custom<JSONValue>(isJSONValue, { error: 'Expected a JSON value' });

/** A JSON array of JSON values. */
export const JSONArraySchema = z.custom<JSONArray>((v) => Array.isArray(v) && isJSONValue(v), {
  error: 'Expected a JSON array',
});

/**
 * A JSON object. Members are not inspected: capability objects and metadata are opaque to the
 * protocol layer, and a shallow check keeps every request cheap to validate.
 */
export const JSONObjectSchema = z.looseObject({});
