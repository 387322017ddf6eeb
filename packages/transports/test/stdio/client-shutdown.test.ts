// Shutdown escalation and stderr modes of the client end, over real child processes.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { describe, expect, it, onTestFinished } from 'vitest';
import { McpkitErrorCode, type JSONRPCMessage } from '@mcpkit/core';
import { StdioClientTransport, type StdioClientTransportOptions } from '@mcpkit/transports/stdio';
import { exitOf, fixture, isAlive, LineReader } from './child-helpers.js';

/** A transport whose spawned child and spawn options the test can inspect. */
function capture(file: string, args: string[], options: Partial<StdioClientTransportOptions> = {}) {
  const spawned: { child?: ChildProcess; options?: SpawnOptions } = {};
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [fixture(file), ...args],
    stderr: 'ignore',
    ...options,
    spawn: (command, spawnArgs, spawnOptions) => {
      spawned.options = spawnOptions;
      spawned.child = spawn(command, spawnArgs, spawnOptions);
      return spawned.child;
    },
  });
  return { transport, spawned };
}

function firstMessage(transport: StdioClientTransport): Promise<JSONRPCMessage> {
  return new Promise((resolve) => (transport.onmessage = resolve));
}

describe('StdioClientTransport shutdown', () => {
  it('closes stdin and lets a well-behaved child exit by itself', async () => {
    const { transport, spawned } = capture('stdio-stderr.mjs', [], { closeGracePeriod: 10_000 });
    let closes = 0;
    transport.onclose = () => closes++;
    const ready = firstMessage(transport);
    await transport.start();
    await ready;
    const exit = exitOf(spawned.child!);
    await transport.close();
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(closes).toBe(1);
    await transport.close();
    expect(closes).toBe(1);
  });

  it('sends SIGTERM to a child that ignores stdin closing', async () => {
    const { transport, spawned } = capture('stdio-stubborn.mjs', ['term'], {
      closeGracePeriod: 100,
      killGracePeriod: 10_000,
      stderr: 'pipe',
    });
    const stderr = new LineReader(transport.stderr!);
    const ready = firstMessage(transport);
    await transport.start();
    await ready;
    const exit = exitOf(spawned.child!);
    await transport.close();
    expect(await exit).toEqual({ code: 0, signal: null });
    expect(await stderr.waitFor('SIGTERM')).toBe('got SIGTERM');
  });

  it('sends SIGKILL to a child that ignores stdin closing and SIGTERM', async () => {
    const { transport, spawned } = capture('stdio-stubborn.mjs', ['kill'], { closeGracePeriod: 50, killGracePeriod: 100 });
    let closes = 0;
    transport.onclose = () => closes++;
    const ready = firstMessage(transport);
    await transport.start();
    await ready;
    const exit = exitOf(spawned.child!);
    await transport.close();
    expect(await exit).toEqual({ code: null, signal: 'SIGKILL' });
    expect(isAlive(transport.pid!)).toBe(false);
    expect(closes).toBe(1);
  });
});

describe('StdioClientTransport when the child exits by itself', () => {
  it('closes soon after the exit even when a grandchild still holds the stdout pipe', async () => {
    const { transport } = capture('stdio-grandchild.mjs', []);
    let grandchild: number | undefined;
    transport.onmessage = (message) => {
      grandchild = (message as { params?: { pid?: number } }).params?.pid;
    };
    // The grandchild would otherwise outlive the test, even a failed one, by a minute.
    onTestFinished(() => {
      if (grandchild !== undefined && isAlive(grandchild)) process.kill(grandchild, 'SIGKILL');
    });
    const closed = new Promise<void>((resolve) => (transport.onclose = resolve));
    await transport.start();
    await closed;
    expect(grandchild).toBeTypeOf('number');
    await expect(transport.send({ jsonrpc: '2.0', method: 'x' })).rejects.toMatchObject({
      code: McpkitErrorCode.NotConnected,
    });
  });

  it('refuses negative or non-finite grace periods', () => {
    for (const bad of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => new StdioClientTransport({ command: 'x', closeGracePeriod: bad })).toThrow(
        expect.objectContaining({ code: McpkitErrorCode.InvalidArgument }),
      );
      expect(() => new StdioClientTransport({ command: 'x', killGracePeriod: bad })).toThrow(
        expect.objectContaining({ code: McpkitErrorCode.InvalidArgument }),
      );
    }
  });
});

describe('StdioClientTransport stderr modes', () => {
  it("'pipe' exposes the child's stderr before start", async () => {
    const { transport } = capture('stdio-stderr.mjs', [], { stderr: 'pipe' });
    expect(transport.stderr).not.toBeNull();
    const stderr = new LineReader(transport.stderr!);
    await transport.start();
    expect(await stderr.next()).toBe('diagnostic line on stderr');
    await transport.close();
  });

  it("'ignore' gives the child no stderr pipe and exposes none", async () => {
    const { transport, spawned } = capture('stdio-stderr.mjs', [], { stderr: 'ignore' });
    const ready = firstMessage(transport);
    await transport.start();
    expect(await ready).toEqual({ jsonrpc: '2.0', method: 'ready' });
    expect(transport.stderr).toBeNull();
    expect(spawned.child!.stderr).toBeNull();
    expect(spawned.options?.stdio).toEqual(['pipe', 'pipe', 'ignore']);
    await transport.close();
  });

  it("'inherit' (the default) hands the child this process's stderr", async () => {
    // This fixture writes nothing to stderr, so the test output stays clean.
    const { transport, spawned } = capture('stdio-stubborn.mjs', ['kill'], {
      stderr: undefined,
      closeGracePeriod: 20,
      killGracePeriod: 20,
    });
    const ready = firstMessage(transport);
    await transport.start();
    await ready;
    expect(transport.stderr).toBeNull();
    expect(spawned.options?.stdio).toEqual(['pipe', 'pipe', 'inherit']);
    expect(spawned.options?.shell).toBe(false);
    await transport.close();
  });
});
