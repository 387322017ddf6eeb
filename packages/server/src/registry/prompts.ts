/**
 * Prompt registrations: typed arguments (from a Standard Schema or a plain list), completers and
 * the handler that builds the messages.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode, type Icon, type Prompt, type PromptArgument, type PromptMessage } from '@mcpkit/core';
import type { ServerContext } from '../context/server-context.js';
import { compileSchema, type CompiledSchema, type JsonSchemaConverter, type SchemaInput } from '../schema/compile.js';
import type { InferOutput, StandardSchemaV1 } from '../schema/standard-schema.js';
import type { Completer } from './resources.js';

/** Config of a prompt. */
export interface PromptConfig<A extends SchemaInput | undefined = undefined> {
  /** Display name. */
  title?: string;
  /** What the prompt is for. */
  description?: string;
  /** Arguments: an object schema of string fields (Standard Schema or JSON Schema). */
  argsSchema?: A;
  /** Icons for user interfaces. */
  icons?: Icon[];
  /** Extra `_meta`. */
  _meta?: Record<string, unknown>;
  /** Completers of arguments (`completion/complete` with `ref/prompt`). */
  complete?: Record<string, Completer>;
}

/** The arguments a prompt handler receives. */
export type PromptArgs<A> = A extends StandardSchemaV1 ? InferOutput<A> : Record<string, string | undefined>;

/** What a prompt handler returns. */
export interface PromptReturn {
  /** The messages. */
  messages: PromptMessage[];
  /** A description of this rendering. */
  description?: string;
  /** Extra `_meta` of the result. */
  _meta?: Record<string, unknown>;
}

/** Builds a prompt's messages. */
export type PromptHandler<A> = (args: PromptArgs<A>, ctx: ServerContext) => PromptReturn | Promise<PromptReturn>;

/** The handle of a registered prompt. */
export interface RegisteredPrompt {
  /** The prompt's name. */
  readonly name: string;
  /** Unregisters it (clients are told the list changed). */
  remove(): boolean;
}

/** What the server keeps of a prompt. */
export interface PromptEntry {
  readonly name: string;
  readonly definition: Prompt;
  readonly args: CompiledSchema | undefined;
  readonly complete: Record<string, Completer>;
  readonly handler: (args: unknown, ctx: ServerContext) => PromptReturn | Promise<PromptReturn>;
}

function argumentsOf(jsonSchema: Record<string, unknown>, name: string): PromptArgument[] {
  const props = (jsonSchema.properties ?? {}) as Record<string, { description?: unknown; title?: unknown; type?: unknown }>;
  const required = new Set(Array.isArray(jsonSchema.required) ? (jsonSchema.required as string[]) : []);
  return Object.entries(props).map(([arg, schema]) => {
    if (schema.type !== undefined && schema.type !== 'string') {
      throw new McpkitError(McpkitErrorCode.InvalidArgument, `Argument "${arg}" of prompt "${name}" must be a string: prompt arguments are strings on the wire`);
    }
    const out: PromptArgument = { name: arg, required: required.has(arg) };
    if (typeof schema.description === 'string') out.description = schema.description;
    if (typeof schema.title === 'string') out.title = schema.title;
    return out;
  });
}

/** Builds the entry of a prompt. */
export function buildPromptEntry(
  name: string,
  config: PromptConfig<SchemaInput | undefined>,
  handler: (args: unknown, ctx: ServerContext) => PromptReturn | Promise<PromptReturn>,
  converter: JsonSchemaConverter | undefined,
): PromptEntry {
  const args = config.argsSchema === undefined ? undefined : compileSchema(config.argsSchema, { io: 'input', converter, label: `argsSchema of prompt "${name}"` });
  const definition: Prompt = { name };
  if (config.title !== undefined) definition.title = config.title;
  if (config.description !== undefined) definition.description = config.description;
  if (args !== undefined) definition.arguments = argumentsOf(args.jsonSchema, name);
  if (config.icons !== undefined) definition.icons = config.icons;
  if (config._meta !== undefined) definition._meta = config._meta;
  return { name, definition, args, complete: config.complete ?? {}, handler };
}
