/**
 * Tool registrations: the config an author writes, the handler types inferred from its schemas,
 * and the entry the server keeps (wire definition and validators computed once).
 *
 * @module
 */
import { McpkitError, McpkitErrorCode, type ContentBlock, type Icon, type Tool, type ToolAnnotations } from '@mcpkit/core';
import type { ServerContext } from '../context/server-context.js';
import { compileSchema, type CompiledSchema, type JsonSchemaConverter, type SchemaInput } from '../schema/compile.js';
import type { InferInput, InferOutput, JsonSchemaObject, StandardSchemaV1 } from '../schema/standard-schema.js';
import type { CacheHints } from './registry.js';

/** Whether a tool may run as a task (tasks extension). */
export type TaskSupport = 'forbidden' | 'optional' | 'required';

/** Everything about a tool except its name and handler. */
export interface ToolConfig<In extends SchemaInput | undefined = undefined, Out extends SchemaInput | undefined = undefined> {
  /** Display name. */
  title?: string;
  /** What the tool does, for the model. */
  description?: string;
  /** Arguments: a Standard Schema (zod, valibot, arktype) or a JSON Schema. Default: no arguments. */
  inputSchema?: In;
  /** Structured result: a Standard Schema or a JSON Schema. */
  outputSchema?: Out;
  /** Behaviour hints. */
  annotations?: ToolAnnotations;
  /** Icons for user interfaces. */
  icons?: Icon[];
  /** Extra `_meta` of the tool definition. */
  _meta?: Record<string, unknown>;
  /** Tasks extension: `'optional'` or `'required'` lets the tool run as a task. Default `'forbidden'`. */
  taskSupport?: TaskSupport;
  /**
   * Tasks extension: `'auto'` (default) runs the whole call as a task; `'manual'` runs it inline
   * until the handler calls `ctx.startTask()` (gather input first, then go async).
   */
  taskStart?: 'auto' | 'manual';
  /** Caching hints contributed to `tools/list` (modern era). */
  cache?: CacheHints;
}

/** The arguments a handler receives for input schema `In`. */
export type ToolArgs<In> = In extends StandardSchemaV1 ? InferOutput<In> : Record<string, unknown>;

/** The structured content a handler returns for output schema `Out`. */
export type ToolStructured<Out> = Out extends StandardSchemaV1 ? InferInput<Out> : Out extends JsonSchemaObject ? Record<string, unknown> : undefined;

/** A tool result as a handler returns it; `content` may be omitted when `structuredContent` is given. */
export interface ToolResultInput {
  /** Content blocks; default: `structuredContent` mirrored as JSON text. */
  content?: ContentBlock[];
  /** Structured result (validated against the output schema). */
  structuredContent?: unknown;
  /** True when the tool failed (the model sees the content). */
  isError?: boolean;
  /** Extra `_meta` of the result. */
  _meta?: Record<string, unknown>;
}

/** What a handler returns for output schema `Out`: a result, or a string as one text block. */
export type ToolReturn<Out> = [ToolStructured<Out>] extends [undefined]
  ? ToolResultInput | string
  : Omit<ToolResultInput, 'structuredContent'> & { structuredContent: ToolStructured<Out> };

/** A tool handler with inferred argument and result types. */
export type ToolHandler<In, Out> = (args: ToolArgs<In>, ctx: ServerContext) => ToolReturn<Out> | Promise<ToolReturn<Out>>;

/** The handle of a registered tool. */
export interface RegisteredTool {
  /** The tool's name. */
  readonly name: string;
  /** Unregisters the tool (clients are told the list changed). Returns false if already gone. */
  remove(): boolean;
}

/** What the server keeps of a tool. */
export interface ToolEntry {
  readonly name: string;
  readonly definition: Tool;
  readonly input: CompiledSchema | undefined;
  readonly output: CompiledSchema | undefined;
  readonly taskSupport: TaskSupport;
  readonly taskStart: 'auto' | 'manual';
  readonly cache: CacheHints | undefined;
  readonly handler: (args: unknown, ctx: ServerContext) => unknown;
}

const NAME_PATTERN = /^[A-Za-z0-9_.-]{1,128}$/;
const EMPTY_INPUT: JsonSchemaObject = { type: 'object', properties: {} };

/** Builds the entry of a tool: checks the name and converts the schemas once. */
export function buildToolEntry(
  name: string,
  config: ToolConfig<SchemaInput | undefined, SchemaInput | undefined>,
  handler: (args: unknown, ctx: ServerContext) => unknown,
  converter: JsonSchemaConverter | undefined,
): ToolEntry {
  if (!NAME_PATTERN.test(name)) {
    throw new McpkitError(McpkitErrorCode.InvalidArgument, `Invalid tool name "${name}": use 1-128 of A-Z a-z 0-9 _ - .`);
  }
  const input = config.inputSchema === undefined ? undefined : compileSchema(config.inputSchema, { io: 'input', converter, label: `inputSchema of tool "${name}"` });
  const output = config.outputSchema === undefined ? undefined : compileSchema(config.outputSchema, { io: 'output', converter, label: `outputSchema of tool "${name}"` });
  const taskSupport = config.taskSupport ?? 'forbidden';
  const definition: Tool = { name, inputSchema: (input?.jsonSchema ?? EMPTY_INPUT) as Tool['inputSchema'] };
  if (config.title !== undefined) definition.title = config.title;
  if (config.description !== undefined) definition.description = config.description;
  if (output !== undefined) definition.outputSchema = output.jsonSchema as Tool['outputSchema'];
  if (config.annotations !== undefined) definition.annotations = config.annotations;
  if (config.icons !== undefined) definition.icons = config.icons;
  if (taskSupport !== 'forbidden') definition.execution = { taskSupport };
  if (config._meta !== undefined) definition._meta = config._meta;
  return { name, definition, input, output, taskSupport, taskStart: config.taskStart ?? 'auto', cache: config.cache, handler };
}
