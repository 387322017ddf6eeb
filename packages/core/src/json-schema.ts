/**
 * A small JSON Schema validator for the 2020-12 keywords tools use in `outputSchema`.
 *
 * Hand-written so the browser client stays small. It never fetches anything: only same-document
 * `$ref`s (`#`, `#/$defs/...`, `#anchor`) are followed; any other `$ref` is left unchecked.
 * `format` is an annotation (the 2020-12 default) and unknown keywords are ignored.
 *
 * @module
 */

/** One validation failure. */
export interface JsonSchemaIssue {
  /** JSON Pointer to the failing value within the instance (`''` for the root). */
  path: string;
  /** The keyword that failed (`type`, `required`, ...). */
  keyword: string;
  /** A short description of the failure. */
  message: string;
}

/**
 * Validates `value` against a JSON Schema and returns the issues found (empty when valid).
 * Plug another validator (for example Ajv) into the client with this signature.
 */
export type JsonSchemaValidator = (schema: unknown, value: unknown) => readonly JsonSchemaIssue[];

/** Limits of {@link validateJsonSchema}. */
export interface JsonSchemaLimits {
  /** Nesting depth of schema evaluation, which bounds recursive `$ref`s. Default 64. */
  maxDepth?: number;
  /** Stop after this many issues. Default 20. */
  maxIssues?: number;
}

type Schema = Record<string, unknown>;

interface Walk {
  root: unknown;
  maxDepth: number;
  maxIssues: number;
  issues: JsonSchemaIssue[];
}

const isObject = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'integer') return typeof value === 'number' && Number.isInteger(value);
  return actual === type;
}

