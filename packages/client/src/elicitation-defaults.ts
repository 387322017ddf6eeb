/**
 * Fills the defaults of a form-mode `requestedSchema` into accepted elicitation content (SEP-1034).
 *
 * @module
 */

/** A value a form field can hold (the spec's primitive elicitation values). */
export type ElicitValue = string | number | boolean | string[];

/** The `content` of an accepted form-mode elicitation. */
export type ElicitContent = Record<string, ElicitValue>;

function isFieldValue(value: unknown): value is ElicitValue {
  if (Array.isArray(value)) return value.every((v) => typeof v === 'string');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/**
 * Returns `content` with every property of `requestedSchema` that the user left out set to its
 * schema `default`. Properties the user gave are kept as they are; a property with no default, or
 * a default that is not a valid field value, stays absent.
 *
 * @example
 * ```ts
 * applyElicitationDefaults({ type: 'object', properties: { age: { type: 'integer', default: 30 } } }, {});
 * // { age: 30 }
 * ```
 */
export function applyElicitationDefaults(requestedSchema: unknown, content: ElicitContent | undefined): ElicitContent {
  const filled: ElicitContent = { ...(content ?? {}) };
  if (typeof requestedSchema !== 'object' || requestedSchema === null) return filled;
  const properties = (requestedSchema as { properties?: unknown }).properties;
  if (typeof properties !== 'object' || properties === null) return filled;
  for (const [name, field] of Object.entries(properties)) {
    if (Object.hasOwn(filled, name) || typeof field !== 'object' || field === null) continue;
    const fallback = (field as { default?: unknown }).default;
    if (isFieldValue(fallback)) filled[name] = Array.isArray(fallback) ? [...fallback] : fallback;
  }
  return filled;
}
