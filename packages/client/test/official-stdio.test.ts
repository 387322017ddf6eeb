/** Interop over a real child process: the official v2 server's serveStdio, probed by the mcpkit Client. */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transports/stdio';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const SERVER = fileURLToPath(new URL('./fixtures/official-stdio-server.ts', import.meta.url));
let client: Client | undefined;

afterEach(async () => {
  await client?.close();
});

describe('official v2 server over stdio', () => {
  it.each([
    ['auto', 'modern'],
    ['legacy', 'legacy'],
  ] as const)('era option %s: speaks %s, calls tools and answers input requests', async (era, expected) => {
    const transport = new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', SERVER], cwd: ROOT });
    client = new Client({ name: 'mcpkit', version: '0.1.0' }, { era, elicitation: { form: () => ({ action: 'accept', content: {} }) } });
    await client.connect(transport);
    expect(client.era).toBe(expected);
    expect(client.serverInfo?.name).toBe('official-stdio');
    await client.listTools();
    const sum = await client.callTool<{ sum: number }>({ name: 'add', arguments: { a: 1, b: 2 } });
    expect(sum.structuredContent?.sum).toBe(3);
    const asked = await client.callTool({ name: 'ask', arguments: {} });
    expect(asked.content[0]).toEqual({ type: 'text', text: 'hello Ada' });
  });
});
