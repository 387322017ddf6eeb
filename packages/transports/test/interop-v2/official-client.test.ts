/**
 * Interop: the official v2 client (`@modelcontextprotocol/client` 2.4.0) and its Streamable HTTP
 * transport against an mcpkit server behind `createStreamableHttpHandler` + `serve`, in both eras.
 */
import { Client, StreamableHTTPClientTransport, type ClientOptions } from '@modelcontextprotocol/client';
import { afterEach, describe, expect, it } from 'vitest';
import { serve } from '@mcpkit/transports/http';
import { createStreamableHttpHandler } from '@mcpkit/transports/streamable-http';
import { LOGO, buildTestServer } from '../matrix/test-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const ERAS: Array<[string, string, ClientOptions]> = [
  // Pinned: the official client probes server/discover and speaks 2026-07-28 only.
  ['modern', '2026-07-28', { versionNegotiation: { mode: { pin: '2026-07-28' } } }],
  // The official client's default posture is the legacy initialize handshake.
  ['legacy', '2025-11-25', {}],
];

async function officialClient(options: ClientOptions): Promise<Client> {
  const server = buildTestServer();
  const handler = createStreamableHttpHandler(server);
  const served = await serve(handler);
  cleanups.push(async () => {
    await handler.close();
    await served.close();
    await server.close();
  });
  const client = new Client({ name: 'official-v2', version: '2.4.0' }, { ...options, capabilities: { elicitation: { form: {} } } });
  client.setRequestHandler('elicitation/create', async () => ({ action: 'accept', content: { name: 'Ada' } }));
  await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', served.url)));
  cleanups.push(() => client.close());
  return client;
}

describe.each(ERAS)('official v2 client → mcpkit Streamable HTTP server (%s era)', (era, version, options) => {
  it('connects in the expected era', async () => {
    const client = await officialClient(options);
    expect(client.getProtocolEra()).toBe(era);
    expect(client.getNegotiatedProtocolVersion()).toBe(version);
    expect(client.getServerVersion()).toMatchObject({ name: 'matrix' });
  });

  it('lists and calls tools, with structured output and validation errors', async () => {
    const client = await officialClient(options);
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(['add', 'count', 'ask_name']));
    const add = tools.find((t) => t.name === 'add');
    expect(add?.outputSchema).toMatchObject({ type: 'object', properties: { sum: { type: 'number' } } });
    const sum = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    expect(sum).toMatchObject({ content: [{ type: 'text', text: '5' }], structuredContent: { sum: 5 } });
    const bad = await client.callTool({ name: 'add', arguments: { a: 'two', b: 3 } });
    expect(bad.isError).toBe(true);
  });

  it('reads text, blob and templated resources', async () => {
    const client = await officialClient(options);
    const readme = await client.readResource({ uri: 'file:///readme.md' });
    expect(readme.contents).toEqual([{ uri: 'file:///readme.md', mimeType: 'text/markdown', text: '# Hello' }]);
    const logo = await client.readResource({ uri: 'file:///logo.png' });
    expect(logo.contents[0]).toMatchObject({ blob: Buffer.from(LOGO).toString('base64') });
    const book = await client.readResource({ uri: 'books://fiction/7' });
    expect(JSON.parse(String((book.contents[0] as { text: string }).text))).toEqual({ uri: 'books://fiction/7', shelf: 'fiction', id: '7' });
  });

  it('gets prompts with arguments and completes them', async () => {
    const client = await officialClient(options);
    const prompt = await client.getPrompt({ name: 'review', arguments: { language: 'python' } });
    expect(prompt.messages).toEqual([{ role: 'user', content: { type: 'text', text: 'Review this python code' } }]);
    const completion = await client.complete({ ref: { type: 'ref/prompt', name: 'review' }, argument: { name: 'language', value: 'go' } });
    expect(completion.completion.values).toEqual(['go', 'golang']);
  });

  it('answers the server’s elicitation with its own handler (request or input_required round)', async () => {
    const client = await officialClient(options);
    const result = await client.callTool({ name: 'ask_name' });
    expect(result.content).toEqual([{ type: 'text', text: 'accept:Ada' }]);
  });
});
