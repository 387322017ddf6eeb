/**
 * Maps an official definition name, per protocol version, to the mcpkit schema that stands for it.
 * By default `Foo` maps to the exported `FooSchema`; renamed and era-specific ones are listed here.
 */
import type * as z from 'zod/mini';
import * as schemas from '../../src/schemas/index.js';
import * as jsonrpc from '../../src/schemas/jsonrpc.js';
import type { SpecVersion } from './spec-files.js';

type AnySchema = z.ZodMiniType;

const exported: Record<string, unknown> = { ...jsonrpc, ...schemas };

/** Official names whose mcpkit schema has another name, by version ('*' = every version). */
const RENAMED: Record<string, Record<string, string>> = {
  '*': { Error: 'ErrorObjectSchema' },
  '2025-06-18': { JSONRPCError: 'JSONRPCErrorResponseSchema' },
  '2025-03-26': { JSONRPCError: 'JSONRPCErrorResponseSchema', ResourceReference: 'ResourceTemplateReferenceSchema' },
  '2024-11-05': { JSONRPCError: 'JSONRPCErrorResponseSchema', ResourceReference: 'ResourceTemplateReferenceSchema' },
};

function isSchema(value: unknown): value is AnySchema {
  return typeof value === 'object' && value !== null && 'safeParse' in value && '_zod' in value;
}

/** The mcpkit schema for official definition `name` of `version`, or undefined if there is none. */
export function ourSchemaFor(version: SpecVersion, name: string): AnySchema | undefined {
  const exportName = RENAMED[version]?.[name] ?? RENAMED['*']?.[name] ?? `${name}Schema`;
  const candidate = exported[exportName];
  return isSchema(candidate) ? candidate : undefined;
}
