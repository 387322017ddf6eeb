/**
 * A small JSON Schema (2020-12) validator for the keywords tool schemas use in practice, so a raw
 * JSON Schema given at registration still validates inputs before the handler runs. Unknown
 * keywords are ignored (accepted), as the spec allows for annotations.
 *
 * @module
 */
import type { JsonSchemaObject } from './standard-schema.js';

/** One failed check: where (`path`) and why (`message`). */
export interface SchemaIssue {
  /** Property keys and array indices from the root. */
  readonly path: ReadonlyArray<string | number>;
  /** What is wrong, in one sentence. */
  readonly message: string;
}

const MAX_DEPTH = 64;

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function matchesType(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'number') return actual === 'number' || actual === 'integer';
  return actual === type;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function resolveRef(root: JsonSchemaObject, ref: string): JsonSchemaObject | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').filter((p) => p !== '')) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'object' && node !== null ? (node as JsonSchemaObject) : undefined;
}

class Checker {
  readonly issues: SchemaIssue[] = [];
  constructor(private readonly root: JsonSchemaObject) {}

  check(schema: unknown, value: unknown, path: Array<string | number>, depth: number): void {
    if (schema === true || schema === undefined) return;
    if (schema === false) return this.fail(path, 'No value is allowed here');
    if (typeof schema !== 'object' || schema === null || depth > MAX_DEPTH) return;
    const s = schema as Record<string, unknown>;
    if (typeof s.$ref === 'string') {
      const target = resolveRef(this.root, s.$ref);
      if (target !== undefined) this.check(target, value, path, depth + 1);
    }
    if (!this.checkType(s, value, path)) return;
    if (Array.isArray(s.enum) && !s.enum.some((e) => deepEqual(e, value))) {
      this.fail(path, `Must be one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`);
    }
    if ('const' in s && !deepEqual(s.const, value)) this.fail(path, `Must be ${JSON.stringify(s.const)}`);
    if (typeof value === 'number') this.checkNumber(s, value, path);
    if (typeof value === 'string') this.checkString(s, value, path);
    if (Array.isArray(value)) this.checkArray(s, value, path, depth);
    else if (typeof value === 'object' && value !== null) this.checkObject(s, value as Record<string, unknown>, path, depth);
    this.checkComposition(s, value, path, depth);
  }

  private checkType(s: Record<string, unknown>, value: unknown, path: Array<string | number>): boolean {
    const type = s.type;
    if (type === undefined) return true;
    const types = Array.isArray(type) ? (type as string[]) : [type as string];
    if (types.some((t) => matchesType(value, t))) return true;
    this.fail(path, `Expected ${types.join(' or ')}, received ${typeOf(value)}`);
    return false;
  }

  private checkNumber(s: Record<string, unknown>, v: number, path: Array<string | number>): void {
    if (typeof s.minimum === 'number' && v < s.minimum) this.fail(path, `Must be >= ${s.minimum}`);
    if (typeof s.maximum === 'number' && v > s.maximum) this.fail(path, `Must be <= ${s.maximum}`);
    if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) this.fail(path, `Must be > ${s.exclusiveMinimum}`);
    if (typeof s.exclusiveMaximum === 'number' && v >= s.exclusiveMaximum) this.fail(path, `Must be < ${s.exclusiveMaximum}`);
    if (typeof s.multipleOf === 'number' && s.multipleOf > 0 && !Number.isInteger(v / s.multipleOf)) {
      this.fail(path, `Must be a multiple of ${s.multipleOf}`);
    }
  }

  private checkString(s: Record<string, unknown>, v: string, path: Array<string | number>): void {
    const length = [...v].length;
    if (typeof s.minLength === 'number' && length < s.minLength) this.fail(path, `Must have at least ${s.minLength} characters`);
    if (typeof s.maxLength === 'number' && length > s.maxLength) this.fail(path, `Must have at most ${s.maxLength} characters`);
    if (typeof s.pattern === 'string') {
      let re: RegExp | undefined;
      try {
        re = new RegExp(s.pattern, 'u');
      } catch {
        re = undefined; // An invalid pattern in the server's own schema is not the caller's fault.
      }
      if (re !== undefined && !re.test(v)) this.fail(path, `Must match the pattern ${s.pattern}`);
    }
  }

  private checkArray(s: Record<string, unknown>, v: unknown[], path: Array<string | number>, depth: number): void {
    if (typeof s.minItems === 'number' && v.length < s.minItems) this.fail(path, `Must have at least ${s.minItems} items`);
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) this.fail(path, `Must have at most ${s.maxItems} items`);
    const prefix = Array.isArray(s.prefixItems) ? s.prefixItems : [];
    v.forEach((item, i) => {
      if (i < prefix.length) this.check(prefix[i], item, [...path, i], depth + 1);
      else if (s.items !== undefined) this.check(s.items, item, [...path, i], depth + 1);
    });
    if (s.uniqueItems === true && v.some((a, i) => v.findIndex((b) => deepEqual(a, b)) !== i)) this.fail(path, 'Items must be unique');
  }

  private checkObject(s: Record<string, unknown>, v: Record<string, unknown>, path: Array<string | number>, depth: number): void {
    const props = (typeof s.properties === 'object' && s.properties !== null ? s.properties : {}) as Record<string, unknown>;
    if (Array.isArray(s.required)) {
      for (const key of s.required as string[]) if (!(key in v)) this.fail([...path, key], 'Required');
    }
    for (const [key, child] of Object.entries(v)) {
      if (Object.prototype.hasOwnProperty.call(props, key)) this.check(props[key], child, [...path, key], depth + 1);
      else if (s.additionalProperties === false) this.fail([...path, key], 'Unknown property');
      else if (typeof s.additionalProperties === 'object') this.check(s.additionalProperties, child, [...path, key], depth + 1);
    }
  }

  private checkComposition(s: Record<string, unknown>, value: unknown, path: Array<string | number>, depth: number): void {
    if (Array.isArray(s.allOf)) for (const sub of s.allOf) this.check(sub, value, path, depth + 1);
    const passes = (sub: unknown): boolean => {
      const c = new Checker(this.root);
      c.check(sub, value, path, depth + 1);
      return c.issues.length === 0;
    };
    if (Array.isArray(s.anyOf) && !s.anyOf.some(passes)) this.fail(path, 'Does not match any allowed schema');
    if (Array.isArray(s.oneOf) && s.oneOf.filter(passes).length !== 1) this.fail(path, 'Must match exactly one allowed schema');
    if (s.not !== undefined && passes(s.not)) this.fail(path, 'Matches a schema it must not match');
    if (s.if !== undefined) {
      const branch = passes(s.if) ? s.then : s.else;
      if (branch !== undefined) this.check(branch, value, path, depth + 1);
    }
  }

  private fail(path: Array<string | number>, message: string): void {
    this.issues.push({ path: [...path], message });
  }
}

/**
 * Validates `value` against a JSON Schema and lists what is wrong (empty when valid).
 *
 * @example
 * ```ts
 * validateJsonSchema({ type: 'object', required: ['city'] }, {}); // [{ path: ['city'], message: 'Required' }]
 * ```
 */
export function validateJsonSchema(schema: JsonSchemaObject, value: unknown): SchemaIssue[] {
  const checker = new Checker(schema);
  checker.check(schema, value, [], 0);
  return checker.issues;
}
