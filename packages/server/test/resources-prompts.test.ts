import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ErrorCode } from '@mcpkit/core';
import { McpServer, embeddedResource, image } from '@mcpkit/server';
import { ERAS, open, until, wireError } from './helpers.js';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

function library(): McpServer {
  const server = new McpServer({ name: 'library', version: '1' }, { readCache: { ttlMs: 1000, scope: 'private' } });
  server.resource('readme', 'file:///readme.md', { title: 'Readme', mimeType: 'text/markdown', cache: { ttlMs: 60_000, scope: 'public' } }, () => '# Hello');
  server.resource('logo', 'file:///logo.png', { mimeType: 'image/png' }, () => PNG);
  server.resourceTemplate(
    'book',
    'books://{shelf}/{id}',
    {
      description: 'A book',
      mimeType: 'application/json',
      complete: { shelf: (value) => ['fiction', 'history', 'science'].filter((s) => s.startsWith(value)) },
      list: () => [{ uri: 'books://fiction/1', name: 'Dune' }],
    },
    (uri, { shelf, id }) => (id === 'lost' ? undefined : JSON.stringify({ uri, shelf, id })),
  );
  server.prompt(
    'review',
    {
      description: 'Review code',
      argsSchema: z.object({ language: z.string().describe('The language'), style: z.string().optional() }),
      complete: { language: (value, { arguments: args }) => ['go', 'golang', 'python'].filter((l) => l.startsWith(value) && l !== args.style) },
    },
    ({ language, style }) => ({
      description: `Review in ${language}`,
      messages: [
        { role: 'user', content: { type: 'text', text: `Review this ${language} code${style === undefined ? '' : ` in ${style} style`}` } },
        { role: 'user', content: image(PNG) },
        { role: 'user', content: embeddedResource({ uri: 'file:///readme.md', mimeType: 'text/markdown', text: '# Hello' }) },
      ],
    }),
  );
  return server;
}

describe.each(ERAS)('resources and prompts (%s era)', (era) => {
  it('lists resources (static and template-listed) and templates', async () => {
    const c = await open(library(), era);
    const resources = await c.call('resources/list');
    expect((resources.resources as Array<{ uri: string }>).map((r) => r.uri)).toEqual(['books://fiction/1', 'file:///logo.png', 'file:///readme.md']);
    const templates = await c.call('resources/templates/list');
    expect(templates.resourceTemplates).toEqual([{ name: 'book', uriTemplate: 'books://{shelf}/{id}', description: 'A book', mimeType: 'application/json' }]);
    await c.close();
  });

  it('reads text, binary and templated resources, with per-resource caching hints', async () => {
    const c = await open(library(), era);
    const text = await c.call('resources/read', { uri: 'file:///readme.md' });
    expect(text.contents).toEqual([{ uri: 'file:///readme.md', mimeType: 'text/markdown', text: '# Hello' }]);
    if (era === 'modern') expect(text).toMatchObject({ ttlMs: 60_000, cacheScope: 'public', resultType: 'complete' });
    const blob = await c.call('resources/read', { uri: 'file:///logo.png' });
    expect(blob.contents).toEqual([{ uri: 'file:///logo.png', mimeType: 'image/png', blob: btoa(String.fromCharCode(...PNG)) }]);
    if (era === 'modern') expect(blob).toMatchObject({ ttlMs: 1000, cacheScope: 'private' });
    const book = await c.call('resources/read', { uri: 'books://history/42' });
    expect(JSON.parse((book.contents as Array<{ text: string }>)[0]!.text)).toEqual({ uri: 'books://history/42', shelf: 'history', id: '42' });
    await c.close();
  });

  it('answers an unknown URI with the era’s error code', async () => {
    const c = await open(library(), era);
    const error = await wireError(c.call('resources/read', { uri: 'file:///missing' }));
    expect(error.code).toBe(era === 'modern' ? ErrorCode.InvalidParams : ErrorCode.ResourceNotFound);
    expect(error.data).toEqual({ uri: 'file:///missing' });
    await c.close();
  });

  it('answers a template read whose handler returns undefined with the era’s not-found error', async () => {
    const c = await open(library(), era);
    const error = await wireError(c.call('resources/read', { uri: 'books://fiction/lost' }));
    expect(error.code).toBe(era === 'modern' ? ErrorCode.InvalidParams : ErrorCode.ResourceNotFound);
    expect(error.data).toEqual({ uri: 'books://fiction/lost' });
    await c.close();
  });

  it('completes template variables and prompt arguments', async () => {
    const c = await open(library(), era);
    const shelves = await c.call('completion/complete', { ref: { type: 'ref/resource', uri: 'books://{shelf}/{id}' }, argument: { name: 'shelf', value: 'h' } });
    expect(shelves.completion).toEqual({ values: ['history'], total: 1, hasMore: false });
    const langs = await c.call('completion/complete', { ref: { type: 'ref/prompt', name: 'review' }, argument: { name: 'language', value: 'go' }, context: { arguments: { style: 'golang' } } });
    expect(langs.completion).toMatchObject({ values: ['go'] });
    const none = await c.call('completion/complete', { ref: { type: 'ref/prompt', name: 'review' }, argument: { name: 'style', value: '' } });
    expect(none.completion).toMatchObject({ values: [] });
    expect((await wireError(c.call('completion/complete', { ref: { type: 'ref/prompt', name: 'nope' }, argument: { name: 'a', value: '' } }))).code).toBe(ErrorCode.InvalidParams);
    await c.close();
  });

  it('lists and renders prompts with typed arguments', async () => {
    const c = await open(library(), era);
    const list = await c.call('prompts/list');
    expect(list.prompts).toEqual([
      {
        name: 'review',
        description: 'Review code',
        arguments: [
          { name: 'language', description: 'The language', required: true },
          { name: 'style', required: false },
        ],
      },
    ]);
    const got = await c.call('prompts/get', { name: 'review', arguments: { language: 'go', style: 'terse' } });
    expect(got.description).toBe('Review in go');
    const messages = got.messages as Array<{ content: Record<string, unknown> }>;
    expect(messages[0]!.content).toEqual({ type: 'text', text: 'Review this go code in terse style' });
    expect(messages[1]!.content).toMatchObject({ type: 'image', mimeType: 'image/png' });
    expect(messages[2]!.content).toMatchObject({ type: 'resource', resource: { uri: 'file:///readme.md' } });
    const missing = await wireError(c.call('prompts/get', { name: 'review', arguments: {} }));
    expect(missing.code).toBe(ErrorCode.InvalidParams);
    expect(missing.message).toContain('language');
    expect((await wireError(c.call('prompts/get', { name: 'nope' }))).code).toBe(ErrorCode.InvalidParams);
    await c.close();
  });
});

