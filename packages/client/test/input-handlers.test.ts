import { ErrorCode, McpError, McpkitError, McpkitErrorCode, MetaKey, type RequestContext } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { Client, type ClientOptions } from '@mcpkit/client';
import { finish } from './helpers/fixtures.js';
import { metaOf, startRawServer, type RawServer } from './helpers/raw-server.js';

const info = { name: 'test-client', version: '0.0.1' };
let server: RawServer | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
});

const DEFAULTS_SCHEMA = {
  type: 'object',
  properties: {
    name: { type: 'string', default: 'John Doe' },
    age: { type: 'integer', default: 30 },
    score: { type: 'number', default: 95.5 },
    status: { type: 'string', enum: ['active', 'inactive'], default: 'active' },
    verified: { type: 'boolean', default: true },
    nickname: { type: 'string' },
  },
};

const SAMPLING_WITH_TOOLS = {
  messages: [{ role: 'user', content: { type: 'text', text: 'weather?' } }],
  maxTokens: 100,
  tools: [{ name: 'get_weather', inputSchema: { type: 'object' } }],
  toolChoice: { mode: 'auto' },
};

const handlers: ClientOptions = {
  elicitation: { form: () => ({ action: 'accept', content: { name: 'Ada' } }), url: () => ({ action: 'accept' }) },
  sampling: {
    tools: true,
    handler: (params) => ({
      role: 'assistant',
      model: 'test-model',
      stopReason: 'toolUse',
      content: { type: 'tool_use', id: 'call-1', name: params.tools?.[0]?.name ?? 'none', input: { city: 'Paris' } },
    }),
  },
  roots: { list: () => [{ uri: 'file:///work', name: 'work' }] },
};

async function connect(era: 'modern' | 'legacy', serverHandlers: Record<string, (p: Record<string, unknown>, ctx: RequestContext) => unknown>, options: ClientOptions = handlers) {
  server = await startRawServer({ handlers: serverHandlers });
  client = new Client(info, { era, ...options });
  await client.connect(server.clientTransport);
  return client;
}

