import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as z from 'zod';
import { McpServer } from '@mcpkit/server';
import { connect } from './helpers.js';

const METHODS = [
  'tools/list', 'tools/call', 'resources/list', 'resources/read', 'resources/templates/list', 'prompts/list', 'prompts/get',
  'completion/complete', 'server/discover', 'tasks/get', 'tasks/update', 'tasks/cancel', 'logging/setLevel', 'resources/subscribe', 'initialize',
];
const CODES = new Set([-32700, -32600, -32601, -32602, -32603, -32002, -32021, -32022]);

function fixture(): McpServer {
  const server = new McpServer({ name: 'fuzz', version: '1' }, { handlerTimeoutMs: 2000 });
  server.tool('t', { description: 't', inputSchema: z.object({ a: z.string() }), taskSupport: 'optional' }, async ({ a }, ctx) => {
    await ctx.elicit({ message: a, requestedSchema: { type: 'object', properties: {} } });
    return a;
  });
  server.resource('r', 'test://r', {}, () => 'r');
  server.resourceTemplate('tpl', 'test://t/{id}', { complete: { id: () => ['1'] } }, (_u, { id }) => String(id));
  server.prompt('p', { description: 'p', argsSchema: z.object({ x: z.string() }) }, ({ x }) => ({ messages: [{ role: 'user', content: { type: 'text', text: x } }] }));
  return server;
}

const meta = fc.oneof(
  fc.constant(undefined),
  fc.record({ 'io.modelcontextprotocol/protocolVersion': fc.oneof(fc.constant('2026-07-28'), fc.string()), 'io.modelcontextprotocol/clientCapabilities': fc.oneof(fc.object(), fc.jsonValue()) }, { requiredKeys: [] }),
);
const params = fc.record(
  {
    name: fc.oneof(fc.constantFrom('t', 'p', 'nope'), fc.jsonValue()),
    uri: fc.oneof(fc.constantFrom('test://r', 'test://t/9', 'x'), fc.jsonValue()),
    arguments: fc.oneof(fc.object(), fc.jsonValue()),
    inputResponses: fc.oneof(fc.object(), fc.jsonValue()),
    requestState: fc.oneof(fc.string(), fc.jsonValue()),
    cursor: fc.oneof(fc.string(), fc.jsonValue()),
    taskId: fc.jsonValue(),
    ref: fc.jsonValue(),
    argument: fc.jsonValue(),
    level: fc.jsonValue(),
    _meta: meta,
  },
  { requiredKeys: [] },
);

describe('bad input never crashes the server', () => {
  it('answers arbitrary params with a result or a standard error, and keeps serving', async () => {
    const server = fixture();
    const c = await connect(server);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...METHODS), params, async (method, p) => {
        try {
          const result = await c.session.request(method, JSON.parse(JSON.stringify(p)) as Record<string, unknown>, { timeout: 5000 });
          expect(typeof result).toBe('object');
        } catch (error) {
          const code = (error as { code?: unknown }).code;
          expect(CODES.has(code as number), `${method} → ${String(code)} ${(error as Error).message}`).toBe(true);
        }
      }),
      { numRuns: 250 },
    );
    expect(await c.session.request('server/discover', { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} } })).toMatchObject({ resultType: 'complete' });
    await c.close();
  });
});
