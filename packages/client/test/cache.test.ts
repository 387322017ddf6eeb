import { afterEach, describe, expect, it } from 'vitest';
import { Client, ResponseCache } from '@mcpkit/client';
import { fixtureHandlers } from './helpers/fixtures.js';
import { startRawServer, type RawServer } from './helpers/raw-server.js';

const info = { name: 'test-client', version: '0.0.1' };
let server: RawServer | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
});

describe('ResponseCache', () => {
  it('keeps a result for ttlMs, per method and params, ignoring _meta', () => {
    let now = 1000;
    const cache = new ResponseCache({ now: () => now });
    cache.set('tools/list', { _meta: { a: 1 } }, { tools: [], ttlMs: 500, cacheScope: 'public' });
    expect(cache.get('tools/list', { _meta: { b: 2 } })).toEqual({ tools: [], ttlMs: 500, cacheScope: 'public' });
    expect(cache.get('tools/list', { cursor: 'x' })).toBeUndefined();
    now = 1499;
    expect(cache.get('tools/list', {})).toBeDefined();
    now = 1500;
    expect(cache.get('tools/list', {})).toBeUndefined();
  });

  it('does not cache ttlMs 0, a negative or missing ttlMs, or non-cacheable methods', () => {
    const cache = new ResponseCache();
    cache.set('tools/list', {}, { tools: [], ttlMs: 0 });
    cache.set('prompts/list', {}, { prompts: [], ttlMs: -5 });
    cache.set('resources/list', {}, { resources: [] });
    cache.set('tools/call', {}, { content: [], ttlMs: 1000 });
    cache.set('resources/read', { uri: 'x' }, { contents: [], ttlMs: 1000 });
    expect(cache.size).toBe(0);
  });

  it('evicts the oldest entry past maxEntries and invalidates by method and resource', () => {
    const cache = new ResponseCache({ maxEntries: 2, cacheReads: true });
    cache.set('tools/list', {}, { ttlMs: 1e6 });
    cache.set('tools/list', { cursor: '2' }, { ttlMs: 1e6 });
    cache.set('resources/read', { uri: 'a' }, { ttlMs: 1e6 });
    expect(cache.get('tools/list', {})).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.invalidateResource('a');
    cache.invalidateMethod('tools/list');
    expect(cache.size).toBe(0);
  });
});

describe('client response cache', () => {
  async function connect(cache?: boolean) {
    server = await startRawServer({ handlers: fixtureHandlers(true) });
    client = new Client(info, cache === undefined ? {} : { cache });
    await client.connect(server.clientTransport);
    return client;
  }
  const count = (method: string) => server!.methods().filter((m) => m === method).length;

  it('serves fresh list results from the cache, per page', async () => {
    const c = await connect();
    await c.listTools();
    await c.listTools();
    await c.listTools({ cursor: '2' });
    await c.listTools({ cursor: '2' });
    expect(count('tools/list')).toBe(2);
    await c.listTools(undefined, { fresh: true });
    expect(count('tools/list')).toBe(3);
  });

  it('is invalidated by a list-changed notification', async () => {
    const c = await connect();
    const changed: string[] = [];
    c.on('toolsListChanged', () => changed.push('tools'));
    await c.listTools();
    await server!.session.notify('notifications/tools/list_changed');
    await expect.poll(() => changed).toEqual(['tools']);
    await c.listTools();
    expect(count('tools/list')).toBe(2);
  });

  it('drops the cached pages of a list whose cursor the server refuses', async () => {
    const c = await connect();
    await c.listTools();
    await expect(c.listTools({ cursor: 'bogus' })).rejects.toMatchObject({ code: -32602 });
    await c.listTools();
    expect(count('tools/list')).toBe(3);
  });

  it('can be turned off', async () => {
    const c = await connect(false);
    await c.listTools();
    await c.listTools();
    expect(count('tools/list')).toBe(2);
  });

  it('does not cache MRTR retries', async () => {
    let n = 0;
    server = await startRawServer({
      handlers: {
        'resources/read': (p) =>
          p['inputResponses'] === undefined
            ? { resultType: 'input_required', inputRequests: { r: { method: 'roots/list', params: {} } } }
            : { resultType: 'complete', ttlMs: 60_000, cacheScope: 'private', contents: [{ uri: 'x', text: String(++n) }] },
      },
    });
    client = new Client(info, { cache: { cacheReads: true }, roots: { list: () => [] } });
    await client.connect(server.clientTransport);
    await client.readResource({ uri: 'x' });
    const second = await client.readResource({ uri: 'x' });
    expect(second.contents[0]).toMatchObject({ text: '2' });
  });
});