describe('legacy era: server-to-client requests', () => {
  it('declares capabilities from the handlers in initialize', async () => {
    await connect('legacy', {});
    const init = server!.received.find((r) => r.method === 'initialize');
    expect(init?.params?.['capabilities']).toEqual({
      elicitation: { form: {}, url: {} },
      sampling: { tools: {} },
      roots: { listChanged: true },
    });
  });

  it('answers elicitation with schema defaults filled in, sampling with tool use, and roots', async () => {
    const c = await connect('legacy', {
      'tools/call': async (_p, ctx) => {
        const elicited = await ctx.request('elicitation/create', { message: 'Who?', requestedSchema: DEFAULTS_SCHEMA });
        const sampled = await ctx.request('sampling/createMessage', SAMPLING_WITH_TOOLS);
        const roots = await ctx.request('roots/list', {});
        return { content: [{ type: 'text', text: JSON.stringify({ elicited, sampled, roots }) }] };
      },
    });
    const result = await c.callTool({ name: 'all' });
    const { elicited, sampled, roots } = JSON.parse((result.content[0] as { text: string }).text);
    expect(elicited).toEqual({ action: 'accept', content: { name: 'Ada', age: 30, score: 95.5, status: 'active', verified: true } });
    expect(sampled.content).toMatchObject({ type: 'tool_use', name: 'get_weather' });
    expect(roots).toEqual({ roots: [{ uri: 'file:///work', name: 'work' }] });
  });

  it('answers undeclared requests with the spec errors', async () => {
    const errors: Record<string, unknown> = {};
    const c = await connect(
      'legacy',
      {
        'tools/call': async (_p, ctx) => {
          for (const [key, method, params] of [
            ['roots', 'roots/list', {}],
            ['sampling', 'sampling/createMessage', SAMPLING_WITH_TOOLS],
            ['elicitation-url', 'elicitation/create', { mode: 'url', message: 'm', url: 'https://example.com', elicitationId: 'e1' }],
          ] as const) {
            errors[key] = await ctx.request(method, params).then(
              () => 'no error',
              (e: McpError) => e.code,
            );
          }
          return { content: [] };
        },
      },
      { elicitation: { form: () => ({ action: 'decline' }) } },
    );
    await c.callTool({ name: 'x' });
    expect(errors).toEqual({ roots: ErrorCode.MethodNotFound, sampling: ErrorCode.MethodNotFound, 'elicitation-url': ErrorCode.InvalidParams });
  });

  it('refuses tool use in sampling without sampling.tools (-32602)', async () => {
    let code: unknown;
    const c = await connect(
      'legacy',
      {
        'tools/call': async (_p, ctx) => {
          code = await ctx.request('sampling/createMessage', SAMPLING_WITH_TOOLS).then(() => 'ok', (e: McpError) => e.code);
          return { content: [] };
        },
      },
      { sampling: { handler: () => ({ role: 'assistant', model: 'm', content: { type: 'text', text: 'x' } }) } },
    );
    await c.callTool({ name: 'x' });
    expect(code).toBe(ErrorCode.InvalidParams);
  });

  it('retries once after the URL elicitations of a -32042 error are accepted and completed', async () => {
    let attempts = 0;
    const opened: string[] = [];
    server = await startRawServer({
      handlers: {
        'tools/call': () => {
          attempts++;
          if (attempts === 1) {
            throw new McpError(ErrorCode.UrlElicitationRequired, 'Authorization required', {
              elicitations: [{ mode: 'url', elicitationId: 'e-1', url: 'https://example.com/connect', message: 'Connect your account' }],
            });
          }
          return { content: [{ type: 'text', text: 'connected' }] };
        },
      },
    });
    client = new Client(info, {
      era: 'legacy',
      elicitation: {
        url: (params) => {
          opened.push(params.url);
          // The user finishes in the browser; the server then reports completion.
          setTimeout(() => void server!.session.notify('notifications/elicitation/complete', { elicitationId: 'e-1' }), 5);
          return { action: 'accept' };
        },
      },
    });
    await client.connect(server.clientTransport);
    const result = await client.callTool({ name: 'needs-auth' });
    expect(result.content[0]).toEqual({ type: 'text', text: 'connected' });
    expect(opened).toEqual(['https://example.com/connect']);
    expect(attempts).toBe(2);
  });

  it('surfaces -32042 when the user declines the URL elicitation', async () => {
    server = await startRawServer({
      handlers: {
        'tools/call': () => {
          throw new McpError(ErrorCode.UrlElicitationRequired, 'Authorization required', {
            elicitations: [{ mode: 'url', elicitationId: 'e-2', url: 'https://example.com/x', message: 'm' }],
          });
        },
      },
    });
    client = new Client(info, { era: 'legacy', elicitation: { url: () => ({ action: 'decline' }) } });
    await client.connect(server.clientTransport);
    const error = await client.callTool({ name: 'needs-auth' }).catch((e: unknown) => e);
    expect((error as McpError).code).toBe(ErrorCode.UrlElicitationRequired);
    expect(server.methods().filter((m) => m === 'tools/call')).toHaveLength(1);
  });

  it('sends roots list_changed in the legacy era', async () => {
    const c = await connect('legacy', {});
    await c.sendRootsListChanged();
    await expect.poll(() => server!.notifications.map((n) => n.method)).toContain('notifications/roots/list_changed');
  });
});

