import { McpError, McpkitError, McpkitErrorCode, MetaKey } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '@mcpkit/client';
import { fixtureHandlers } from './helpers/fixtures.js';
import { metaOf, startRawServer, type RawServer, type RawServerOptions } from './helpers/raw-server.js';

const info = { name: 'test-client', version: '0.0.1' };
let server: RawServer | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
});

async function connect(era: 'modern' | 'legacy', options: RawServerOptions = {}): Promise<Client> {
  server = await startRawServer({ handlers: fixtureHandlers(era === 'modern'), ...options });
  client = new Client(info, { era, cache: false });
  await client.connect(server.clientTransport);
  expect(client.era).toBe(era);
  return client;
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe.each(['modern', 'legacy'] as const)('typed calls, %s era', (era) => {
  it('lists one page and iterates every page of tools, resources and prompts', async () => {
    const c = await connect(era);
    const first = await c.listTools();
    expect(first.tools.map((t) => t.name)).toEqual(['add', 'weather']);
    expect(first.nextCursor).toBe('2');
    expect((await collect(c.tools())).map((t) => t.name)).toEqual(['add', 'weather', 'echo']);
    expect((await collect(c.resources())).map((r) => r.uri)).toHaveLength(5);
    expect((await collect(c.prompts())).map((p) => p.name)).toEqual(['p0', 'p1', 'p2']);
    expect((await collect(c.resourceTemplates())).map((t) => t.uriTemplate)).toEqual(['test://t/{id}']);
  });

  it('calls a tool, reads a resource, gets a prompt and completes an argument', async () => {
    const c = await connect(era);
    const sum = await c.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    expect(sum.content[0]).toEqual({ type: 'text', text: '5' });
    const read = await c.readResource({ uri: 'test://r/1' });
    expect(read.contents[0]).toMatchObject({ uri: 'test://r/1', text: 'content of test://r/1' });
    const prompt = await c.getPrompt({ name: 'p1', arguments: { x: 'y' } });
    expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: 'p1:{"x":"y"}' });
    const completion = await c.complete({ ref: { type: 'ref/prompt', name: 'p1' }, argument: { name: 'x', value: 'a' } });
    expect(completion.completion.values).toEqual(['a1', 'a2']);
  });

  it('puts the modern envelope on every request, and only in the modern era', async () => {
    const c = await connect(era);
    await c.callTool({ name: 'echo', arguments: {} }, { _meta: { traceparent: 't-1' } });
    const call = server!.received.find((r) => r.method === 'tools/call');
    const meta = metaOf(call);
    expect(meta['traceparent']).toBe('t-1');
    if (era === 'modern') {
      expect(meta[MetaKey.ProtocolVersion]).toBe('2026-07-28');
      expect(meta[MetaKey.ClientInfo]).toEqual(info);
    } else {
      expect(meta[MetaKey.ProtocolVersion]).toBeUndefined();
    }
  });

  it('sets the log level per era: logging/setLevel (legacy) or _meta logLevel (modern)', async () => {
    const c = await connect(era);
    await c.setLoggingLevel('debug');
    await c.callTool({ name: 'echo' });
    const call = server!.received.find((r) => r.method === 'tools/call');
    if (era === 'modern') {
      expect(server!.methods()).not.toContain('logging/setLevel');
      expect(metaOf(call)[MetaKey.LogLevel]).toBe('debug');
    } else {
      expect(server!.methods()).toContain('logging/setLevel');
    }
  });

  it('pings: ping (legacy) or server/discover (modern)', async () => {
    const c = await connect(era);
    await c.ping();
    expect(server!.methods().at(-1)).toBe(era === 'modern' ? 'server/discover' : 'ping');
  });

  it('surfaces a wire error as McpError with its code', async () => {
    const c = await connect(era);
    const error = await c.callTool({ name: 'nope' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).code).toBe(-32602);
  });

  it('refuses a call the server has no capability for', async () => {
    const c = await connect(era, { capabilities: { tools: {} } });
    const error = await c.listPrompts().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpkitError);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.CapabilityMissing);
    expect(server!.methods()).not.toContain('prompts/list');
  });

  it('rejects an invalid server result with MCPKIT_INVALID_RESPONSE and the issue', async () => {
    const c = await connect(era, { handlers: { ...fixtureHandlers(era === 'modern'), 'tools/list': () => ({ tools: [{ description: 'no name' }] }) } });
    const error = await c.listTools().catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.InvalidResponse);
    expect((error as McpkitError).data).toMatchObject({ method: 'tools/list' });
    expect(((error as McpkitError).data as { issues: unknown[] }).issues.length).toBeGreaterThan(0);
  });

  it('detects a paging loop', async () => {
    const c = await connect(era, {
      handlers: { ...fixtureHandlers(era === 'modern'), 'prompts/list': () => ({ prompts: [{ name: 'x' }], nextCursor: 'same' }) },
    });
    const error = await collect(c.prompts()).catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.InvalidResponse);
  });
});

describe('era-specific calls', () => {
  it('refuses legacy subscribeResource in the modern era', async () => {
    const c = await connect('modern');
    const error = await c.subscribeResource({ uri: 'test://r/1' }).catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.InvalidArgument);
  });

  it('discover() in the legacy era reports what initialize said, without a request', async () => {
    const c = await connect('legacy');
    const before = server!.received.length;
    const discovered = await c.discover();
    expect(discovered).toMatchObject({ supportedVersions: ['2025-11-25'], _meta: { [MetaKey.ServerInfo]: { name: 'raw-server' } } });
    expect(discovered.capabilities).toHaveProperty('tools');
    expect(server!.received.length).toBe(before);
  });

  it('calls before connect fail with MCPKIT_NOT_CONNECTED', async () => {
    const c = new Client(info);
    const error = await c.listTools().catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.NotConnected);
  });

  it('calls after close fail with MCPKIT_NOT_CONNECTED', async () => {
    const c = await connect('legacy');
    await c.close();
    const error = await Promise.resolve().then(() => c.listTools()).catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.NotConnected);
  });
});
