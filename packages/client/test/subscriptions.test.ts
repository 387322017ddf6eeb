import { McpkitError, McpkitErrorCode, MetaKey, type RequestContext } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '@mcpkit/client';
import { fixtureHandlers } from './helpers/fixtures.js';
import { startRawServer, type RawServer } from './helpers/raw-server.js';

const info = { name: 'test-client', version: '0.0.1' };
let server: RawServer | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
});

/** A modern listen handler: acknowledges, then keeps the stream open until cancelled. */
function listenHandler(streams: RequestContext[], agreed?: Record<string, unknown>) {
  return async (params: Record<string, unknown>, ctx: RequestContext) => {
    streams.push(ctx);
    const tag = { [MetaKey.SubscriptionId]: ctx.requestId };
    await ctx.notify('notifications/subscriptions/acknowledged', { _meta: tag, notifications: agreed ?? params['notifications'] });
    await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
    return { resultType: 'complete', _meta: tag };
  };
}

describe('modern era: subscriptions/listen', () => {
  it('opens a stream, gets the acknowledged filter and surfaces notifications as events', async () => {
    const streams: RequestContext[] = [];
    server = await startRawServer({ handlers: { ...fixtureHandlers(true), 'subscriptions/listen': listenHandler(streams) } });
    client = new Client(info);
    await client.connect(server.clientTransport);
    const updated: string[] = [];
    let toolsChanged = 0;
    client.on('resourceUpdated', ({ uri }) => updated.push(uri));
    client.on('toolsListChanged', () => toolsChanged++);
    const sub = await client.listen({ toolsListChanged: true, resourceSubscriptions: ['test://r/1'] });
    expect(sub.acknowledged).toEqual({ toolsListChanged: true, resourceSubscriptions: ['test://r/1'] });
    const listen = server.received.find((r) => r.method === 'subscriptions/listen');
    expect(listen?.params?.['notifications']).toEqual({ toolsListChanged: true, resourceSubscriptions: ['test://r/1'] });
    const tag = { _meta: { [MetaKey.SubscriptionId]: streams[0]!.requestId } };
    await streams[0]!.notify('notifications/resources/updated', { ...tag, uri: 'test://r/1' });
    await streams[0]!.notify('notifications/tools/list_changed', tag);
    await expect.poll(() => updated).toEqual(['test://r/1']);
    await expect.poll(() => toolsChanged).toBe(1);
    await sub.close();
    await expect.poll(() => streams[0]!.signal.aborted).toBe(true);
    await sub.ended;
  });

  it('reports what the server agreed to, which may be less than asked', async () => {
    const streams: RequestContext[] = [];
    server = await startRawServer({ handlers: { 'subscriptions/listen': listenHandler(streams, { toolsListChanged: true }) } });
    client = new Client(info);
    await client.connect(server.clientTransport);
    const sub = await client.listen({ toolsListChanged: true, promptsListChanged: true });
    expect(sub.acknowledged).toEqual({ toolsListChanged: true });
    await sub.close();
  });

  it('fails when the server ends the stream without acknowledging', async () => {
    server = await startRawServer({ handlers: { 'subscriptions/listen': () => ({ resultType: 'complete', _meta: {} }) } });
    client = new Client(info);
    await client.connect(server.clientTransport);
    const error = await client.listen({ toolsListChanged: true }).catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.InvalidResponse);
  });
});

describe('legacy era: resources/subscribe and unsolicited notifications', () => {
  it('subscribes per URI through listen() and surfaces the same events', async () => {
    server = await startRawServer({ handlers: fixtureHandlers(false) });
    client = new Client(info, { era: 'legacy' });
    await client.connect(server.clientTransport);
    const updated: string[] = [];
    const changed: string[] = [];
    client.on('resourceUpdated', ({ uri }) => updated.push(uri));
    client.on('promptsListChanged', () => changed.push('prompts'));
    client.on('resourcesListChanged', () => changed.push('resources'));
    const sub = await client.listen({ resourceSubscriptions: ['test://r/2'], promptsListChanged: true });
    expect(sub.acknowledged).toEqual({ promptsListChanged: true, resourceSubscriptions: ['test://r/2'] });
    expect(server.received.find((r) => r.method === 'resources/subscribe')?.params).toEqual({ uri: 'test://r/2' });
    await server.session.notify('notifications/resources/updated', { uri: 'test://r/2' });
    await server.session.notify('notifications/prompts/list_changed');
    await server.session.notify('notifications/resources/list_changed');
    await expect.poll(() => updated).toEqual(['test://r/2']);
    await expect.poll(() => changed).toEqual(['prompts', 'resources']);
    await sub.close();
    expect(server.methods()).toContain('resources/unsubscribe');
  });

  it('subscribeResource, log messages and elicitation completion', async () => {
    server = await startRawServer({ handlers: fixtureHandlers(false) });
    client = new Client(info, { era: 'legacy' });
    await client.connect(server.clientTransport);
    const logs: unknown[] = [];
    const completed: string[] = [];
    client.on('log', (e) => logs.push(e));
    client.on('elicitationComplete', ({ elicitationId }) => completed.push(elicitationId));
    await client.subscribeResource({ uri: 'test://r/3' });
    await client.unsubscribeResource({ uri: 'test://r/3' });
    await server.session.notify('notifications/message', { level: 'info', logger: 'db', data: 'hello' });
    await server.session.notify('notifications/elicitation/complete', { elicitationId: 'e-1' });
    await expect.poll(() => logs).toEqual([{ level: 'info', logger: 'db', data: 'hello' }]);
    await expect.poll(() => completed).toEqual(['e-1']);
  });

  it('refuses resource subscriptions when the server does not declare resources.subscribe', async () => {
    server = await startRawServer({ handlers: fixtureHandlers(false), capabilities: { resources: {} } });
    client = new Client(info, { era: 'legacy' });
    await client.connect(server.clientTransport);
    const error = await client.subscribeResource({ uri: 'test://r/3' }).catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.CapabilityMissing);
  });
});
