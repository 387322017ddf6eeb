/**
 * Interop: the mcpkit `Client` over `StreamableHttpClientTransport` against the official v2 server
 * (`@modelcontextprotocol/server` 2.4.0) behind its Web-standard `createMcpHandler`, served on a
 * real loopback socket, in both eras.
 */
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ErrorCode, McpError } from '@mcpkit/core';
import { Client, type ClientOptions } from '@mcpkit/client';
import { serve } from '@mcpkit/transports/http';
import { StreamableHttpClientTransport } from '@mcpkit/transports/streamable-http';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function officialServer(): McpServer {
  const s = new McpServer({ name: 'official-v2', version: '2.4.0' });
  s.registerTool(
    'add',
    { description: 'Adds two numbers', inputSchema: z.object({ a: z.number(), b: z.number() }), outputSchema: z.object({ sum: z.number() }) },
    async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }], structuredContent: { sum: a + b } }),
  );
  s.registerResource('readme', 'test://readme', { mimeType: 'text/plain' }, async (uri) => ({ contents: [{ uri: uri.href, text: 'hello from v2' }] }));
  s.registerPrompt('greet', { description: 'Greets', argsSchema: z.object({ name: z.string() }) }, ({ name }) => ({
    messages: [{ role: 'user', content: { type: 'text', text: `Hello ${name}` } }],
  }));
  return s;
}

const ERAS: Array<[string, string, ClientOptions]> = [
  // Default negotiation: server/discover succeeds, so the client speaks 2026-07-28.
  ['modern', '2026-07-28', {}],
  // Pinned legacy: the official handler serves it through its stateless legacy fallback.
  ['legacy', '2025-11-25', { protocolVersion: '2025-11-25' }],
];

async function mcpkitClient(options: ClientOptions): Promise<Client> {
  const handler = createMcpHandler(() => officialServer());
  const served = await serve((request) => handler.fetch(request));
  cleanups.push(async () => {
    await handler.close();
    await served.close();
  });
  const client = new Client({ name: 'mcpkit', version: '1' }, options);
  await client.connect(new StreamableHttpClientTransport(new URL('/mcp', served.url)));
  cleanups.push(() => client.close());
  return client;
}

describe.each(ERAS)('mcpkit Client → official v2 Streamable HTTP server (%s era)', (era, version, options) => {
  it('connects in the expected era', async () => {
    const client = await mcpkitClient(options);
    expect(client.era).toBe(era);
    expect(client.protocolVersion).toBe(version);
    expect(client.serverInfo?.name).toBe('official-v2');
  });

  it('lists and calls tools, with structured output', async () => {
    const client = await mcpkitClient(options);
    const names: string[] = [];
    for await (const tool of client.tools()) names.push(tool.name);
    expect(names).toEqual(['add']);
    const sum = await client.callTool<{ sum: number }>({ name: 'add', arguments: { a: 40, b: 2 } });
    expect(sum.structuredContent).toEqual({ sum: 42 });
    expect(sum.content).toEqual([{ type: 'text', text: '42' }]);
  });

  it('reads resources and gets prompts', async () => {
    const client = await mcpkitClient(options);
    const listed = await client.listResources();
    expect(listed.resources.map((r) => r.uri)).toEqual(['test://readme']);
    const read = await client.readResource({ uri: 'test://readme' });
    expect(read.contents).toEqual([{ uri: 'test://readme', text: 'hello from v2' }]);
    const prompt = await client.getPrompt({ name: 'greet', arguments: { name: 'Ada' } });
    expect(prompt.messages).toEqual([{ role: 'user', content: { type: 'text', text: 'Hello Ada' } }]);
  });

  it('surfaces the official server’s errors as wire errors', async () => {
    const client = await mcpkitClient(options);
    const error = await client.getPrompt({ name: 'nope' }).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).code).toBe(ErrorCode.InvalidParams);
  });
});
