/**
 * The Standard Schema V1 and Standard JSON Schema interfaces (https://standardschema.dev), declared
 * here so the server depends on no schema library: zod 3/4, valibot and arktype all implement them.
 *
 * @module
 */

/** One validation issue of a Standard Schema. */
export interface StandardIssue {
  /** What is wrong. */
  readonly message: string;
  /** Where: property keys or `{ key }` segments from the root of the value. */
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** The outcome of a Standard Schema validation. */
export type StandardResult<Output> =
  | { readonly value: Output; readonly issues?: undefined }
  | { readonly issues: ReadonlyArray<StandardIssue> };

/** The `~standard` property of a Standard Schema V1. */
export interface StandardSchemaProps<Input = unknown, Output = Input> {
  /** The spec version, 1. */
  readonly version: 1;
  /** The library that made the schema (`zod`, `valibot`, `arktype`). */
  readonly vendor: string;
  /** Validates a value. */
  readonly validate: (value: unknown) => StandardResult<Output> | Promise<StandardResult<Output>>;
  /** Type carrier only; never present at run time. */
  readonly types?: { readonly input: Input; readonly output: Output } | undefined;
  /** The Standard JSON Schema converter, when the library implements it (zod ≥ 4.2, arktype). */
  readonly jsonSchema?: StandardJsonSchemaConverter | undefined;
}

/** The Standard JSON Schema converter a schema may carry under `~standard.jsonSchema`. */
export interface StandardJsonSchemaConverter {
  /** JSON Schema of the accepted input. */
  readonly input: (options: { readonly target: string }) => Record<string, unknown>;
  /** JSON Schema of the produced output. */
  readonly output: (options: { readonly target: string }) => Record<string, unknown>;
}

/**
 * Any Standard Schema V1: a zod 3/4, valibot or arktype schema.
 *
 * @example
 * ```ts
 * const schema: StandardSchemaV1<{ city: string }> = z.object({ city: z.string() });
 * ```
 */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  /** The Standard Schema properties. */
  readonly '~standard': StandardSchemaProps<Input, Output>;
}

/** The input type a Standard Schema accepts. */
export type InferInput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['input'];

/** The output type a Standard Schema produces. */
export type InferOutput<S extends StandardSchemaV1> = NonNullable<S['~standard']['types']>['output'];

/** A JSON Schema object, as sent in `inputSchema` / `outputSchema`. */
export type JsonSchemaObject = { [key: string]: unknown };

/** True if `value` implements Standard Schema V1. */
export function isStandardSchema(value: unknown): value is StandardSchemaV1 {
  if (typeof value !== 'object' && typeof value !== 'function') return false;
  if (value === null) return false;
  const props = (value as { '~standard'?: unknown })['~standard'];
  return typeof props === 'object' && props !== null && typeof (props as StandardSchemaProps).validate === 'function';
}
