import { McpkitError, McpkitErrorCode, type RequestContext } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '@mcpkit/client';
import { finish } from './helpers/fixtures.js';
import { startRawServer, type RawServer } from './helpers/raw-server.js';

const info = { name: 'test-client', version: '0.0.1' };
let server: RawServer | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
});

/** A tool call that waits for `release` (or the cancel), sending progress when told to. */
function slowServer(modern: boolean) {
  let ctxOf: RequestContext | undefined;
  let arrived: () => void = () => undefined;
  const state = {
    arrived: new Promise<void>((r) => (arrived = r)),
    release: () => undefined as void,
    cancelled: false,
    progress: async (n: number) => ctxOf?.progress(n, 3, `step ${n}`),
  };
  const handlers = {
    'tools/call': (_p: Record<string, unknown>, ctx: RequestContext) =>
      new Promise((resolve) => {
        ctxOf = ctx;
        ctx.signal.addEventListener('abort', () => (state.cancelled = true));
        state.release = () => resolve(finish(modern, { content: [{ type: 'text', text: 'done' }] }));
        arrived();
      }),
  };
  return { state, handlers };
}

describe.each(['modern', 'legacy'] as const)('per-call options, %s era', (era) => {
  async function connect(handlers: Record<string, (p: Record<string, unknown>, ctx: RequestContext) => unknown>) {
    server = await startRawServer({ handlers });
    client = new Client(info, { era });
    await client.connect(server.clientTransport);
    return client;
  }

  it('times out with MCPKIT_TIMEOUT and tells the server it cancelled', async () => {
    const { state, handlers } = slowServer(era === 'modern');
    const c = await connect(handlers);
    const error = await c.callTool({ name: 'slow' }, { timeout: 30 }).catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.Timeout);
    await expect.poll(() => state.cancelled).toBe(true);
  });

  it('cancels with MCPKIT_CANCELLED when the signal aborts', async () => {
    const { state, handlers } = slowServer(era === 'modern');
    const c = await connect(handlers);
    const controller = new AbortController();
    const call = c.callTool({ name: 'slow' }, { signal: controller.signal }).catch((e: unknown) => e);
    await state.arrived;
    controller.abort();
    expect(((await call) as McpkitError).code).toBe(McpkitErrorCode.Cancelled);
    await expect.poll(() => server!.notifications.some((n) => n.method === 'notifications/cancelled')).toBe(true);
  });

  it('reports progress, and progress resets the timeout', async () => {
    const { state, handlers } = slowServer(era === 'modern');
    const c = await connect(handlers);
    const updates: number[] = [];
    const call = c.callTool({ name: 'slow' }, { timeout: 300, onprogress: (p) => updates.push(p.progress) });
    await state.arrived;
    for (const n of [1, 2, 3]) {
      await state.progress(n);
      await expect.poll(() => updates.length).toBe(n);
    }
    state.release();
    await expect(call).resolves.toMatchObject({ content: [{ type: 'text', text: 'done' }] });
    expect(updates).toEqual([1, 2, 3]);
  });
});