describe('resource update notifications', () => {
  it('legacy: resources/subscribe then notifications/resources/updated; unsubscribe stops them', async () => {
    const server = library();
    const c = await open(server, 'legacy');
    expect(await c.call('resources/subscribe', { uri: 'file:///readme.md' })).toEqual({});
    server.notifyResourceUpdated('file:///readme.md');
    server.notifyResourceUpdated('file:///logo.png');
    await until(() => c.notifications.some((n) => n.method === 'notifications/resources/updated'));
    expect(await c.call('resources/unsubscribe', { uri: 'file:///readme.md' })).toEqual({});
    server.notifyResourceUpdated('file:///readme.md');
    await c.call('ping');
    expect(c.notifications.filter((n) => n.method === 'notifications/resources/updated').map((n) => n.params?.uri)).toEqual(['file:///readme.md']);
    await c.close();
  });

  it('modern: subscriptions/listen acknowledges, then delivers only what was asked, tagged', async () => {
    const server = library();
    const c = await open(server, 'modern');
    const listening = c.modern('subscriptions/listen', { notifications: { resourceSubscriptions: ['file:///readme.md'], promptsListChanged: true } });
    await until(() => c.notifications.some((n) => n.method === 'notifications/subscriptions/acknowledged'));
    const ack = c.notifications[0]!;
    expect(ack.method).toBe('notifications/subscriptions/acknowledged');
    expect(ack.params).toEqual({ _meta: { 'io.modelcontextprotocol/subscriptionId': 1 }, notifications: { resourceSubscriptions: ['file:///readme.md'], promptsListChanged: true } });
    server.notifyResourceUpdated('file:///logo.png');
    server.tool('new_tool', { description: 'x' }, () => 'x');
    server.notifyResourceUpdated('file:///readme.md');
    server.prompt('p2', { description: 'x' }, () => ({ messages: [] }));
    await until(() => c.notifications.length >= 3);
    expect(c.notifications.slice(1).map((n) => [n.method, n.params?._meta])).toEqual([
      ['notifications/resources/updated', { 'io.modelcontextprotocol/subscriptionId': 1 }],
      ['notifications/prompts/list_changed', { 'io.modelcontextprotocol/subscriptionId': 1 }],
    ]);
    await server.close();
    const end = await listening.catch((e: unknown) => e);
    expect(end).toMatchObject({ resultType: 'complete', _meta: { 'io.modelcontextprotocol/subscriptionId': 1 } });
  });
});
