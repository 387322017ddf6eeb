/**
 * `x-mcp-header` annotations of a tool's `inputSchema` (2026-07-28, SEP-2243): which tool
 * arguments are mirrored into `Mcp-Param-{Name}` headers.
 *
 * @module
 */

/** One mirrored argument: the header name part and the chain of `properties` keys to the value. */
export interface HeaderParam {
  /** The `{Name}` of `Mcp-Param-{Name}`, as declared. */
  readonly name: string;
  /** Property path from the arguments object to the value. */
  readonly path: readonly string[];
}

/** The annotations of a valid schema, or why the tool definition must be rejected. */
export type HeaderParamsResult = { ok: true; params: HeaderParam[] } | { ok: false; reason: string };

// RFC 9110 tchar.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const NESTING_KEYWORDS = [
  'items', 'prefixItems', 'additionalProperties', 'patternProperties', 'oneOf', 'anyOf', 'allOf',
  'not', 'if', 'then', 'else', '$defs', 'definitions', 'dependentSchemas', 'contains',
  'unevaluatedProperties', 'unevaluatedItems', 'propertyNames',
];

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeOk(schema: Record<string, unknown>): boolean {
  const type = schema.type;
  const allowed = ['string', 'integer', 'boolean'];
  if (typeof type === 'string') return allowed.includes(type);
  if (Array.isArray(type)) return type.length > 0 && type.every((t) => t === 'null' || allowed.includes(t as string));
  return false;
}

/** True if `schema` or anything under it carries an `x-mcp-header` key. */
function containsAnnotation(schema: unknown, depth = 0): boolean {
  if (depth > 64 || typeof schema !== 'object' || schema === null) return false;
  if (!Array.isArray(schema) && 'x-mcp-header' in schema) return true;
  return Object.values(schema).some((v) => containsAnnotation(v, depth + 1));
}

/**
 * Reads and validates the `x-mcp-header` annotations of an `inputSchema`. A client must drop a
 * tool whose result is `{ ok: false }` from `tools/list`.
 *
 * @example
 * ```ts
 * readHeaderParams({ type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } } });
 * // { ok: true, params: [{ name: 'Region', path: ['region'] }] }
 * ```
 */
export function readHeaderParams(inputSchema: unknown): HeaderParamsResult {
  const params: HeaderParam[] = [];
  const seen = new Set<string>();
  const walk = (schema: Record<string, unknown>, path: string[]): string | undefined => {
    for (const keyword of NESTING_KEYWORDS) {
      if (containsAnnotation(schema[keyword])) return `x-mcp-header under "${keyword}" is not statically reachable`;
    }
    const props = schema.properties;
    if (props === undefined) return undefined;
    if (!isObject(props)) return undefined;
    for (const [key, sub] of Object.entries(props)) {
      if (!isObject(sub)) continue;
      const here = [...path, key];
      if ('x-mcp-header' in sub) {
        const name = sub['x-mcp-header'];
        if (typeof name !== 'string' || !TOKEN.test(name)) return `x-mcp-header of "${here.join('.')}" is not a header token`;
        if (seen.has(name.toLowerCase())) return `x-mcp-header "${name}" is declared twice`;
        if (!typeOk(sub)) return `x-mcp-header "${name}" is on a non-primitive (string, integer, boolean) property`;
        if (sub.$ref !== undefined) return `x-mcp-header "${name}" is on a $ref`;
        seen.add(name.toLowerCase());
        params.push({ name, path: here });
      }
      const problem = walk(sub, here);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
  if (!isObject(inputSchema)) return { ok: true, params };
  if ('x-mcp-header' in inputSchema) return { ok: false, reason: 'x-mcp-header on the schema root' };
  const problem = walk(inputSchema, []);
  return problem === undefined ? { ok: true, params } : { ok: false, reason: problem };
}

/** The value at `path` in `args`, or `undefined`. */
export function valueAtPath(args: unknown, path: readonly string[]): unknown {
  let node: unknown = args;
  for (const key of path) {
    if (!isObject(node)) return undefined;
    node = node[key];
  }
  return node;
}
