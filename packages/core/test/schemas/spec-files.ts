/**
 * Where the shared MCP specification lives (`<repo>/../shared/spec`) and how to load it.
 */
import { readFileSync, readdirSync } from 'node:fs';
import type { JsonSchemaDocument } from './json-schema-arbitrary.js';

/** The spec folder, beside the repository. */
export const SPEC_ROOT = new URL('../../../../../shared/spec/', import.meta.url);

/** The protocol versions whose official JSON Schemas are checked. */
export const SPEC_VERSIONS = ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'] as const;
/** One of {@link SPEC_VERSIONS}. */
export type SpecVersion = (typeof SPEC_VERSIONS)[number];

/** The official schema document of `version`. */
export function loadOfficialSchema(version: SpecVersion): JsonSchemaDocument & { $schema?: string } {
  return JSON.parse(readFileSync(new URL(`schema/${version}/schema.json`, SPEC_ROOT), 'utf8')) as JsonSchemaDocument;
}

/** The definition names of a schema document. */
export function definitionNames(document: JsonSchemaDocument): string[] {
  return Object.keys(document.$defs ?? document.definitions ?? {}).sort();
}

/** Every example of 2026-07-28: `[type, file name, parsed JSON]`. */
export function loadExamples(): Array<[string, string, unknown]> {
  const root = new URL('schema/2026-07-28/examples/', SPEC_ROOT);
  const out: Array<[string, string, unknown]> = [];
  for (const type of readdirSync(root).sort()) {
    for (const file of readdirSync(new URL(`${type}/`, root)).sort()) {
      if (!file.endsWith('.json')) continue;
      out.push([type, file, JSON.parse(readFileSync(new URL(`${type}/${file}`, root), 'utf8'))]);
    }
  }
  return out;
}
