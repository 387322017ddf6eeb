/**
 * Interop: the mcpkit Client against the official v2 server (@modelcontextprotocol/server 2.4.0)
 * over the in-memory transport, in both eras.
 */
import { McpServer, acceptedContent, createMcpHandler, inputRequired } from '@modelcontextprotocol/server';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { Client } from '@mcpkit/client';
import { createMemoryTransportPair } from '@mcpkit/transports/memory';
import { StreamableHttpClientTransport } from '@mcpkit/transports/streamable-http';

let client: Client | undefined;
let server: McpServer | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
});

function officialServer(): McpServer {
  const s = new McpServer({ name: 'official', version: '2.4.0' }, { capabilities: { logging: {} } });
  s.registerTool(
    'add',
    {
      description: 'Adds two numbers',
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      outputSchema: z.object({ sum: z.number() }),
    },
    async ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }], structuredContent: { sum: a + b } }),
  );
  s.registerTool('confirm', { description: 'Asks first', inputSchema: z.object({ what: z.string() }) }, async ({ what }, ctx) => {
    const answer = acceptedContent(ctx.mcpReq.inputResponses, 'ok');
    if (answer?.['yes'] !== true) {
      return inputRequired({
        inputRequests: {
          ok: inputRequired.elicit({
            message: `Really ${what}?`,
            requestedSchema: { type: 'object', properties: { yes: { type: 'boolean', default: true } } },
          }),
        },
      });
    }
    return { content: [{ type: 'text', text: `did ${what}` }] };
  });
  s.registerResource('readme', 'test://readme', { description: 'A readme', mimeType: 'text/plain' }, async (uri) => ({
    contents: [{ uri: uri.href, text: 'hello' }],
  }));
  s.registerPrompt('greet', { description: 'Greets', argsSchema: z.object({ name: z.string() }) }, ({ name }) => ({
    messages: [{ role: 'user', content: { type: 'text', text: `Hello ${name}` } }],
  }));
  return s;
}

async function exercise(c: Client): Promise<void> {
  expect(c.serverInfo?.name).toBe('official');

  const tools = [];
  for await (const tool of c.tools()) tools.push(tool.name);
  expect(tools).toEqual(['add', 'confirm']);
  const sum = await c.callTool<{ sum: number }>({ name: 'add', arguments: { a: 2, b: 3 } });
  expect(sum.structuredContent?.sum).toBe(5);

  const confirmed = await c.callTool({ name: 'confirm', arguments: { what: 'deploy' } });
  expect(confirmed.content[0]).toEqual({ type: 'text', text: 'did deploy' });

  const read = await c.readResource({ uri: 'test://readme' });
  expect(read.contents[0]).toMatchObject({ text: 'hello' });
  const prompt = await c.getPrompt({ name: 'greet', arguments: { name: 'Ada' } });
  expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: 'Hello Ada' });
  await c.setLoggingLevel('debug');
  await c.ping();
}

const elicitation = { form: () => ({ action: 'accept' as const, content: {} }) };

describe('official v2 server', () => {
  // Over a plain (memory) transport the official server answers server/discover with -32601: the client falls back.
  it.each(['auto', 'legacy'] as const)('over memory, era option %s: legacy era, every call works', async (era) => {
    const [clientTransport, serverTransport] = createMemoryTransportPair();
    server = officialServer();
    await server.connect(serverTransport as never);
    client = new Client({ name: 'mcpkit', version: '0.1.0' }, { era, elicitation });
    await client.connect(clientTransport);
    expect(client.era).toBe('legacy');
    await exercise(client);
  });

  it('over its Streamable HTTP handler: modern era, every call works, MRTR and listen included', async () => {
    const handler = createMcpHandler(() => officialServer());
    const fetch = (input: URL | string | Request, init?: RequestInit) => handler.fetch(new Request(input, init));
    client = new Client({ name: 'mcpkit', version: '0.1.0' }, { elicitation });
    try {
      await client.connect(new StreamableHttpClientTransport('http://127.0.0.1/mcp', { fetch }));
      expect(client.era).toBe('modern');
      await exercise(client);
      const changed: string[] = [];
      client.on('toolsListChanged', () => changed.push('tools'));
      client.on('resourceUpdated', ({ uri }) => changed.push(uri));
      const sub = await client.listen({ toolsListChanged: true, resourceSubscriptions: ['test://readme'] });
      expect(sub.acknowledged.toolsListChanged).toBe(true);
      // The official server declares no resources.subscribe and leaves the URI out of its acknowledgment.
      expect(sub.acknowledged.resourceSubscriptions ?? []).toEqual([]);
      handler.notify.toolsChanged();
      await expect.poll(() => changed).toEqual(['tools']);
      await sub.close();
    } finally {
      await handler.close();
    }
  });
});
