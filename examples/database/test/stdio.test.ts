import { Client } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transports/stdio';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { textOf } from './harness.js';

const exampleDir = fileURLToPath(new URL('../', import.meta.url));

it('runs over stdio as a child process with the seeded PGlite database (src/main.ts --stdio)', async () => {
  const client = new Client({ name: 'database-stdio-test', version: '1.0.0' });
  // An empty DATABASE_URL selects PGlite even where the environment sets one.
  const env = { ...process.env, DATABASE_URL: '' } as Record<string, string>;
  await client.connect(new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', 'src/main.ts', '--stdio'], cwd: exampleDir, env }));
  try {
    const result = await client.callTool({ name: 'query', arguments: { sql: 'SELECT count(*) FROM customers WHERE country = $1', params: ['GB'] } });
    expect(result.structuredContent).toMatchObject({ rows: [['3']] });
    const refused = await client.callTool({ name: 'query', arguments: { sql: 'DROP TABLE customers' } });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/^This database is read-only here/);
  } finally {
    await client.close();
  }
});
