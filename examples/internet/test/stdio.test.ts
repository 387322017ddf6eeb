import { Client } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transports/stdio';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { textOf } from './harness.js';
import { startSite, type TestSite } from './web-server.js';

const exampleDir = fileURLToPath(new URL('../', import.meta.url));
let site: TestSite;

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site.close();
});

async function withServer(args: string[], use: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ name: 'internet-stdio-test', version: '1.0.0' });
  await client.connect(new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', 'src/main.ts', '--stdio', ...args], cwd: exampleDir }));
  try {
    await use(client);
  } finally {
    await client.close();
  }
}

it('runs over stdio (src/main.ts --stdio): loopback refused by default, allowed with --allow-private-addresses', async () => {
  await withServer([], async (client) => {
    const refused = await client.callTool({ name: 'fetch_url', arguments: { url: `${site.origin}/page.html` } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toBe('Refused to fetch from 127.0.0.1: 127.0.0.1 is a loopback address. Only public addresses may be fetched.');
  });
  expect(site.requests).toHaveLength(0);
  await withServer(['--allow-private-addresses'], async (client) => {
    const page = await client.callTool({ name: 'fetch_url', arguments: { url: `${site.origin}/page.html` } });
    expect(textOf(page)).toMatch(/^# Hello/);
  });
});
