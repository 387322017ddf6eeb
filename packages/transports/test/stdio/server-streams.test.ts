// The server end over injected in-process streams: backpressure, lifecycle and error paths.
import { PassThrough, Writable } from 'node:stream';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { McpkitErrorCode, type JSONRPCMessage } from '@mcpkit/core';
import { StdioServerTransport } from '@mcpkit/transports/stdio';

/** A stdout whose writes complete only when the test releases them. */
class HeldWritable extends Writable {
  readonly written: string[] = [];
  readonly #held: Array<() => void> = [];

  constructor() {
    super({ highWaterMark: 8 });
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.written.push(chunk.toString('utf8'));
    this.#held.push(() => callback());
  }

  releaseAll(): void {
    for (const release of this.#held.splice(0)) release();
  }
}

const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const note = (n: number): JSONRPCMessage => ({ jsonrpc: '2.0', method: 'notifications/message', params: { n } });

function settled(promise: Promise<unknown>): { done: boolean } {
  const state = { done: false };
  promise.then(
    () => (state.done = true),
    () => (state.done = true),
  );
  return state;
}

describe('StdioServerTransport over injected streams', () => {
  it('waits for drain when stdout is full, and later sends wait their turn', async () => {
    const stdout = new HeldWritable();
    const transport = new StdioServerTransport({ stdin: new PassThrough(), stdout });
    await transport.start();
    const first = settled(transport.send(note(1)));
    const second = settled(transport.send(note(2)));
    await flush();
    expect(first.done).toBe(false);
    expect(second.done).toBe(false);
    expect(stdout.written).toEqual([`${JSON.stringify(note(1))}\n`]);
    stdout.releaseAll();
    await flush();
    expect(first.done).toBe(true);
    expect(stdout.written).toHaveLength(2);
    stdout.releaseAll();
    await flush();
    expect(second.done).toBe(true);
    await transport.close();
  });

  it('writes the sends of one tick with two stream writes, in order, and resolves them once written', async () => {
    const calls: string[][] = [];
    const stdout = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        calls.push([chunk.toString('utf8')]);
        callback();
      },
      writev(chunks, callback) {
        calls.push(chunks.map(({ chunk }) => String(chunk)));
        callback();
      },
    });
    const transport = new StdioServerTransport({ stdin: new PassThrough(), stdout });
    await transport.start();
    const sends = [1, 2, 3, 4, 5].map((n) => transport.send(note(n)));
    // The first line goes out at once; the others wait for the end of the tick.
    expect(calls).toEqual([[`${JSON.stringify(note(1))}\n`]]);
    await Promise.all(sends);
    expect(calls).toEqual([[`${JSON.stringify(note(1))}\n`], [2, 3, 4, 5].map((n) => `${JSON.stringify(note(n))}\n`)]);
    await transport.close();
  });

  it('hands the lines of the current tick to stdout when it closes', async () => {
    const stdout = new PassThrough();
    const transport = new StdioServerTransport({ stdin: new PassThrough(), stdout });
    await transport.start();
    void transport.send(note(1));
    void transport.send(note(2));
    void transport.close();
    // Synchronously, before the tick ends: a process that exits in onclose loses nothing.
    expect(String(stdout.read())).toBe(`${JSON.stringify(note(1))}\n${JSON.stringify(note(2))}\n`);
  });

  it('rejects send before start and after close with MCPKIT_NOT_CONNECTED, and start twice', async () => {
    const transport = new StdioServerTransport({ stdin: new PassThrough(), stdout: new PassThrough() });
    await expect(transport.send(note(1))).rejects.toMatchObject({ code: McpkitErrorCode.NotConnected });
    await transport.start();
    await expect(transport.start()).rejects.toMatchObject({ code: McpkitErrorCode.InvalidArgument });
    await transport.close();
    await expect(transport.send(note(1))).rejects.toMatchObject({ code: McpkitErrorCode.NotConnected });
  });

  it('fires onclose exactly once when stdin ends, and on a later close()', async () => {
    const stdin = new PassThrough();
    const transport = new StdioServerTransport({ stdin, stdout: new PassThrough() });
    let closes = 0;
    transport.onclose = () => closes++;
    await transport.start();
    stdin.end();
    await flush();
    await transport.close();
    expect(closes).toBe(1);
  });

  it('delivers a last message without a trailing newline when stdin ends', async () => {
    const stdin = new PassThrough();
    const transport = new StdioServerTransport({ stdin, stdout: new PassThrough() });
    const received: JSONRPCMessage[] = [];
    transport.onmessage = (message) => received.push(message);
    await transport.start();
    stdin.end(JSON.stringify(note(5)));
    await flush();
    expect(received).toEqual([note(5)]);
  });

  it('survives an onmessage handler that throws and reports it to onerror', async () => {
    const stdin = new PassThrough();
    const transport = new StdioServerTransport({ stdin, stdout: new PassThrough() });
    const errors: Error[] = [];
    let calls = 0;
    transport.onerror = (error) => errors.push(error);
    transport.onmessage = () => {
      calls++;
      throw new Error('handler bug');
    };
    await transport.start();
    stdin.write(`${JSON.stringify(note(1))}\n${JSON.stringify(note(2))}\n`);
    await flush();
    expect(calls).toBe(2);
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual([McpkitErrorCode.Transport, McpkitErrorCode.Transport]);
    await transport.close();
  });

  it('rejects a message that cannot be serialized, without writing anything', async () => {
    const stdout = new PassThrough();
    const transport = new StdioServerTransport({ stdin: new PassThrough(), stdout });
    await transport.start();
    const bad = { jsonrpc: '2.0', method: 'x', params: { n: 1n } } as unknown as JSONRPCMessage;
    await expect(transport.send(bad)).rejects.toMatchObject({ code: McpkitErrorCode.InvalidArgument });
    expect(stdout.read()).toBeNull();
    await transport.close();
  });

  it('redirects console.log to stderr while open and restores it on close', async () => {
    const original = console.log;
    const transport = new StdioServerTransport({
      stdin: new PassThrough(),
      stdout: new PassThrough(),
      redirectConsoleToStderr: true,
    });
    await transport.start();
    expect(console.log).not.toBe(original);
    await transport.close();
    expect(console.log).toBe(original);
  });

  it('closes with an MCPKIT_TRANSPORT error when stdout fails, without crashing', async () => {
    const stdout = new PassThrough();
    const transport = new StdioServerTransport({ stdin: new PassThrough(), stdout });
    const errors: Error[] = [];
    let closed = false;
    transport.onerror = (error) => errors.push(error);
    transport.onclose = () => (closed = true);
    await transport.start();
    stdout.destroy(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    await flush();
    expect(closed).toBe(true);
    expect(errors).toMatchObject([{ code: McpkitErrorCode.Transport }]);
    stdout.emit('error', new Error('late EPIPE after close'));
  });

  it('answers arbitrary bytes only with JSON-RPC error lines, and never throws', async () => {
    const line = fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc.string({ maxLength: 40 }).map((t) => new TextEncoder().encode(t)),
      fc.jsonValue().map((v) => new TextEncoder().encode(JSON.stringify(v))),
      fc.constant(new Uint8Array(300).fill(0x61)),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 8 }), async (lines) => {
        const stdin = new PassThrough();
        const stdout = new PassThrough();
        const transport = new StdioServerTransport({ stdin, stdout, maxMessageSize: 256 });
        await transport.start();
        for (const bytes of lines) stdin.write(Buffer.concat([bytes, Buffer.from('\n')]));
        stdin.end();
        await flush();
        const output = String(stdout.read() ?? '');
        for (const text of output.split('\n').filter((l) => l !== '')) {
          const reply = JSON.parse(text) as { jsonrpc: string; error: { code: number } };
          expect(reply.jsonrpc).toBe('2.0');
          expect([-32700, -32600]).toContain(reply.error.code);
        }
      }),
      { numRuns: 150 },
    );
  });
});
