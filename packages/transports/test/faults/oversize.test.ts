/**
 * Fault: a message over a transport's size limit, in each direction, with every default left as
 * is. Whatever the transport, the one call must settle promptly — with its result, or with a clear
 * error — and the connection must keep serving. Never a hang until the request timeout, never a
 * re-run of the tool, never the whole connection lost.
 *
 * Combinations that do not meet this today are listed in KNOWN_BUGS and run as `it.fails`.
 */
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ErrorCode, McpError, McpkitError, McpkitErrorCode } from '@mcpkit/core';
import { Client } from '@mcpkit/client';
import { McpServer } from '@mcpkit/server';
import { serve } from '@mcpkit/transports/http';
import { StreamableHttpClientTransport, createStreamableHttpHandler } from '@mcpkit/transports/streamable-http';
import { TRANSPORTS, eraOptions, type MatrixTransport } from '../matrix/harness.js';
import { buildTestServer } from '../matrix/test-server.js';

/**
 * 5 MiB: over the 4 MiB inbound default of stdio, SSE events and WebSocket, and over McpServer's
 * default result limit (4 MiB less 64 KiB, chosen so results always fit the transports' inbound default).
 */
const SIZE = 5 * 1024 * 1024;
/** Short, so a hang shows up as MCPKIT_TIMEOUT quickly; a healthy answer takes well under it. */
const REQUEST_TIMEOUT = 1500;

type Direction = 'request' | 'response';

/**
 * What fails today, keyed `transport@era/direction`, and why. Empty: every combination fails one
 * call cleanly. (A server that raises `maxResultBytes` past its transport's inbound limit can still
 * lose a legacy HTTP+SSE connection to one oversize event: that transport has no per-request channel.)
 */
const KNOWN_BUGS: Readonly<Record<string, string>> = {};

/** One era per transport keeps this quick; Streamable HTTP SSE answers differ by era, so both. */
function erasOf(transport: MatrixTransport): MatrixTransport['eras'] {
  return transport.name === 'streamable-http/sse' ? transport.eras : transport.eras.slice(0, 1);
}

async function run(transport: MatrixTransport, era: MatrixTransport['eras'][number], direction: Direction): Promise<void> {
  const connection = await transport.connect(buildTestServer(), { ...eraOptions(transport, era), requestTimeout: REQUEST_TIMEOUT });
  try {
    const call =
      direction === 'request'
        ? connection.client.callTool({ name: 'echo', arguments: { text: 'x'.repeat(SIZE) } })
        : connection.client.callTool({ name: 'sized', arguments: { bytes: SIZE } });
    const outcome = await call.then(
      (result) => result,
      (e: unknown) => e,
    );
    if (outcome instanceof Error) {
      // A clear error names the problem: not a timeout, not the loss of the connection.
      const code = outcome instanceof McpkitError ? outcome.code : undefined;
      expect(code).not.toBe(McpkitErrorCode.Timeout);
      expect(code).not.toBe(McpkitErrorCode.ConnectionClosed);
    }
    const after = await connection.client.callTool({ name: 'add', arguments: { a: 1, b: 2 } });
    expect(after.structuredContent).toEqual({ sum: 3 });
  } finally {
    await connection.close();
  }
}

describe.concurrent('a message over the size limit fails one call, clearly and promptly', () => {
  for (const transport of TRANSPORTS) {
    for (const era of erasOf(transport)) {
      for (const direction of ['request', 'response'] as const) {
        const bug = KNOWN_BUGS[`${transport.name}@${era}/${direction}`];
        const name = `${transport.name} @ ${era}: a 5 MiB ${direction}`;
        if (bug === undefined) it(name, () => run(transport, era, direction));
        else it.fails(`${name} — known bug: ${bug}`, () => run(transport, era, direction));
      }
    }
  }
});

describe('Streamable HTTP with SSE answers: an event over maxEventSize', () => {
  it.each([
    ['modern', {}],
    ['legacy', { protocolVersion: '2025-11-25' }],
  ] as const)('%s: fails the call once, naming the limit, without resuming or re-running the tool', async (_era, options) => {
    const server = new McpServer({ name: 'sized', version: '1' });
    let runs = 0;
    server.tool('sized', { inputSchema: z.object({ bytes: z.number() }) }, ({ bytes }) => {
      runs++;
      return 'x'.repeat(bytes);
    });
    const handler = createStreamableHttpHandler(server, { responseMode: 'sse' });
    const served = await serve(handler);
    const client = new Client({ name: 'faults', version: '1' }, { ...options, requestTimeout: REQUEST_TIMEOUT });
    try {
      await client.connect(new StreamableHttpClientTransport(new URL('/mcp', served.url), { maxEventSize: 64 * 1024 }));
      const error = await client.callTool({ name: 'sized', arguments: { bytes: 128 * 1024 } }).then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(McpError);
      expect((error as McpError).code).toBe(ErrorCode.InternalError);
      expect((error as McpError).message).toContain('maxEventSize');
      expect(runs).toBe(1);
      expect((await client.callTool({ name: 'sized', arguments: { bytes: 10 } })).content).toEqual([{ type: 'text', text: 'x'.repeat(10) }]);
    } finally {
      await client.close();
      await handler.close();
      await served.close();
    }
  });
});