/** Structural equality of JSON values, as `enum`, `const` and `uniqueItems` need it. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((item, i) => jsonEqual(item, b[i]));
  }
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && jsonEqual((a as Schema)[k], (b as Schema)[k]));
}

function resolveRef(root: unknown, ref: string): unknown {
  if (ref === '#') return root;
  if (ref.startsWith('#/')) {
    let node: unknown = root;
    for (const raw of ref.slice(2).split('/')) {
      const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      if (!isObject(node) && !Array.isArray(node)) return undefined;
      node = (node as Schema)[key];
    }
    return node;
  }
  if (ref.startsWith('#')) return findAnchor(root, ref.slice(1), 0);
  // Network and relative URIs are never dereferenced (SEP-2106).
  return undefined;
}

function findAnchor(node: unknown, anchor: string, depth: number): unknown {
  if (depth > 32 || typeof node !== 'object' || node === null) return undefined;
  if (isObject(node) && node['$anchor'] === anchor) return node;
  for (const child of Object.values(node)) {
    const hit = findAnchor(child, anchor, depth + 1);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

function push(w: Walk, path: string, keyword: string, message: string): void {
  if (w.issues.length < w.maxIssues) w.issues.push({ path, keyword, message });
}

function passes(w: Walk, schema: unknown, value: unknown, path: string, depth: number): boolean {
  const probe: Walk = { ...w, issues: [], maxIssues: 1 };
  check(probe, schema, value, path, depth);
  return probe.issues.length === 0;
}

function check(w: Walk, schema: unknown, value: unknown, path: string, depth: number): void {
  if (schema === true || schema === undefined) return;
  if (schema === false) return push(w, path, 'false', 'no value is allowed here');
  if (!isObject(schema)) return;
  if (depth > w.maxDepth) return push(w, path, '$ref', `schema nesting exceeds maxDepth ${w.maxDepth}`);
  const s = schema;
  if (typeof s['$ref'] === 'string') {
    const target = resolveRef(w.root, s['$ref']);
    if (target !== undefined) check(w, target, value, path, depth + 1);
  }
  checkGeneric(w, s, value, path);
  if (typeof value === 'string') checkString(w, s, value, path);
  if (typeof value === 'number') checkNumber(w, s, value, path);
  if (Array.isArray(value)) checkArray(w, s, value, path, depth);
  if (isObject(value)) checkObject(w, s, value, path, depth);
  checkComposition(w, s, value, path, depth);
}

function checkGeneric(w: Walk, s: Schema, value: unknown, path: string): void {
  const type = s['type'];
  if (typeof type === 'string' && !matchesType(value, type)) {
    push(w, path, 'type', `expected ${type}, got ${typeOf(value)}`);
  } else if (Array.isArray(type) && !type.some((t) => typeof t === 'string' && matchesType(value, t))) {
    push(w, path, 'type', `expected one of ${type.join(', ')}, got ${typeOf(value)}`);
  }
  if (Array.isArray(s['enum']) && !s['enum'].some((e) => jsonEqual(e, value))) {
    push(w, path, 'enum', 'value is not one of the allowed values');
  }
  if ('const' in s && !jsonEqual(s['const'], value)) push(w, path, 'const', 'value does not equal the constant');
}

function checkString(w: Walk, s: Schema, value: string, path: string): void {
  const length = [...value].length;
  if (typeof s['minLength'] === 'number' && length < s['minLength']) {
    push(w, path, 'minLength', `must be at least ${s['minLength']} characters`);
  }
  if (typeof s['maxLength'] === 'number' && length > s['maxLength']) {
    push(w, path, 'maxLength', `must be at most ${s['maxLength']} characters`);
  }
  if (typeof s['pattern'] === 'string') {
    let re: RegExp | undefined;
    try {
      re = new RegExp(s['pattern'], 'u');
    } catch {
      // An unparseable pattern cannot be checked; a broken schema is not the value's fault.
    }
    if (re !== undefined && !re.test(value)) push(w, path, 'pattern', `must match ${s['pattern']}`);
  }
}

function checkNumber(w: Walk, s: Schema, value: number, path: string): void {
  const num = (k: string) => (typeof s[k] === 'number' ? (s[k] as number) : undefined);
  const min = num('minimum');
  const max = num('maximum');
  const xmin = num('exclusiveMinimum');
  const xmax = num('exclusiveMaximum');
  const step = num('multipleOf');
  if (min !== undefined && value < min) push(w, path, 'minimum', `must be >= ${min}`);
  if (max !== undefined && value > max) push(w, path, 'maximum', `must be <= ${max}`);
  if (xmin !== undefined && value <= xmin) push(w, path, 'exclusiveMinimum', `must be > ${xmin}`);
  if (xmax !== undefined && value >= xmax) push(w, path, 'exclusiveMaximum', `must be < ${xmax}`);
  if (step !== undefined && step > 0) {
    const q = value / step;
    if (Math.abs(q - Math.round(q)) > 1e-9) push(w, path, 'multipleOf', `must be a multiple of ${step}`);
  }
}

function checkArray(w: Walk, s: Schema, value: unknown[], path: string, depth: number): void {
  if (typeof s['minItems'] === 'number' && value.length < s['minItems']) {
    push(w, path, 'minItems', `must have at least ${s['minItems']} items`);
  }
  if (typeof s['maxItems'] === 'number' && value.length > s['maxItems']) {
    push(w, path, 'maxItems', `must have at most ${s['maxItems']} items`);
  }
  // Draft-07 tuple form `items: [...]` is read as 2020-12 `prefixItems`.
  const prefix = Array.isArray(s['prefixItems']) ? s['prefixItems'] : Array.isArray(s['items']) ? s['items'] : [];
  const rest = Array.isArray(s['items']) ? s['additionalItems'] : s['items'];
  value.forEach((item, i) => {
    const itemSchema = i < prefix.length ? prefix[i] : rest;
    check(w, itemSchema, item, `${path}/${i}`, depth + 1);
  });
  if (s['uniqueItems'] === true) {
    const dup = value.findIndex((a, i) => value.findIndex((b) => jsonEqual(a, b)) !== i);
    if (dup !== -1) push(w, `${path}/${dup}`, 'uniqueItems', 'items must be unique');
  }
  if (s['contains'] !== undefined) {
    const hits = value.filter((item, i) => passes(w, s['contains'], item, `${path}/${i}`, depth + 1)).length;
    const minC = typeof s['minContains'] === 'number' ? s['minContains'] : 1;
    const maxC = typeof s['maxContains'] === 'number' ? s['maxContains'] : Infinity;
    if (hits < minC || hits > maxC) push(w, path, 'contains', 'array does not contain the required items');
  }
}

function checkObject(w: Walk, s: Schema, value: Schema, path: string, depth: number): void {
  const keys = Object.keys(value);
  if (Array.isArray(s['required'])) {
    for (const name of s['required']) {
      if (typeof name === 'string' && !Object.hasOwn(value, name)) {
        push(w, path, 'required', `missing required property "${name}"`);
      }
    }
  }
  if (typeof s['minProperties'] === 'number' && keys.length < s['minProperties']) {
    push(w, path, 'minProperties', `must have at least ${s['minProperties']} properties`);
  }
  if (typeof s['maxProperties'] === 'number' && keys.length > s['maxProperties']) {
    push(w, path, 'maxProperties', `must have at most ${s['maxProperties']} properties`);
  }
  const props = isObject(s['properties']) ? s['properties'] : {};
  const patterns = isObject(s['patternProperties']) ? Object.entries(s['patternProperties']) : [];
  for (const key of keys) {
    const at = `${path}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    let evaluated = false;
    if (Object.hasOwn(props, key)) {
      evaluated = true;
      check(w, props[key], value[key], at, depth + 1);
    }
    for (const [pattern, sub] of patterns) {
      if (safeTest(pattern, key)) {
        evaluated = true;
        check(w, sub, value[key], at, depth + 1);
      }
    }
    if (!evaluated && 'additionalProperties' in s) {
      if (s['additionalProperties'] === false) push(w, at, 'additionalProperties', `unexpected property "${key}"`);
      else check(w, s['additionalProperties'], value[key], at, depth + 1);
    }
    if (s['propertyNames'] !== undefined) check(w, s['propertyNames'], key, at, depth + 1);
  }
  if (isObject(s['dependentRequired'])) {
    for (const [key, needed] of Object.entries(s['dependentRequired'])) {
      if (!Object.hasOwn(value, key) || !Array.isArray(needed)) continue;
      for (const n of needed) {
        if (typeof n === 'string' && !Object.hasOwn(value, n)) {
          push(w, path, 'dependentRequired', `"${key}" requires "${n}"`);
        }
      }
    }
  }
}

function safeTest(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(text);
  } catch {
    return false;
  }
}

function checkComposition(w: Walk, s: Schema, value: unknown, path: string, depth: number): void {
  if (Array.isArray(s['allOf'])) for (const sub of s['allOf']) check(w, sub, value, path, depth + 1);
  if (Array.isArray(s['anyOf']) && !s['anyOf'].some((sub) => passes(w, sub, value, path, depth + 1))) {
    push(w, path, 'anyOf', 'value matches none of the anyOf schemas');
  }
  if (Array.isArray(s['oneOf'])) {
    const count = s['oneOf'].filter((sub) => passes(w, sub, value, path, depth + 1)).length;
    if (count !== 1) push(w, path, 'oneOf', `value matches ${count} of the oneOf schemas, expected exactly 1`);
  }
  if (s['not'] !== undefined && passes(w, s['not'], value, path, depth + 1)) {
    push(w, path, 'not', 'value matches a schema it must not match');
  }
  if (s['if'] !== undefined) {
    const branch = passes(w, s['if'], value, path, depth + 1) ? s['then'] : s['else'];
    check(w, branch, value, path, depth + 1);
  }
}

/**
 * Validates `value` against `schema` (JSON Schema 2020-12, common keywords). Returns the issues;
 * an empty array means valid. Never throws on a malformed schema and never fetches a `$ref`.
 *
 * @example
 * ```ts
 * const issues = validateJsonSchema({ type: 'object', required: ['n'] }, {});
 * // [{ path: '', keyword: 'required', message: 'missing required property "n"' }]
 * ```
 */
export function validateJsonSchema(schema: unknown, value: unknown, limits: JsonSchemaLimits = {}): JsonSchemaIssue[] {
  const w: Walk = { root: schema, maxDepth: limits.maxDepth ?? 64, maxIssues: limits.maxIssues ?? 20, issues: [] };
  check(w, schema, value, '', 0);
  return w.issues;
}
