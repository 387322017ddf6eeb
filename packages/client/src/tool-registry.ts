/**
 * What the client remembers of listed tools: output schemas (to check `structuredContent`) and
 * which definitions to drop for invalid `x-mcp-header` annotations (SEP-2243).
 *
 * @module
 */
import { McpkitError, McpkitErrorCode } from '@mcpkit/core';
import type { JsonSchemaValidator } from '@mcpkit/core';
import { isRecord } from './is-record.js';

// RFC 9110 tchar: the only characters a header name part may hold.
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const PRIMITIVE = new Set(['string', 'integer', 'boolean']);

function hasAnnotation(node: unknown, depth: number): boolean {
  if (depth > 64 || typeof node !== 'object' || node === null) return false;
  if (isRecord(node) && 'x-mcp-header' in node) return true;
  return Object.values(node).some((child) => hasAnnotation(child, depth + 1));
}

/**
 * Why a tool's `x-mcp-header` annotations make it invalid, or `undefined` when they are fine.
 * Annotations must be non-empty header tokens, unique ignoring case, on string/integer/boolean
 * properties reachable from the root through `properties` keys only.
 */
export function invalidHeaderAnnotation(inputSchema: unknown): string | undefined {
  const seen = new Set<string>();
  const walk = (schema: Record<string, unknown>, depth: number): string | undefined => {
    for (const [keyword, child] of Object.entries(schema)) {
      if (keyword !== 'properties' && hasAnnotation(child, depth + 1)) return `x-mcp-header under "${keyword}" is not statically reachable`;
    }
    const props = isRecord(schema['properties']) ? schema['properties'] : {};
    for (const [key, sub] of Object.entries(props)) {
      if (!isRecord(sub)) continue;
      if ('x-mcp-header' in sub) {
        const name = sub['x-mcp-header'];
        if (typeof name !== 'string' || !TOKEN.test(name)) return `x-mcp-header of "${key}" is not a valid header name`;
        if (seen.has(name.toLowerCase())) return `x-mcp-header "${name}" is declared twice`;
        seen.add(name.toLowerCase());
        const type = sub['type'];
        const types = Array.isArray(type) ? type.filter((t) => t !== 'null') : [type];
        if (types.length === 0 || !types.every((t) => typeof t === 'string' && PRIMITIVE.has(t))) {
          return `x-mcp-header "${name}" is on a property that is not a string, integer or boolean`;
        }
      }
      const { ['x-mcp-header']: _own, ...rest } = sub;
      const problem = walk(rest, depth + 1);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
  return isRecord(inputSchema) ? walk(inputSchema, 0) : undefined;
}

/** Remembers the output schemas of listed tools and checks tool results against them. */
export class ToolRegistry {
  readonly #outputSchemas = new Map<string, unknown>();

  /** @param validator - checks a value against a JSON Schema; `undefined` turns checking off */
  constructor(private readonly validator: JsonSchemaValidator | undefined) {}

  /** Records the tools of one `tools/list` page. */
  remember(tools: ReadonlyArray<Record<string, unknown>>): void {
    for (const tool of tools) {
      if (typeof tool['name'] !== 'string') continue;
      if (tool['outputSchema'] === undefined) this.#outputSchemas.delete(tool['name']);
      else this.#outputSchemas.set(tool['name'], tool['outputSchema']);
    }
  }

  /** Forgets everything (the tool list changed). */
  clear(): void {
    this.#outputSchemas.clear();
  }

  /**
   * Throws `MCPKIT_INVALID_RESPONSE` (with the validation issues) when a successful result of a
   * tool with a known output schema lacks `structuredContent` or does not match the schema.
   */
  check(name: string, result: Record<string, unknown>): void {
    const schema = this.#outputSchemas.get(name);
    if (schema === undefined || this.validator === undefined || result['isError'] === true) return;
    if (result['structuredContent'] === undefined) {
      throw new McpkitError(McpkitErrorCode.InvalidResponse, `Tool ${name} has an output schema but returned no structuredContent`, {
        data: { tool: name, issues: [] },
      });
    }
    const issues = this.validator(schema, result['structuredContent']);
    if (issues.length > 0) {
      const first = issues[0];
      const where = first === undefined || first.path === '' ? '' : ` at ${first.path}`;
      throw new McpkitError(
        McpkitErrorCode.InvalidResponse,
        `structuredContent of tool ${name} does not match its output schema: ${first?.message ?? 'invalid'}${where}`,
        { data: { tool: name, issues } },
      );
    }
  }
}
