import { McpkitError, McpkitErrorCode } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, type ClientOptions } from '@mcpkit/client';
import { TOOLS, finish, fixtureHandlers } from './helpers/fixtures.js';
import { startRawServer, type RawServer } from './helpers/raw-server.js';

const info = { name: 'test-client', version: '0.0.1' };
let server: RawServer | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
});

async function connect(era: 'modern' | 'legacy', structured?: unknown, options: ClientOptions = {}): Promise<Client> {
  server = await startRawServer({ handlers: fixtureHandlers(era === 'modern', arguments.length > 1 ? { structured } : {}) });
  client = new Client(info, { era, ...options });
  await client.connect(server.clientTransport);
  return client;
}

describe.each(['modern', 'legacy'] as const)('structuredContent, %s era', (era) => {
  it('returns typed structuredContent that matches the output schema', async () => {
    const c = await connect(era);
    for await (const _tool of c.tools());
    const result = await c.callTool<{ temperature: number; unit: 'C' | 'F' }>({ name: 'weather' });
    expect(result.structuredContent?.temperature).toBe(21.5);
  });

  it('rejects structuredContent that violates the output schema, with the issues', async () => {
    const c = await connect(era, { temperature: 'warm', unit: 'K' });
    for await (const _tool of c.tools());
    const error = await c.callTool({ name: 'weather' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpkitError);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.InvalidResponse);
    const issues = ((error as McpkitError).data as { issues: Array<{ path: string; keyword: string }> }).issues;
    expect(issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/temperature', keyword: 'type' })]));
    expect(issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: '/unit', keyword: 'enum' })]));
  });

  it('rejects a missing structuredContent when the tool has an output schema', async () => {
    const c = await connect(era, undefined);
    await c.listTools();
    const error = await c.callTool({ name: 'weather' }).catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.InvalidResponse);
  });

  it('does not check a tool it has not listed, nor when validation is off', async () => {
    const c = await connect(era, { temperature: 'warm' }, { outputValidator: false });
    await c.listTools();
    await expect(c.callTool({ name: 'weather' })).resolves.toMatchObject({ structuredContent: { temperature: 'warm' } });
  });
});

describe('tool definitions', () => {
  it('forwards schemas untouched: $ref is not dereferenced', async () => {
    const c = await connect('modern');
    const { tools } = await c.listTools();
    expect(tools[1]?.outputSchema).toEqual(TOOLS[1]?.outputSchema);
  });

  it('drops tools with invalid x-mcp-header annotations and keeps the valid ones', async () => {
    const tools = [
      { name: 'valid', inputSchema: { type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } } } },
      { name: 'empty', inputSchema: { type: 'object', properties: { v: { type: 'string', 'x-mcp-header': '' } } } },
      { name: 'number', inputSchema: { type: 'object', properties: { v: { type: 'number', 'x-mcp-header': 'N' } } } },
      { name: 'dup', inputSchema: { type: 'object', properties: { a: { type: 'string', 'x-mcp-header': 'X' }, b: { type: 'string', 'x-mcp-header': 'x' } } } },
      { name: 'nested-in-items', inputSchema: { type: 'object', properties: { a: { type: 'array', items: { type: 'string', 'x-mcp-header': 'A' } } } } },
      { name: 'space', inputSchema: { type: 'object', properties: { v: { type: 'string', 'x-mcp-header': 'My Region' } } } },
    ];
    server = await startRawServer({ handlers: { 'tools/list': () => finish(true, { tools }, true) } });
    client = new Client(info);
    const warnings: Error[] = [];
    client.on('error', (e) => warnings.push(e));
    await client.connect(server.clientTransport);
    const listed = await client.listTools();
    expect(listed.tools.map((t) => t.name)).toEqual(['valid']);
    expect(warnings).toHaveLength(5);
  });
});
