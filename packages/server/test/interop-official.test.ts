import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/client';
import { createMemoryTransportPair } from '@mcpkit/transports/memory';
import * as z from 'zod';
import { McpServer } from '@mcpkit/server';

type OfficialTransport = Parameters<Client['connect']>[0];

function server(): McpServer {
  const s = new McpServer({ name: 'interop', version: '1.0.0' });
  s.tool('greet', { description: 'asks for a name', inputSchema: z.object({ greeting: z.string() }) }, async ({ greeting }, ctx) => {
    const answer = await ctx.elicit({ message: 'Name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } });
    return `${greeting}, ${String(answer.content?.name)}!`;
  });
  s.tool('add', { description: 'adds', inputSchema: z.object({ a: z.number(), b: z.number() }), outputSchema: z.object({ sum: z.number() }) }, ({ a, b }) => ({
    structuredContent: { sum: a + b },
  }));
  s.resource('readme', 'file:///readme', { mimeType: 'text/plain' }, () => 'read me');
  s.prompt('hello', { description: 'hello', argsSchema: z.object({ who: z.string() }), complete: { who: (v) => ['world', 'wide'].filter((x) => x.startsWith(v)) } }, ({ who }) => ({
    messages: [{ role: 'user', content: { type: 'text', text: `hello ${who}` } }],
  }));
  return s;
}

async function officialClient(mode: 'legacy' | 'modern'): Promise<Client> {
  const [clientEnd, serverEnd] = createMemoryTransportPair();
  await server().connect(serverEnd);
  const client = new Client(
    { name: 'official', version: '2.4.0' },
    { capabilities: { elicitation: {} }, ...(mode === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {}) },
  );
  client.setRequestHandler('elicitation/create', async () => ({ action: 'accept', content: { name: 'Ada' } }));
  await client.connect(clientEnd as unknown as OfficialTransport);
  return client;
}

describe.each(['legacy', 'modern'] as const)('official v2 client (%s era)', (mode) => {
  it('lists, calls (with elicitation), reads, gets prompts and completes', async () => {
    const client = await officialClient(mode);
    const tools = await client.listTools();
    expect(tools.tools.map((t) => t.name)).toEqual(['add', 'greet']);
    const greeted = await client.callTool({ name: 'greet', arguments: { greeting: 'Hi' } });
    expect(greeted.content).toEqual([{ type: 'text', text: 'Hi, Ada!' }]);
    const added = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    expect(added.structuredContent).toEqual({ sum: 5 });
    const read = await client.readResource({ uri: 'file:///readme' });
    expect(read.contents[0]).toMatchObject({ uri: 'file:///readme', text: 'read me' });
    const prompt = await client.getPrompt({ name: 'hello', arguments: { who: 'you' } });
    expect(prompt.messages[0]!.content).toEqual({ type: 'text', text: 'hello you' });
    const completion = await client.complete({ ref: { type: 'ref/prompt', name: 'hello' }, argument: { name: 'who', value: 'w' } });
    expect(completion.completion.values).toEqual(['world', 'wide']);
    await client.close();
  });
});
