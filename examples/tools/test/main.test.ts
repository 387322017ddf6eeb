import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transports/stdio';
import { StreamableHttpClientTransport } from '@mcpkit/transports/streamable-http';
import { describe, expect, it } from 'vitest';
import { ERAS, firstText } from './connect.js';

const exampleDir = fileURLToPath(new URL('../', import.meta.url));

/** Starts `src/main.ts` over HTTP on a free port and resolves with the endpoint it prints. */
function startHttp(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: exampleDir, env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const match = /MCP endpoint at (\S+)/.exec(stderr);
      if (match?.[1] !== undefined) resolve({ child, url: match[1] });
    });
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`main.ts exited with ${code}: ${stderr}`)));
  });
}

describe('src/main.ts', () => {
  it('serves over stdio, in both eras, and survives bad input', async () => {
    // Both eras at once: each spawns its own server process.
    await Promise.all(ERAS.map(async ({ era, options }) => {
      const client = new Client({ name: 'stdio-test', version: '1.0.0' }, options);
      await client.connect(new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', 'src/main.ts', '--stdio'], cwd: exampleDir, stderr: 'ignore' }));
      expect(client.era).toBe(era);
      const bad = await client.callTool({ name: 'evaluate', arguments: { expression: '1 / (2 - 2)' } });
      expect(bad.isError).toBe(true);
      expect(firstText(bad)).toBe('Division by zero');
      const good = await client.callTool({ name: 'evaluate', arguments: { expression: 'max(2, 3) ^ 2' } });
      expect(good.structuredContent).toEqual({ expression: 'max(2, 3) ^ 2', result: 9 });
      await client.close();
    }));
  });

  it('serves Streamable HTTP on /mcp, in both eras', async () => {
    const { child, url } = await startHttp();
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      for (const { era, options } of ERAS) {
        const client = new Client({ name: 'http-test', version: '1.0.0' }, options);
        await client.connect(new StreamableHttpClientTransport(url));
        expect(client.era).toBe(era);
        const result = await client.callTool({ name: 'csv_to_json', arguments: { csv: 'a,b\n1,"x,y"' } });
        expect(result.structuredContent).toEqual({ columns: ['a', 'b'], rows: [{ a: 1, b: 'x,y' }], rowCount: 1 });
        await client.close();
      }
      const elsewhere = await fetch(new URL('/other', url));
      expect(elsewhere.status).toBe(404);
    } finally {
      child.kill('SIGTERM');
    }
  });
});
