// The server end, driven as a real child process with raw bytes on its stdin.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorCode } from '@mcpkit/core';
import { exitOf, LineReader, spawnTsFixture } from './child-helpers.js';

const LIMIT = 1024;
let child: ChildProcess;
let stdout: LineReader;
let stderr: LineReader;

function write(text: string | Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => child.stdin?.write(text, (error) => (error ? reject(error) : resolve())));
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function nextMessage(): Promise<Record<string, unknown>> {
  return JSON.parse(await stdout.next()) as Record<string, unknown>;
}

beforeAll(async () => {
  child = spawnTsFixture('stdio-echo-server.ts', [String(LIMIT)]);
  stdout = new LineReader(child.stdout!);
  stderr = new LineReader(child.stderr!);
  await stderr.waitFor('server ready');
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('StdioServerTransport in a child process', () => {
  it('reassembles a request written in small chunks with a multi-byte character split', async () => {
    const text = 'naïve ☃ 😀';
    const bytes = new TextEncoder().encode(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'echo', params: { text } })}\n`);
    // Splitting at odd offsets of 1..3 bytes cuts the 2-, 3- and 4-byte characters apart.
    for (let i = 0; i < bytes.length; i += 3) {
      await write(bytes.subarray(i, i + 3));
      if (i % 12 === 0) await sleep(2);
    }
    expect(await nextMessage()).toEqual({ jsonrpc: '2.0', id: 1, result: { echo: { text } } });
  });

  it('ignores empty lines and accepts \\r\\n line endings', async () => {
    await write('\n\r\n   \n');
    await write(`${JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'echo' })}\r\n`);
    await write(`${JSON.stringify({ jsonrpc: '2.0', id: 3, method: 'echo' })}\n`);
    expect(await nextMessage()).toMatchObject({ id: 2, result: { echo: {} } });
    expect(await nextMessage()).toMatchObject({ id: 3, result: { echo: {} } });
  });

  it('answers invalid JSON with -32700 (id null) and keeps working', async () => {
    await write('{"jsonrpc":"2.0","id":4,"method":\n');
    expect(await nextMessage()).toEqual({ jsonrpc: '2.0', id: null, error: { code: ErrorCode.ParseError, message: 'Parse error' } });
    await write(Buffer.from([0xff, 0xfe, 0x0a]));
    expect(await nextMessage()).toMatchObject({ id: null, error: { code: ErrorCode.ParseError } });
    await write(`${JSON.stringify({ jsonrpc: '2.0', id: 5, method: 'echo' })}\n`);
    expect(await nextMessage()).toMatchObject({ id: 5, result: {} });
  });

  it('answers JSON that is not a JSON-RPC message with -32600', async () => {
    await write('{"hello":"world","id":6}\n');
    expect(await nextMessage()).toMatchObject({ id: 6, error: { code: ErrorCode.InvalidRequest } });
  });

  it('refuses an oversize request with -32600 for its id, reports it, and takes the next one', async () => {
    const big = JSON.stringify({ jsonrpc: '2.0', id: 8, method: 'echo', params: { pad: 'x'.repeat(LIMIT * 5) } });
    await write(big.slice(0, 2000));
    await sleep(5);
    await write(`${big.slice(2000)}\n`);
    expect(await nextMessage()).toEqual({
      jsonrpc: '2.0',
      id: 8,
      error: { code: ErrorCode.InvalidRequest, message: 'Invalid request: message too large', data: { maxMessageSize: LIMIT } },
    });
    expect(await stderr.waitFor('MCPKIT_MESSAGE_TOO_LARGE')).toMatch(/^onerror: MCPKIT_MESSAGE_TOO_LARGE /);
    await write(`${JSON.stringify({ jsonrpc: '2.0', id: 9, method: 'echo' })}\n`);
    expect(await nextMessage()).toMatchObject({ id: 9, result: {} });
  });

  it('answers an oversize request with id null when its first bytes do not name the id', async () => {
    // `method` before `id`: the head does not begin with jsonrpc and id, so the id is not guessed.
    await write(`${JSON.stringify({ method: 'echo', jsonrpc: '2.0', id: 'lost', params: { pad: 'x'.repeat(LIMIT * 2) } })}\n`);
    expect(await nextMessage()).toMatchObject({ id: null, error: { code: ErrorCode.InvalidRequest, data: { maxMessageSize: LIMIT } } });
  });

  it('turns an oversize response into a local -32603 for its id, without answering the client', async () => {
    await write(`${JSON.stringify({ jsonrpc: '2.0', id: 's-1', result: { pad: 'x'.repeat(LIMIT * 2) } })}\n`);
    const received = (await stderr.waitFor('received:')).slice('received: '.length);
    expect(JSON.parse(received)).toMatchObject({ jsonrpc: '2.0', id: 's-1', error: { code: ErrorCode.InternalError, data: { maxMessageSize: LIMIT } } });
    expect(received).toContain('maxMessageSize');
    await write(`${JSON.stringify({ jsonrpc: '2.0', id: 11, method: 'echo' })}\n`);
    // The next line on stdout is the echo: nothing was sent back for the discarded response.
    expect(await nextMessage()).toMatchObject({ id: 11, result: {} });
  });

  it('keeps stray console.log off stdout when redirectConsoleToStderr is set', async () => {
    await write(`${JSON.stringify({ jsonrpc: '2.0', id: 10, method: 'echo' })}\n`);
    expect(await nextMessage()).toMatchObject({ id: 10 });
    expect(await stderr.waitFor('stray console.log')).toBe('stray console.log from a handler');
    expect(stdout.pending).toEqual([]);
  });

  it('closes and lets the process exit when stdin ends', async () => {
    child.stdin?.end();
    expect(await stderr.waitFor('closed')).toBe('closed');
    expect(await exitOf(child)).toEqual({ code: 0, signal: null });
  });
});
