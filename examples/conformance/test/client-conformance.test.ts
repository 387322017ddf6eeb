/**
 * The conformance client as the suite runs it: a child process given a server URL and the
 * scenario in the environment, here against the official v2 server on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { McpServer, createMcpHandler } from '@modelcontextprotocol/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';

const ROOT = new URL('../../../', import.meta.url).pathname;
const CLIENT = 'examples/conformance/src/client.ts';

let http: Server;
let url: string;
const calls: Array<{ method: string; version: string | undefined; args?: unknown }> = [];

function scenarioServer(): McpServer {
  const server = new McpServer({ name: 'scenario', version: '1.0.0' });
  server.registerTool('add_numbers', { description: 'Adds', inputSchema: z.object({ a: z.number(), b: z.number() }) }, async ({ a, b }) => ({
    content: [{ type: 'text', text: `The sum of ${a} and ${b} is ${a + b}` }],
  }));
  return server;
}

beforeAll(async () => {
  const handler = createMcpHandler(() => scenarioServer());
  http = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      if (body !== '') {
        const message = JSON.parse(body) as { method?: string; params?: { arguments?: unknown } };
        if (message.method !== undefined) {
          calls.push({ method: message.method, version: req.headers['mcp-protocol-version'] as string | undefined, args: message.params?.arguments });
        }
      }
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      const response = await handler.fetch(
        new Request(`http://127.0.0.1${req.url ?? '/'}`, { method: req.method, headers, ...(body === '' ? {} : { body }) }),
      );
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;
});

afterAll(async () => {
  await new Promise((resolve) => http.close(resolve));
});

function runClient(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLIENT, url], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('conformance client, tools_call', () => {
  it.each([
    ['2026-07-28', 'modern'],
    ['2025-11-25', 'legacy'],
  ])('at %s speaks the %s era and calls add_numbers', async (version, era) => {
    calls.length = 0;
    const { code, stdout, stderr } = await runClient({ MCP_CONFORMANCE_SCENARIO: 'tools_call', MCP_CONFORMANCE_PROTOCOL_VERSION: version });
    expect(stderr).not.toMatch(/^error:/m);
    expect(code).toBe(0);
    expect(stdout).toContain(`connected: ${era} ${version}`);
    expect(stdout).toContain('The sum of 5 and 3 is 8');
    const call = calls.find((c) => c.method === 'tools/call');
    expect(call).toMatchObject({ version, args: { a: 5, b: 3 } });
    expect(calls.some((c) => c.method === 'initialize')).toBe(era === 'legacy');
  });

  it('exits non-zero on an unknown scenario', async () => {
    const { code, stderr } = await runClient({ MCP_CONFORMANCE_SCENARIO: 'no-such-scenario' });
    expect(code).toBe(1);
    expect(stderr).toContain('Unknown scenario');
  });
});
