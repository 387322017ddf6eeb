import { describe, expect, it } from 'vitest';
import { ErrorCode, type LoggingLevel } from '@mcpkit/core';
import { McpServer, type ServerContext } from '@mcpkit/server';
import { ERAS, connect, open, until, wireError } from './helpers.js';

function chatty(): { server: McpServer; contexts: ServerContext[]; aborted: string[]; started: string[] } {
  const contexts: ServerContext[] = [];
  const aborted: string[] = [];
  const started: string[] = [];
  const server = new McpServer({ name: 'chatty', version: '2.0.0', title: 'Chatty' }, { instructions: 'Be nice' });
  server.tool('log_all', { description: 'logs at every level' }, async (_a, ctx) => {
    contexts.push(ctx);
    for (const level of ['debug', 'info', 'warning', 'error'] as LoggingLevel[]) await ctx.log(level, { level }, 'test');
    return 'logged';
  });
  server.tool('progress', { description: 'reports progress' }, async (_a, ctx) => {
    for (const done of [1, 2, 3]) await ctx.progress(done, 3, `step ${done}`);
    return 'done';
  });
  server.tool('wait', { description: 'waits for cancellation' }, (_a, ctx) =>
    new Promise((resolve) => {
      started.push(ctx.era);
      ctx.signal.addEventListener('abort', () => {
        aborted.push(ctx.era);
        resolve('aborted');
      });
    }),
  );
  return { server, contexts, aborted, started };
}

describe('legacy lifecycle', () => {
  it('negotiates the version and declares capabilities from what is registered', async () => {
    const { server } = chatty();
    const c = await connect(server);
    const init = await c.initialize({}, '2025-06-18');
    expect(init).toMatchObject({
      protocolVersion: '2025-06-18',
      serverInfo: { name: 'chatty', version: '2.0.0', title: 'Chatty' },
      instructions: 'Be nice',
      capabilities: { tools: { listChanged: true }, logging: {} },
    });
    expect(init.capabilities).not.toHaveProperty('prompts');
    const other = await connect(server);
    expect((await other.initialize({}, '1999-01-01')).protocolVersion).toBe('2025-11-25');
    expect(await c.legacy('ping')).toEqual({});
    await Promise.all([c.close(), other.close()]);
  });

  it('filters log messages by logging/setLevel', async () => {
    const { server } = chatty();
    const c = await open(server, 'legacy');
    await c.call('tools/call', { name: 'log_all' });
    expect(await c.call('logging/setLevel', { level: 'warning' })).toEqual({});
    await c.call('tools/call', { name: 'log_all' });
    const levels = c.notifications.filter((n) => n.method === 'notifications/message').map((n) => n.params?.level);
    expect(levels).toEqual(['debug', 'info', 'warning', 'error', 'warning', 'error']);
    expect((await wireError(c.call('logging/setLevel', { level: 'loud' }))).code).toBe(ErrorCode.InvalidParams);
    await c.close();
  });

  it('refuses modern-only methods with -32601', async () => {
    const c = await open(chatty().server, 'legacy');
    expect((await wireError(c.call('subscriptions/listen', { notifications: {} }))).code).toBe(ErrorCode.MethodNotFound);
    await c.close();
  });
});

