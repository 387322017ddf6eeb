/** Handlers of a small tools/resources/prompts server, paginated, for the raw test server. */
import { ErrorCode, McpError } from '@mcpkit/core';
import type { Handler } from './raw-server.js';

export const TOOLS = [
  { name: 'add', description: 'Adds', inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } } } },
  {
    name: 'weather',
    description: 'Weather',
    inputSchema: { type: 'object' },
    outputSchema: {
      type: 'object',
      properties: { temperature: { type: 'number' }, unit: { $ref: '#/$defs/unit' } },
      required: ['temperature', 'unit'],
      $defs: { unit: { enum: ['C', 'F'] } },
    },
  },
  { name: 'echo', description: 'Echoes', inputSchema: { type: 'object' } },
];

/** Extra `complete` result fields in the modern era. */
export function finish(modern: boolean, result: Record<string, unknown>, cacheable = false): Record<string, unknown> {
  if (!modern) return result;
  return { resultType: 'complete', ...(cacheable ? { ttlMs: 60_000, cacheScope: 'public' } : {}), ...result };
}

/** Splits `items` into pages of `size`, cursor = next index. */
function page<T>(items: T[], cursor: unknown, size: number): { items: T[]; nextCursor?: string } {
  const start = typeof cursor === 'string' ? Number(cursor) : 0;
  if (!Number.isInteger(start) || start < 0 || start > items.length) throw new McpError(ErrorCode.InvalidParams, 'Invalid cursor');
  const next = start + size;
  return next < items.length ? { items: items.slice(start, next), nextCursor: String(next) } : { items: items.slice(start) };
}

export function fixtureHandlers(modern: boolean, overrides: { structured?: unknown } = {}): Record<string, Handler> {
  const resources = Array.from({ length: 5 }, (_, i) => ({ uri: `test://r/${i}`, name: `r${i}` }));
  const prompts = Array.from({ length: 3 }, (_, i) => ({ name: `p${i}`, description: `prompt ${i}` }));
  return {
    'tools/list': (p) => {
      const { items, nextCursor } = page(TOOLS, p['cursor'], 2);
      return finish(modern, { tools: items, ...(nextCursor === undefined ? {} : { nextCursor }) }, true);
    },
    'tools/call': (p) => {
      const args = (p['arguments'] ?? {}) as Record<string, unknown>;
      if (p['name'] === 'add') return finish(modern, { content: [{ type: 'text', text: String(Number(args['a']) + Number(args['b'])) }] });
      if (p['name'] === 'weather') {
        const structured = 'structured' in overrides ? overrides.structured : { temperature: 21.5, unit: 'C' };
        return finish(modern, { content: [{ type: 'text', text: JSON.stringify(structured) }], ...(structured === undefined ? {} : { structuredContent: structured }) });
      }
      if (p['name'] === 'echo') return finish(modern, { content: [{ type: 'text', text: JSON.stringify(args) }] });
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${String(p['name'])}`);
    },
    'resources/list': (p) => {
      const { items, nextCursor } = page(resources, p['cursor'], 2);
      return finish(modern, { resources: items, ...(nextCursor === undefined ? {} : { nextCursor }) }, true);
    },
    'resources/templates/list': () => finish(modern, { resourceTemplates: [{ uriTemplate: 'test://t/{id}', name: 't' }] }, true),
    'resources/read': (p) => finish(modern, { contents: [{ uri: String(p['uri']), mimeType: 'text/plain', text: `content of ${String(p['uri'])}` }] }, true),
    'prompts/list': (p) => {
      const { items, nextCursor } = page(prompts, p['cursor'], 2);
      return finish(modern, { prompts: items, ...(nextCursor === undefined ? {} : { nextCursor }) }, true);
    },
    'prompts/get': (p) =>
      finish(modern, { messages: [{ role: 'user', content: { type: 'text', text: `${String(p['name'])}:${JSON.stringify(p['arguments'] ?? {})}` } }] }),
    'completion/complete': (p) => {
      const arg = p['argument'] as { value: string };
      return finish(modern, { completion: { values: [`${arg.value}1`, `${arg.value}2`], total: 2, hasMore: false } });
    },
    'logging/setLevel': () => ({}),
    'resources/subscribe': () => ({}),
    'resources/unsubscribe': () => ({}),
  };
}
