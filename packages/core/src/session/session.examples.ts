/**
 * Examples of the session API, type-checked with the rest of the code and quoted in the docs.
 *
 * @module
 */
import * as z from 'zod/mini';
import { McpkitError, McpkitErrorCode } from '../errors.js';
import { createMemoryTransportPair } from '../memory-transport.js';
import { Session } from './session.js';
import type { HandlerTable, RequestHandler } from './types.js';
import { withParams } from './with-params.js';

/** Two sessions over an in-memory pair: one answers `tools/call`, the other calls it with a timeout. */
export async function requestAndRespond(): Promise<unknown> {
  const [clientTransport, serverTransport] = createMemoryTransportPair();
  const server = new Session(serverTransport);
  server.setRequestHandler(
    'tools/call',
    withParams(z.object({ name: z.string(), arguments: z.object({ a: z.number(), b: z.number() }) }), (params) => ({
      content: [{ type: 'text', text: String(params.arguments.a + params.arguments.b) }],
    })),
  );
  const client = new Session(clientTransport, { requestTimeout: 10_000 });
  await Promise.all([server.start(), client.start()]);
  try {
    return await client.request('tools/call', { name: 'add', arguments: { a: 1, b: 2 } }, {
      onprogress: (p) => console.log(`progress ${p.progress}/${p.total ?? '?'}`),
    });
  } catch (error) {
    if (error instanceof McpkitError && error.code === McpkitErrorCode.Timeout) return undefined;
    throw error;
  } finally {
    await client.close();
  }
}

/** A handler table built once and shared by every per-request session of a stateless server. */
export function sharedTable(): HandlerTable {
  const ping: RequestHandler = () => ({});
  return { requests: new Map([['ping', ping]]), notifications: new Map() };
}

/** A long handler that reports progress and stops when the peer cancels. */
export const slowHandler: RequestHandler = async (_request, ctx) => {
  for (let step = 1; step <= 10 && !ctx.signal.aborted; step++) {
    await ctx.progress(step, 10, `step ${step}`);
  }
  return { done: !ctx.signal.aborted };
};
