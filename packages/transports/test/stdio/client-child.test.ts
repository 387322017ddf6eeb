// The client end against real child processes: framing, crashes, a Session on top, errors.
import { describe, expect, it } from 'vitest';
import {
  ErrorCode,
  isJSONRPCNotification,
  McpError,
  McpkitError,
  McpkitErrorCode,
  Session,
  type JSONRPCMessage,
} from '@mcpkit/core';
import { StdioClientTransport, type StdioClientTransportOptions } from '@mcpkit/transports/stdio';
import { fixture, repoRoot } from './child-helpers.js';

/** Collects what a transport delivers; `waitFor` resolves on the first message with `method`. */
function observe(transport: StdioClientTransport): {
  messages: JSONRPCMessage[];
  errors: Error[];
  closed: Promise<void>;
  waitFor: (method: string) => Promise<JSONRPCMessage>;
} {
  const messages: JSONRPCMessage[] = [];
  const errors: Error[] = [];
  const waiters = new Map<string, (message: JSONRPCMessage) => void>();
  transport.onmessage = (message) => {
    messages.push(message);
    if (isJSONRPCNotification(message)) waiters.get(message.method)?.(message);
  };
  transport.onerror = (error) => errors.push(error);
  const closed = new Promise<void>((resolve) => (transport.onclose = resolve));
  const waitFor = (method: string): Promise<JSONRPCMessage> => {
    const seen = messages.find((m) => isJSONRPCNotification(m) && m.method === method);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => waiters.set(method, resolve));
  };
  return { messages, errors, closed, waitFor };
}

function nodeScript(file: string, args: string[] = [], extra: Partial<StdioClientTransportOptions> = {}): StdioClientTransport {
  return new StdioClientTransport({ command: process.execPath, args: [fixture(file), ...args], stderr: 'ignore', ...extra });
}

describe('StdioClientTransport framing', () => {
  it('reassembles chunked lines with split multi-byte characters, skips empty lines, reports bad JSON', async () => {
    const transport = nodeScript('stdio-chunked-writer.mjs', ['chunks']);
    const seen = observe(transport);
    await transport.start();
    await seen.waitFor('done');
    expect(seen.messages).toEqual([
      { jsonrpc: '2.0', method: 'notifications/message', params: { text: 'héllo 😀 wörld' } },
      { jsonrpc: '2.0', id: 7, result: { ok: true } },
      { jsonrpc: '2.0', method: 'done' },
    ]);
    expect(seen.errors).toHaveLength(1);
    expect(seen.errors[0]).toBeInstanceOf(McpError);
    expect((seen.errors[0] as McpError).code).toBe(ErrorCode.ParseError);
    await transport.close();
    await seen.closed;
  });

  it('drops an oversize message with MCPKIT_MESSAGE_TOO_LARGE and reads the next one', async () => {
    const transport = nodeScript('stdio-chunked-writer.mjs', ['oversize'], { maxMessageSize: 4096 });
    const seen = observe(transport);
    await transport.start();
    await seen.waitFor('after-big');
    expect(seen.messages).toEqual([{ jsonrpc: '2.0', method: 'after-big' }]);
    expect(seen.errors).toHaveLength(1);
    expect(seen.errors[0]).toBeInstanceOf(McpkitError);
    expect((seen.errors[0] as McpkitError).code).toBe(McpkitErrorCode.MessageTooLarge);
    await transport.close();
  });
});

describe('StdioClientTransport: an oversize response', () => {
  it('stands in a -32603 naming maxMessageSize for its id, so the request fails at once', async () => {
    const transport = nodeScript('stdio-chunked-writer.mjs', ['oversize-response'], { maxMessageSize: 4096 });
    const seen = observe(transport);
    await transport.start();
    await seen.waitFor('after-big');
    expect(seen.messages).toEqual([
      {
        jsonrpc: '2.0',
        id: 7,
        error: { code: ErrorCode.InternalError, message: expect.stringContaining('maxMessageSize (4096 bytes)'), data: { maxMessageSize: 4096 } },
      },
      { jsonrpc: '2.0', method: 'after-big' },
    ]);
    expect(seen.errors.map((e) => (e as McpkitError).code)).toEqual([McpkitErrorCode.MessageTooLarge]);
    await transport.close();
  });
});

describe('StdioClientTransport with a Session and a TypeScript server', () => {
  it('round-trips requests, then rejects pending ones at once when the server crashes', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', fixture('stdio-echo-server.ts')],
      cwd: repoRoot,
      stderr: 'ignore',
    });
    // A long timeout: only the close can settle the pending requests within the test timeout.
    const session = new Session(transport, { requestTimeout: 600_000 });
    let closes = 0;
    session.onclose = () => closes++;
    await session.start();
    expect(transport.pid).toBeTypeOf('number');
    await expect(session.request('echo', { n: 'ü' })).resolves.toEqual({ echo: { n: 'ü' } });
    const pending = [session.request('hang'), session.request('hang')];
    await session.request('echo');
    const crashed = session.request('crash');
    for (const request of [...pending, crashed]) {
      await expect(request).rejects.toMatchObject({ code: McpkitErrorCode.ConnectionClosed });
    }
    expect(closes).toBe(1);
    await expect(transport.send({ jsonrpc: '2.0', method: 'x' })).rejects.toMatchObject({
      code: McpkitErrorCode.NotConnected,
    });
  });
});

describe('StdioClientTransport start and errors', () => {
  it('rejects start() with MCPKIT_TRANSPORT when the command does not exist', async () => {
    const transport = new StdioClientTransport({ command: 'mcpkit-no-such-command-xyz' });
    let closes = 0;
    transport.onclose = () => closes++;
    const error = await transport.start().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(McpkitError);
    expect(error).toMatchObject({ code: McpkitErrorCode.Transport, data: { code: 'ENOENT' } });
    expect((error as Error).message).toContain('mcpkit-no-such-command-xyz');
    await transport.close();
    expect(closes).toBe(0);
    await expect(transport.send({ jsonrpc: '2.0', method: 'x' })).rejects.toMatchObject({
      code: McpkitErrorCode.NotConnected,
    });
  });

  it('rejects a second start() with MCPKIT_INVALID_ARGUMENT', async () => {
    const transport = nodeScript('stdio-stderr.mjs');
    await transport.start();
    await expect(transport.start()).rejects.toMatchObject({ code: McpkitErrorCode.InvalidArgument });
    await transport.close();
  });

  it('passes only the safe default environment plus env overrides', async () => {
    process.env.MCPKIT_TEST_SECRET = 'must-not-leak';
    const script =
      'process.stdout.write(JSON.stringify({jsonrpc:"2.0",method:"env",params:process.env})+"\\n");' +
      'process.stdin.resume();process.stdin.on("end",()=>process.exit(0));';
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['-e', script],
      env: { MCPKIT_TEST_EXTRA: 'given' },
    });
    try {
      const seen = observe(transport);
      await transport.start();
      const env = ((await seen.waitFor('env')) as { params: Record<string, string> }).params;
      expect(env.MCPKIT_TEST_EXTRA).toBe('given');
      expect(env.PATH).toBe(process.env.PATH);
      expect(env.MCPKIT_TEST_SECRET).toBeUndefined();
      await transport.close();
    } finally {
      delete process.env.MCPKIT_TEST_SECRET;
    }
  });
});
