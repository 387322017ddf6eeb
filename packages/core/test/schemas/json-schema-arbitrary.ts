/**
 * A small JSON Schema → fast-check arbitrary generator, enough for the official MCP schemas:
 * `$ref`/`$defs`/`definitions`, `type` (single or list), `const`, `enum`, `properties`/`required`,
 * `additionalProperties`, `items`, `anyOf`/`oneOf`/`allOf`, `minimum`/`maximum`, `minItems`/`maxItems`
 * and the formats `uri`, `uri-template` and `byte`. Depth and sizes are bounded; past `maxDepth`
 * only required members and minimal arrays are generated so recursive definitions terminate.
 */
import fc from 'fast-check';

/** A JSON Schema node (the subset the generator reads). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  format?: string;
  [key: string]: unknown;
}

/** A whole schema document with its definitions. */
export interface JsonSchemaDocument {
  $defs?: Record<string, JsonSchema>;
  definitions?: Record<string, JsonSchema>;
}

/** Bounds of generated values. */
export interface ArbitraryOptions {
  /** Object/array nesting beyond which only required members are generated (default 3). */
  maxDepth?: number;
  /** Maximum array length (default 2). */
  maxItems?: number;
  /** Maximum number of unknown members added to an object that allows them (default 2). */
  maxExtraKeys?: number;
}

const SAFE_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789';

// A fixed pool keeps unknown-member generation cheap; it mixes plain, dotted, prefixed and odd names.
const EXTRA_KEYS = ['x', 'extra', 'a.b', 'com.example/k', 'io.other/v', '_x', 'k-1', 'Z9', '$x', 'ü'];
const segment = fc.string({ unit: fc.constantFrom(...SAFE_CHARS.split('')), minLength: 1, maxLength: 6 });

const uriArb = fc
  .tuple(fc.constantFrom('https://', 'file:///', 'urn:', 'custom+scheme://'), segment, fc.array(segment, { maxLength: 2 }))
  .map(([scheme, head, rest]) => `${scheme}${[head, ...rest].join('/')}`);
const uriTemplateArb = fc
  .tuple(fc.constantFrom('file:///', 'https://example.com/', 'db://'), segment, segment)
  .map(([scheme, a, b]) => `${scheme}${a}/{${b}}`);

/** A small JSON value of any kind (for unknown members and `{}` schemas). */
export const smallJsonValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.string({ maxLength: 6 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.integer()), { maxLength: 2 }),
  fc.record({ [EXTRA_KEYS[0]!]: fc.string({ maxLength: 3 }), [EXTRA_KEYS[3]!]: fc.constant(null) }, { requiredKeys: [] }),
);

/** Builds arbitraries for the definitions of one schema document. */
export class JsonSchemaArbitraries {
  private readonly defs: Record<string, JsonSchema>;
  private readonly memo = new Map<JsonSchema, Map<number, fc.Arbitrary<unknown>>>();
  private readonly maxDepth: number;
  private readonly maxItems: number;
  private readonly maxExtraKeys: number;

  constructor(document: JsonSchemaDocument, options: ArbitraryOptions = {}) {
    this.defs = document.$defs ?? document.definitions ?? {};
    this.maxDepth = options.maxDepth ?? 3;
    this.maxItems = options.maxItems ?? 2;
    this.maxExtraKeys = options.maxExtraKeys ?? 2;
  }

  /** The arbitrary of an inline schema whose `$ref`s point into this document. */
  forSchema(schema: JsonSchema): fc.Arbitrary<unknown> {
    return this.build(schema, 0);
  }

  /** The arbitrary of definition `name`. */
  forDefinition(name: string): fc.Arbitrary<unknown> {
    const schema = this.defs[name];
    if (schema === undefined) throw new Error(`no definition ${name}`);
    return this.build(schema, 0);
  }

