import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ErrorCode } from '@mcpkit/core';
import { McpServer, ToolError, text } from '@mcpkit/server';
import { ERAS, open, until, wireError } from './helpers.js';

function weatherServer(options: ConstructorParameters<typeof McpServer>[1] = {}): { server: McpServer; errors: Error[] } {
  const errors: Error[] = [];
  const server = new McpServer({ name: 'weather', version: '1.0.0' }, { onerror: (e) => errors.push(e), ...options });
  server.tool(
    'forecast',
    {
      title: 'Forecast',
      description: 'Forecast for a city',
      inputSchema: z.object({ city: z.string(), days: z.number().int().min(1).max(7).default(1) }),
      outputSchema: z.object({ city: z.string(), summary: z.string() }),
      annotations: { readOnlyHint: true },
      icons: [{ src: 'https://example.com/sun.png', mimeType: 'image/png' }],
      _meta: { 'example.com/owner': 'team-weather' },
    },
    ({ city, days }) => ({ structuredContent: { city, summary: `Sunny for ${days} day(s)` } }),
  );
  server.tool('boom', { description: 'Throws an internal error' }, () => {
    throw new Error('database password is hunter2');
  });
  server.tool('refuse', { description: 'Throws a ToolError' }, () => {
    throw new ToolError('Unknown city: try a larger town');
  });
  server.tool('bad_output', { description: 'Breaks its output schema', outputSchema: z.object({ n: z.number() }) }, () => ({
    structuredContent: { n: 'not a number' as unknown as number },
  }));
  server.tool('echo', { description: 'Echoes', inputSchema: { type: 'object', properties: { word: { type: 'string', minLength: 2 } }, required: ['word'] } }, (args) => ({
    content: [text(String(args.word))],
  }));
  return { server, errors };
}

describe.each(ERAS)('tools (%s era)', (era) => {
  it('lists tools in name order with JSON Schema produced at registration', async () => {
    const { server } = weatherServer();
    const c = await open(server, era);
    const result = await c.call('tools/list');
    const tools = result.tools as Array<Record<string, unknown>>;
    expect(tools.map((t) => t.name)).toEqual(['bad_output', 'boom', 'echo', 'forecast', 'refuse']);
    const forecast = tools.find((t) => t.name === 'forecast')!;
    expect(forecast).toMatchObject({
      title: 'Forecast',
      description: 'Forecast for a city',
      annotations: { readOnlyHint: true },
      icons: [{ src: 'https://example.com/sun.png' }],
      _meta: { 'example.com/owner': 'team-weather' },
      inputSchema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] },
      outputSchema: { type: 'object', required: ['city', 'summary'] },
    });
    if (era === 'modern') expect(result).toMatchObject({ resultType: 'complete', ttlMs: 0, cacheScope: 'public' });
    else expect(result).not.toHaveProperty('ttlMs');
    await c.close();
  });

  it('validates input, runs the handler and mirrors structured output as text', async () => {
    const { server } = weatherServer();
    const c = await open(server, era);
    const result = await c.call('tools/call', { name: 'forecast', arguments: { city: 'Oslo', days: 3 } });
    expect(result.structuredContent).toEqual({ city: 'Oslo', summary: 'Sunny for 3 day(s)' });
    expect(result.content).toEqual([{ type: 'text', text: JSON.stringify({ city: 'Oslo', summary: 'Sunny for 3 day(s)' }) }]);
    expect(result.isError).toBeUndefined();
    await c.close();
  });

  it('answers bad input with isError naming the field and the reason', async () => {
    const { server } = weatherServer();
    const c = await open(server, era);
    const result = await c.call('tools/call', { name: 'forecast', arguments: { city: 42, days: 9 } });
    expect(result.isError).toBe(true);
    const message = (result.content as Array<{ text: string }>)[0]!.text;
    expect(message).toContain('city');
    expect(message).toContain('days');
    const raw = await c.call('tools/call', { name: 'echo', arguments: { word: 'a' } });
    expect(raw.isError).toBe(true);
    expect((raw.content as Array<{ text: string }>)[0]!.text).toMatch(/word: must be at least 2 characters/);
    await c.close();
  });

  it('turns thrown errors into safe isError results', async () => {
    const { server, errors } = weatherServer();
    const c = await open(server, era);
    const boom = await c.call('tools/call', { name: 'boom' });
    expect(boom.isError).toBe(true);
    expect(JSON.stringify(boom)).not.toContain('hunter2');
    expect(errors.map((e) => e.message)).toContain('database password is hunter2');
    const refuse = await c.call('tools/call', { name: 'refuse' });
    expect(refuse).toMatchObject({ isError: true, content: [{ type: 'text', text: 'Unknown city: try a larger town' }] });
    const bad = await c.call('tools/call', { name: 'bad_output' });
    expect(bad.isError).toBe(true);
    await c.close();
  });

  it('answers an unknown tool with -32602', async () => {
    const { server } = weatherServer();
    const c = await open(server, era);
    const error = await wireError(c.call('tools/call', { name: 'nope' }));
    expect(error.code).toBe(ErrorCode.InvalidParams);
    const malformed = await wireError(c.call('tools/call', { arguments: {} }));
    expect(malformed.code).toBe(ErrorCode.InvalidParams);
    await c.close();
  });

  it('paginates with opaque cursors and rejects a forged one', async () => {
    const server = new McpServer({ name: 'many', version: '1' }, { pageSize: 2 });
    for (const name of ['e', 'a', 'd', 'c', 'b']) server.tool(name, { description: name }, () => name);
    const c = await open(server, era);
    const names: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await c.call('tools/list', cursor === undefined ? {} : { cursor });
      names.push(...(page.tools as Array<{ name: string }>).map((t) => t.name));
      cursor = page.nextCursor as string | undefined;
    } while (cursor !== undefined);
    expect(names).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect((await wireError(c.call('tools/list', { cursor: 'garbage' }))).code).toBe(ErrorCode.InvalidParams);
    await c.close();
  });

  it('adds and removes tools at run time and says so', async () => {
    const server = new McpServer({ name: 'dyn', version: '1' });
    server.tool('first', { description: 'first' }, () => 'one');
    const c = await open(server, era);
    if (era === 'modern') {
      void c.modern('subscriptions/listen', { notifications: { toolsListChanged: true } }).catch(() => undefined);
      await until(() => c.notifications.some((n) => n.method === 'notifications/subscriptions/acknowledged'));
    }
    const second = server.tool('second', { description: 'second' }, () => 'two');
    expect(((await c.call('tools/list')).tools as unknown[]).length).toBe(2);
    second.remove();
    expect(((await c.call('tools/list')).tools as unknown[]).length).toBe(1);
    await until(() => c.notifications.filter((n) => n.method === 'notifications/tools/list_changed').length === 2);
    const changed = c.notifications.filter((n) => n.method === 'notifications/tools/list_changed');
    expect(changed.length).toBe(2);
    if (era === 'modern') expect(changed[0]!.params?._meta).toHaveProperty(['io.modelcontextprotocol/subscriptionId']);
    await server.close();
  });
});

describe('tool registration', () => {
  it('refuses invalid and duplicate names', () => {
    const server = new McpServer({ name: 'r', version: '1' });
    expect(() => server.tool('has space', { description: 'x' }, () => 'x')).toThrow(/Invalid tool name/);
    server.tool('ok', { description: 'x' }, () => 'x');
    expect(() => server.tool('ok', { description: 'x' }, () => 'x')).toThrow(/already registered/);
  });
});