describe('modern envelope', () => {
  it('serves server/discover with versions, capabilities, identity and caching hints', async () => {
    const c = await connect(chatty().server);
    const result = await c.modern('server/discover');
    expect(result).toMatchObject({
      resultType: 'complete',
      supportedVersions: ['2026-07-28', '2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'],
      capabilities: { tools: { listChanged: true } },
      instructions: 'Be nice',
      ttlMs: 0,
      cacheScope: 'public',
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'chatty', version: '2.0.0' } },
    });
    await c.close();
  });

  it('sends log messages only at or above the request’s own log level', async () => {
    const { server } = chatty();
    const c = await connect(server);
    await c.modern('tools/call', { name: 'log_all' });
    await c.modern('tools/call', { name: 'log_all' }, { meta: { 'io.modelcontextprotocol/logLevel': 'error' } });
    const levels = c.notifications.filter((n) => n.method === 'notifications/message').map((n) => n.params?.level);
    expect(levels).toEqual(['error']);
    await c.close();
  });

  it('rejects an unsupported version with -32022 and the supported list', async () => {
    const c = await connect(chatty().server);
    const error = await wireError(c.session.request('tools/list', { _meta: { 'io.modelcontextprotocol/protocolVersion': '2099-01-01', 'io.modelcontextprotocol/clientCapabilities': {} } }));
    expect(error.code).toBe(ErrorCode.UnsupportedProtocolVersion);
    expect(error.data).toMatchObject({ requested: '2099-01-01', supported: expect.arrayContaining(['2026-07-28']) });
    await c.close();
  });

  it('rejects a request without envelope on an uninitialized connection with -32602', async () => {
    const c = await connect(chatty().server);
    expect((await wireError(c.session.request('tools/list', {}))).code).toBe(ErrorCode.InvalidParams);
    const noCaps = await wireError(c.session.request('tools/list', { _meta: { 'io.modelcontextprotocol/protocolVersion': '2026-07-28' } }));
    expect(noCaps.code).toBe(ErrorCode.InvalidParams);
    await c.close();
  });

  it('refuses removed methods with -32601', async () => {
    const c = await connect(chatty().server);
    for (const method of ['initialize', 'ping', 'logging/setLevel', 'resources/subscribe']) {
      expect((await wireError(c.modern(method, { uri: 'x', level: 'info' }))).code).toBe(ErrorCode.MethodNotFound);
    }
    expect((await wireError(c.modern('tasks/list'))).code).toBe(ErrorCode.MethodNotFound);
    await c.close();
  });

  it('passes client identity, capabilities and trace context to handlers', async () => {
    const { server, contexts } = chatty();
    const c = await connect(server);
    await c.modern('tools/call', { name: 'log_all' }, { capabilities: { sampling: {} }, meta: { traceparent: '00-abc-def-01', baggage: 'k=v' } });
    expect(contexts[0]).toMatchObject({
      era: 'modern',
      protocolVersion: '2026-07-28',
      client: { info: { name: 'test', version: '1' }, capabilities: { sampling: {} } },
      trace: { traceparent: '00-abc-def-01', baggage: 'k=v' },
    });
    await c.close();
  });
});

describe.each(ERAS)('progress and cancellation (%s era)', (era) => {
  it('sends progress for the request’s token', async () => {
    const c = await open(chatty().server, era);
    const updates: number[] = [];
    const meta = era === 'modern' ? { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} } : {};
    await c.session.request('tools/call', { name: 'progress', _meta: meta }, { onprogress: (p) => updates.push(p.progress) });
    expect(updates).toEqual([1, 2, 3]);
    await c.close();
  });

  it('aborts the handler’s signal when the client cancels', async () => {
    const { server, aborted, started } = chatty();
    const c = await open(server, era);
    const controller = new AbortController();
    const meta = era === 'modern' ? { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientCapabilities': {} } : {};
    const pending = c.session.request('tools/call', { name: 'wait', _meta: meta }, { signal: controller.signal });
    await until(() => started.length === 1);
    controller.abort();
    await pending.catch(() => undefined);
    await until(() => aborted.length === 1);
    expect(aborted).toEqual([era]);
    await c.close();
  });
});

describe('list and roots change hooks', () => {
  it('notifyListChanged announces a list change to legacy connections without touching the registry', async () => {
    const server = new McpServer({ name: 'lists', version: '1' });
    server.tool('t', { description: 'a tool' }, () => 'ok');
    const c = await connect(server);
    await c.initialize({});
    server.notifyListChanged('prompts');
    server.notifyListChanged('tools');
    await until(() => c.notifications.length >= 2);
    expect(c.notifications.map((n) => n.method)).toEqual([
      'notifications/prompts/list_changed',
      'notifications/tools/list_changed',
    ]);
    await c.close();
  });

  it('onRootsListChanged is told when a legacy client says its roots changed', async () => {
    const told: unknown[] = [];
    const server = new McpServer({ name: 'roots', version: '1' }, { onRootsListChanged: (connection) => void told.push(connection) });
    const c = await connect(server);
    await c.initialize({ roots: { listChanged: true } });
    await c.session.notify('notifications/roots/list_changed');
    await until(() => told.length === 1);
    expect(told).toHaveLength(1);
    await c.close();
  });
});
