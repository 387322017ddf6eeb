import * as zc from 'zod';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ErrorCode, McpError } from '../../src/errors.js';
import { createMemoryTransportPair } from '../../src/memory-transport.js';
import { Session, withParams } from '../../src/session/index.js';

async function pair() {
  const [a, b] = createMemoryTransportPair();
  const client = new Session(a);
  const server = new Session(b);
  await Promise.all([client.start(), server.start()]);
  return { client, server };
}

describe('withParams', () => {
  it('hands the handler parsed params and answers -32602 naming the field', async () => {
    const { client, server } = await pair();
    const Params = z.object({ name: z.string(), arguments: z.object({ a: z.number(), b: z.number() }) });
    server.setRequestHandler('tools/call', withParams(Params, (params) => ({ sum: params.arguments.a + params.arguments.b, tool: params.name })));
    await expect(client.request('tools/call', { name: 'add', arguments: { a: 1, b: 2 } })).resolves.toEqual({ sum: 3, tool: 'add' });
    const error = await client.request('tools/call', { name: 'add', arguments: { a: 'one', b: 2 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect(error).toMatchObject({
      code: ErrorCode.InvalidParams,
      message: 'Invalid params: arguments.a: expected number, received string',
      data: { issues: [{ path: 'arguments.a', message: 'expected number, received string' }] },
    });
  });

  it('works with zod classic and validates absent params as {}', async () => {
    const { client, server } = await pair();
    server.setRequestHandler('list', withParams(zc.object({ cursor: zc.string().optional() }), (params) => ({ cursor: params.cursor ?? null })));
    await expect(client.request('list')).resolves.toEqual({ cursor: null });
    await expect(client.request('list', { cursor: 7 })).rejects.toMatchObject({ message: 'Invalid params: cursor: expected string, received number' });
  });
});
