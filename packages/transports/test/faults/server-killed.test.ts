/**
 * Fault: the server process dies (SIGKILL) while requests are pending. Every pending request must
 * reject with a clear `McpkitError`, promptly — never hang until its timeout.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { McpkitError, McpkitErrorCode } from '@mcpkit/core';
import { Client, type ClientOptions } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transports/stdio';
import { StreamableHttpClientTransport } from '@mcpkit/transports/streamable-http';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const fixture = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** How long pending requests may take to settle once the server is dead. */
const SETTLE_BOUND_MS = 1000;
/** Codes that say "the server went away": either the connection closed or the transport failed. */
const GONE: readonly string[] = [McpkitErrorCode.ConnectionClosed, McpkitErrorCode.Transport];

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function startedTags(client: Client): Promise<string[]> {
  const result = await client.callTool({ name: 'probe' });
  const first = result.content[0] as { text: string };
  return (JSON.parse(first.text) as { started: string[] }).started;
}

/** Starts `n` slow calls and resolves once the server has begun all of them. */
async function pendingCalls(client: Client, n: number, prefix = 'pending'): Promise<Promise<unknown>[]> {
  const tags = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
  // Capture each outcome now, so no rejection goes unhandled while the test waits.
  const outcomes = tags.map((tag) => client.callTool({ name: 'slow', arguments: { tag } }).then(() => new Error(`${tag} resolved`), (e: unknown) => e));
  await expect.poll(() => startedTags(client), { timeout: 5000, interval: 20 }).toEqual(expect.arrayContaining(tags));
  return outcomes;
}

/** Resolves with the outcomes, or with 'timeout' if they did not all settle within the bound. */
async function settleWithin(outcomes: Promise<unknown>[], ms: number): Promise<unknown[] | 'timeout'> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const bound = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), ms);
  });
  try {
    return await Promise.race([Promise.all(outcomes), bound]);
  } finally {
    clearTimeout(timer);
  }
}

function expectGone(outcomes: unknown[] | 'timeout'): void {
  expect(outcomes).not.toBe('timeout');
  for (const error of outcomes as unknown[]) {
    expect(error).toBeInstanceOf(McpkitError);
    expect(GONE).toContain((error as McpkitError).code);
  }
}

const ERAS: Array<[string, ClientOptions]> = [
  ['modern', {}],
  ['legacy 2025-11-25', { protocolVersion: '2025-11-25' }],
];

describe('stdio: the server child is SIGKILLed', () => {
  it.each(ERAS)('%s: pending requests reject with a connection error', async (_era, options) => {
    const transport = new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', fixture('../matrix/stdio-server.ts')], cwd: repoRoot, stderr: 'ignore' });
    const client = new Client({ name: 'faults', version: '1' }, options);
    await client.connect(transport);
    cleanups.push(() => client.close());
    const outcomes = await pendingCalls(client, 3);
    process.kill(transport.pid as number, 'SIGKILL');
    expectGone(await settleWithin(outcomes, SETTLE_BOUND_MS));
    // The client knows it is disconnected: a new call fails at once rather than hanging.
    const after = await client.callTool({ name: 'probe' }).then(() => undefined, (e: unknown) => e);
    expect(after).toBeInstanceOf(McpkitError);
  });
});

/** Spawns the HTTP fixture and resolves with its URL (its first stdout line). */
async function spawnHttpServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fixture('./http-server.ts')], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => {
      buffer += text;
      const end = buffer.indexOf('\n');
      if (end !== -1) resolve(buffer.slice(0, end));
    });
    child.once('exit', (code) => reject(new Error(`the HTTP fixture exited early (${String(code)})`)));
  });
  return { child, url };
}

describe('Streamable HTTP: the server process is SIGKILLed', () => {
  it('pending requests of a modern and a legacy client reject with a transport error', async () => {
    const { child, url } = await spawnHttpServer();
    // Both eras on one endpoint: one process to kill, two kinds of pending exchange to fail.
    const clients = await Promise.all(
      ERAS.map(async ([, options]) => {
        const client = new Client({ name: 'faults', version: '1' }, options);
        await client.connect(new StreamableHttpClientTransport(url, { reconnection: { initialDelayMs: 10, maxRetries: 1 } }));
        cleanups.push(() => client.close());
        return client;
      }),
    );
    expect(clients.map((c) => c.era)).toEqual(['modern', 'legacy']);
    const outcomes = (await Promise.all(clients.map((c, i) => pendingCalls(c, 3, `era${i}`)))).flat();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    expectGone(await settleWithin(outcomes, SETTLE_BOUND_MS));
  });
});
