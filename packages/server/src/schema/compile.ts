/**
 * Turns what a server author passes as a schema (any Standard Schema, or a raw JSON Schema) into
 * the JSON Schema sent in `tools/list` (computed once, at registration) and a validator.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode, validateJsonSchema, type JsonSchemaIssue } from '@mcpkit/core';

/** One failed check: where (`path`, property keys and array indices from the root) and why. */
export interface SchemaIssue {
  /** Property keys and array indices from the root. */
  readonly path: ReadonlyArray<string | number>;
  /** What is wrong, in one sentence. */
  readonly message: string;
}

/** A JSON Pointer (`/items/0/name`) as path segments, array indices as numbers. */
function pointerToPath(pointer: string): Array<string | number> {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((raw) => {
      const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^(0|[1-9]\d*)$/.test(key) ? Number(key) : key;
    });
}

function fromJsonSchemaIssue(issue: JsonSchemaIssue): SchemaIssue {
  return { path: pointerToPath(issue.path), message: issue.message };
}
import { isStandardSchema, type JsonSchemaObject, type StandardSchemaV1 } from './standard-schema.js';

/** What the author may pass as a schema: a Standard Schema or a raw JSON Schema object. */
export type SchemaInput = StandardSchemaV1 | JsonSchemaObject;

/**
 * Converts a Standard Schema that does not implement Standard JSON Schema (zod 3, valibot without
 * `toStandardJsonSchema`) to JSON Schema. Return `undefined` to decline.
 *
 * @example
 * ```ts
 * import { zodToJsonSchema } from 'zod-to-json-schema';
 * const converter: JsonSchemaConverter = (schema, io) => zodToJsonSchema(schema as never, { target: 'jsonSchema2019-09' }) as JsonSchemaObject;
 * ```
 */
export type JsonSchemaConverter = (schema: StandardSchemaV1, io: 'input' | 'output') => JsonSchemaObject | undefined;

/** The outcome of {@link CompiledSchema.validate}. */
export type ValidationOutcome<T> = { ok: true; value: T } | { ok: false; issues: SchemaIssue[] };

/** A schema ready to use: its JSON Schema and a validator. */
export interface CompiledSchema<T = unknown> {
  /** The JSON Schema (2020-12) sent to clients. */
  readonly jsonSchema: JsonSchemaObject;
  /** Validates (and for Standard Schemas, transforms) a value. */
  validate(value: unknown): Promise<ValidationOutcome<T>>;
}

const TARGET = 'draft-2020-12';

function toJsonSchema(schema: StandardSchemaV1, io: 'input' | 'output', converter: JsonSchemaConverter | undefined): JsonSchemaObject {
  const std = schema['~standard'];
  if (std.jsonSchema !== undefined) {
    try {
      return std.jsonSchema[io]({ target: TARGET });
    } catch (error) {
      throw new McpkitError(McpkitErrorCode.InvalidArgument, `This ${std.vendor} schema cannot be expressed as JSON Schema; pass a JSON Schema instead`, { cause: error });
    }
  }
  const converted = converter?.(schema, io);
  if (converted !== undefined) return converted;
  throw new McpkitError(
    McpkitErrorCode.InvalidArgument,
    `Cannot derive a JSON Schema from this ${std.vendor} schema: use a library that implements Standard JSON Schema ` +
      '(zod >= 4.2, arktype, valibot via toStandardJsonSchema) or set the server option `jsonSchemaConverter` (zod 3: zod-to-json-schema)',
  );
}

function pathOf(path: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined): Array<string | number> {
  return (path ?? []).map((p) => {
    const key = typeof p === 'object' ? p.key : p;
    return typeof key === 'number' ? key : String(key);
  });
}

/**
 * Compiles a schema. `root: 'object'` requires (and for a bare schema, adds) `type: "object"`, as
 * tool `inputSchema`/`outputSchema` must have.
 */
export function compileSchema<T = unknown>(
  schema: SchemaInput,
  options: { io: 'input' | 'output'; converter?: JsonSchemaConverter | undefined; label: string },
): CompiledSchema<T> {
  if (isStandardSchema(schema)) {
    const jsonSchema = normalizeObjectRoot(toJsonSchema(schema, options.io, options.converter), options.label);
    return {
      jsonSchema,
      async validate(value) {
        const result = await schema['~standard'].validate(value);
        if (result.issues === undefined) return { ok: true, value: result.value as T };
        return { ok: false, issues: result.issues.map((i) => ({ path: pathOf(i.path), message: i.message })) };
      },
    };
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    throw new McpkitError(McpkitErrorCode.InvalidArgument, `${options.label} must be a Standard Schema or a JSON Schema object`);
  }
  const jsonSchema = normalizeObjectRoot(schema, options.label);
  return {
    jsonSchema,
    async validate(value) {
      const issues = validateJsonSchema(jsonSchema, value);
      return issues.length === 0 ? { ok: true, value: value as T } : { ok: false, issues: issues.map(fromJsonSchemaIssue) };
    },
  };
}

function normalizeObjectRoot(schema: JsonSchemaObject, label: string): JsonSchemaObject {
  if (schema.type === 'object') return schema;
  if (schema.type === undefined) return { type: 'object', ...schema };
  throw new McpkitError(McpkitErrorCode.InvalidArgument, `${label} must describe an object (type: "object"), got type ${JSON.stringify(schema.type)}`);
}

/** Formats issues for a person: `city: Required; days: Expected number, received string`. */
export function formatIssues(issues: ReadonlyArray<SchemaIssue>, limit = 10): string {
  const shown = issues.slice(0, limit).map((i) => {
    const where = i.path.reduce<string>((acc, p) => (typeof p === 'number' ? `${acc}[${p}]` : acc === '' ? p : `${acc}.${p}`), '');
    return where === '' ? i.message : `${where}: ${i.message}`;
  });
  const more = issues.length > limit ? `; and ${issues.length - limit} more` : '';
  return shown.join('; ') + more;
}