  private resolve(ref: string): JsonSchema {
    const name = ref.replace(/^#\/(\$defs|definitions)\//, '');
    const schema = this.defs[name];
    if (schema === undefined) throw new Error(`unresolved $ref ${ref}`);
    return schema;
  }

  private build(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    let byDepth = this.memo.get(schema);
    if (byDepth === undefined) this.memo.set(schema, (byDepth = new Map()));
    const cached = byDepth.get(depth);
    if (cached !== undefined) return cached;
    // Depth grows with every object and array level, so recursive definitions bottom out.
    const built = this.create(schema, depth);
    byDepth.set(depth, built);
    return built;
  }

  private create(schema: JsonSchema, depth: number): fc.Arbitrary<unknown> {
    if (schema.$ref !== undefined) return this.build(this.resolve(schema.$ref), depth);
    if (schema.allOf !== undefined) return this.build(this.mergeAll(schema.allOf), depth);
    if ('const' in schema) return fc.constant(schema.const);
    if (schema.enum !== undefined) return fc.constantFrom(...schema.enum);
    const branches = schema.anyOf ?? schema.oneOf;
    if (branches !== undefined) return fc.oneof(...branches.map((b) => this.build(b, depth)));
    const types = schema.type === undefined ? undefined : Array.isArray(schema.type) ? schema.type : [schema.type];
    if (types === undefined) return schema.properties !== undefined ? this.object(schema, depth) : smallJsonValue;
    if (types.length > 1) return fc.oneof(...types.map((t) => this.build({ ...schema, type: t }, depth)));
    switch (types[0]) {
      case 'string':
        return this.string(schema);
      case 'integer':
        return fc.integer({ min: schema.minimum ?? -1_000_000, max: schema.maximum ?? 1_000_000 });
      case 'number':
        return fc.double({
          noNaN: true,
          noDefaultInfinity: true,
          min: schema.minimum ?? -1e9,
          max: schema.maximum ?? 1e9,
        });
      case 'boolean':
        return fc.boolean();
      case 'null':
        return fc.constant(null);
      case 'array':
        return this.array(schema, depth);
      case 'object':
        return this.object(schema, depth);
      default:
        throw new Error(`unsupported type ${String(types[0])}`);
    }
  }

  private string(schema: JsonSchema): fc.Arbitrary<string> {
    switch (schema.format) {
      case 'uri':
        return uriArb;
      case 'uri-template':
        return uriTemplateArb;
      case 'byte':
        return fc.base64String({ maxLength: 16 });
      default:
        return fc.string({ maxLength: 8 });
    }
  }

  private array(schema: JsonSchema, depth: number): fc.Arbitrary<unknown[]> {
    const minLength = schema.minItems ?? 0;
    const cap = depth >= this.maxDepth ? minLength : this.maxItems;
    const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? cap, cap));
    if (maxLength === 0) return fc.constant([]);
    const items = schema.items === undefined ? smallJsonValue : this.build(schema.items, depth + 1);
    return fc.array(items, { minLength, maxLength });
  }

  private object(schema: JsonSchema, depth: number): fc.Arbitrary<Record<string, unknown>> {
    const deep = depth >= this.maxDepth;
    const required = new Set(schema.required ?? []);
    const props = schema.properties ?? {};
    const model: Record<string, fc.Arbitrary<unknown>> = {};
    for (const [key, sub] of Object.entries(props)) {
      if (deep && !required.has(key)) continue;
      model[key] = this.build(sub, depth + 1);
    }
    const declared = fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
    const additional = schema.additionalProperties;
    if (deep || additional === false || this.maxExtraKeys === 0) return declared;
    const extraValue = typeof additional === 'object' ? this.build(additional, depth + 1) : smallJsonValue;
    const pool = EXTRA_KEYS.filter((k) => !(k in props));
    const n = this.maxExtraKeys;
    const extras = fc.tuple(fc.subarray(pool, { maxLength: n }), fc.array(extraValue, { minLength: n, maxLength: n }));
    return fc.tuple(extras, declared).map(([[keys, vals], d]) => {
      const out: Record<string, unknown> = {};
      keys.forEach((k, i) => (out[k] = vals[i]));
      return Object.assign(out, d);
    });
  }

  /** Merges `allOf` members into one schema; a `const` wins over the type it narrows. */
  private mergeAll(members: JsonSchema[]): JsonSchema {
    const resolved = members.map((m) => (m.$ref !== undefined ? this.resolve(m.$ref) : m));
    return resolved.reduce((a, b) => this.merge(a, b));
  }

  private merge(a: JsonSchema, b: JsonSchema): JsonSchema {
    if ('const' in b) return b;
    if ('const' in a) return a;
    if (a.allOf !== undefined || b.allOf !== undefined || a.$ref !== undefined || b.$ref !== undefined) {
      const flat = (s: JsonSchema): JsonSchema =>
        s.$ref !== undefined ? this.resolve(s.$ref) : s.allOf ? this.mergeAll(s.allOf) : s;
      return this.merge(flat(a), flat(b));
    }
    const properties: Record<string, JsonSchema> = { ...(a.properties ?? {}) };
    for (const [key, sub] of Object.entries(b.properties ?? {})) {
      const existing = properties[key];
      properties[key] = existing === undefined ? sub : this.merge(existing, sub);
    }
    return {
      ...a,
      ...b,
      properties,
      required: [...new Set([...(a.required ?? []), ...(b.required ?? [])])],
      type: b.type ?? a.type,
    };
  }
}