describe('modern era: input_required and the MRTR loop', () => {
  it('fulfils inputRequests through the same handlers and retries with inputResponses and requestState', async () => {
    const c = await connect('modern', {
      'tools/call': (p) => {
        if (p['requestState'] === undefined) {
          return {
            resultType: 'input_required',
            requestState: 'state-1',
            inputRequests: {
              who: { method: 'elicitation/create', params: { mode: 'form', message: 'Who?', requestedSchema: DEFAULTS_SCHEMA } },
              llm: { method: 'sampling/createMessage', params: SAMPLING_WITH_TOOLS },
              roots: { method: 'roots/list', params: {} },
            },
          };
        }
        if (p['requestState'] === 'state-1') return { resultType: 'input_required', requestState: 'state-2' };
        return finish(true, { content: [{ type: 'text', text: JSON.stringify(p['inputResponses'] ?? null) }] });
      },
    });
    const result = await c.callTool({ name: 'book', arguments: { x: 1 } });
    expect(result.content[0]).toEqual({ type: 'text', text: 'null' });
    const calls = server!.received.filter((r) => r.method === 'tools/call');
    expect(calls).toHaveLength(3);
    expect(new Set(calls.map((r) => r.id)).size).toBe(3);
    const second = calls[1]!.params!;
    expect(second['requestState']).toBe('state-1');
    expect(second['arguments']).toEqual({ x: 1 });
    const responses = second['inputResponses'] as Record<string, Record<string, unknown>>;
    expect(responses['who']).toEqual({ action: 'accept', content: { name: 'Ada', age: 30, score: 95.5, status: 'active', verified: true } });
    expect(responses['llm']).toMatchObject({ role: 'assistant', stopReason: 'toolUse' });
    expect(responses['roots']).toEqual({ roots: [{ uri: 'file:///work', name: 'work' }] });
    // The third round echoes only the new state; answers of the previous round are not resent.
    expect(calls[2]!.params!['requestState']).toBe('state-2');
    expect(calls[2]!.params!['inputResponses']).toBeUndefined();
    expect(metaOf(calls[2])[MetaKey.ClientCapabilities]).toEqual({ elicitation: { form: {}, url: {} }, sampling: { tools: {} }, roots: {} });
  });

  it('runs the loop on prompts/get and resources/read too', async () => {
    const answer = (key: string) => (p: Record<string, unknown>) =>
      p['inputResponses'] === undefined
        ? { resultType: 'input_required', inputRequests: { r: { method: 'roots/list', params: {} } } }
        : finish(true, key === 'prompt' ? { messages: [] } : { contents: [] });
    const c = await connect('modern', { 'prompts/get': answer('prompt'), 'resources/read': answer('read') });
    await expect(c.getPrompt({ name: 'p' })).resolves.toMatchObject({ messages: [] });
    await expect(c.readResource({ uri: 'test://x' })).resolves.toMatchObject({ contents: [] });
  });

  it('gives up after maxInputRounds with MCPKIT_TOO_MANY_ROUNDS', async () => {
    server = await startRawServer({ handlers: { 'tools/call': () => ({ resultType: 'input_required', requestState: 'again' }) } });
    client = new Client(info, { era: 'modern', maxInputRounds: 3 });
    await client.connect(server.clientTransport);
    const error = await client.callTool({ name: 'forever' }).catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.TooManyRounds);
    expect(server.methods().filter((m) => m === 'tools/call')).toHaveLength(4);
  });

  it('fails with MCPKIT_CAPABILITY_MISSING when the server asks for an undeclared capability', async () => {
    const c = await connect(
      'modern',
      { 'tools/call': () => ({ resultType: 'input_required', inputRequests: { r: { method: 'roots/list', params: {} } } }) },
      {},
    );
    const error = await c.callTool({ name: 'x' }).catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.CapabilityMissing);
    expect((error as McpkitError).data).toMatchObject({ capability: 'roots', inputKey: 'r' });
  });

  it('refuses to send an invalid handler result, with MCPKIT_INVALID_ARGUMENT', async () => {
    const c = await connect(
      'modern',
      { 'tools/call': () => ({ resultType: 'input_required', inputRequests: { s: { method: 'sampling/createMessage', params: { messages: [], maxTokens: 5 } } } }) },
      { sampling: { handler: () => ({ role: 'robot', content: 'nope' }) as never } },
    );
    const error = await c.callTool({ name: 'x' }).catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.InvalidArgument);
    expect(server!.methods().filter((m) => m === 'tools/call')).toHaveLength(1);
  });

  it('rejects a malformed input_required result', async () => {
    const c = await connect('modern', { 'tools/call': () => ({ resultType: 'input_required' }) });
    const error = await c.callTool({ name: 'x' }).catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.InvalidResponse);
  });

  it('rejects input_required on a method that must not use it', async () => {
    const c = await connect('modern', { 'tools/list': () => ({ resultType: 'input_required', requestState: 's' }) });
    const error = await c.listTools().catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.InvalidResponse);
  });
});
