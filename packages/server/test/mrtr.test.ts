import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ErrorCode, McpError } from '@mcpkit/core';
import { McpServer } from '@mcpkit/server';
import { connect, open, wireError } from './helpers.js';

const nameSchema = { type: 'object' as const, properties: { name: { type: 'string' } }, required: ['name'] };

function interactiveServer(options: ConstructorParameters<typeof McpServer>[1] = {}): McpServer {
  const server = new McpServer({ name: 'interactive', version: '1' }, options);
  server.tool('greet', { description: 'asks a name', inputSchema: z.object({ greeting: z.string().default('Hello') }) }, async ({ greeting }, ctx) => {
    const answer = await ctx.elicit({ message: 'Name?', requestedSchema: nameSchema });
    return `${greeting}, ${String(answer.content?.name)}!`;
  });
  server.tool('two_steps', { description: 'two rounds' }, async (_args, ctx) => {
    const a = await ctx.elicit({ message: 'First?', requestedSchema: nameSchema }, { key: 'first' });
    const b = await ctx.sample({ messages: [{ role: 'user', content: { type: 'text', text: `Hi ${String(a.content?.name)}` } }], maxTokens: 5 }, { key: 'second' });
    return `${String(a.content?.name)} / ${JSON.stringify(b.content)}`;
  });
  server.tool('parallel', { description: 'three at once' }, async (_args, ctx) => {
    const [name, roots, sample] = await Promise.all([
      ctx.elicit({ message: 'Name?', requestedSchema: nameSchema }, { key: 'name' }),
      ctx.roots({ key: 'roots' }),
      ctx.sample({ messages: [{ role: 'user', content: { type: 'text', text: 'x' } }], maxTokens: 5 }, { key: 'sample' }),
    ]);
    return `${String(name.content?.name)} ${roots.length} ${sample.model}`;
  });
  return server;
}

const ALL = { elicitation: {}, sampling: {}, roots: {} };
const samplingAnswer = { role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'm' };

describe('MRTR (modern era)', () => {
  it('ends a round with input_required, then continues with the answer', async () => {
    const c = await connect(interactiveServer());
    const first = await c.modern('tools/call', { name: 'greet', arguments: { greeting: 'Hej' } }, { capabilities: ALL });
    expect(first.resultType).toBe('input_required');
    const requests = first.inputRequests as Record<string, { method: string; params: Record<string, unknown> }>;
    const [key] = Object.keys(requests);
    expect(requests[key!]!.method).toBe('elicitation/create');
    expect(typeof first.requestState).toBe('string');
    const second = await c.modern(
      'tools/call',
      { name: 'greet', arguments: { greeting: 'Hej' }, inputResponses: { [key!]: { action: 'accept', content: { name: 'Ada' } } }, requestState: first.requestState },
      { capabilities: ALL },
    );
    expect(second).toMatchObject({ resultType: 'complete', content: [{ type: 'text', text: 'Hej, Ada!' }] });
    await c.close();
  });

  it('runs multi-round requests, replaying earlier answers from the signed state', async () => {
    const c = await connect(interactiveServer());
    const r1 = await c.modern('tools/call', { name: 'two_steps' }, { capabilities: ALL });
    expect(Object.keys(r1.inputRequests as object)).toEqual(['first']);
    const r2 = await c.modern('tools/call', { name: 'two_steps', inputResponses: { first: { action: 'accept', content: { name: 'Bo' } } }, requestState: r1.requestState }, { capabilities: ALL });
    expect(Object.keys(r2.inputRequests as object)).toEqual(['second']);
    expect(r2.requestState).not.toBe(r1.requestState);
    const r3 = await c.modern('tools/call', { name: 'two_steps', inputResponses: { second: samplingAnswer, extra: { action: 'accept', content: { unrelated: 1 } } }, requestState: r2.requestState }, { capabilities: ALL });
    expect(r3.content).toEqual([{ type: 'text', text: 'Bo / {"type":"text","text":"Paris"}' }]);
    await c.close();
  });

  it('asks for parallel inputs in one round', async () => {
    const c = await connect(interactiveServer());
    const r1 = await c.modern('tools/call', { name: 'parallel' }, { capabilities: ALL });
    expect(Object.keys(r1.inputRequests as object).sort()).toEqual(['name', 'roots', 'sample']);
    const r2 = await c.modern(
      'tools/call',
      { name: 'parallel', requestState: r1.requestState, inputResponses: { name: { action: 'accept', content: { name: 'Cy' } }, roots: { roots: [{ uri: 'file:///a' }] }, sample: samplingAnswer } },
      { capabilities: ALL },
    );
    expect(r2.content).toEqual([{ type: 'text', text: 'Cy 1 m' }]);
    await c.close();
  });

  it('asks again when the retry lacks the answer', async () => {
    const c = await connect(interactiveServer());
    const r1 = await c.modern('tools/call', { name: 'two_steps' }, { capabilities: ALL });
    const r2 = await c.modern('tools/call', { name: 'two_steps', inputResponses: { wrong: { action: 'accept' } }, requestState: r1.requestState }, { capabilities: ALL });
    expect(r2.resultType).toBe('input_required');
    expect(Object.keys(r2.inputRequests as object)).toEqual(['first']);
    await c.close();
  });

  it('rejects tampered, expired and misbound state with -32602', async () => {
    let now = 1_000_000;
    const c = await connect(interactiveServer({ now: () => now, requestStateTtlMs: 1000 }));
    const r1 = await c.modern('tools/call', { name: 'two_steps' }, { capabilities: ALL });
    const state = r1.requestState as string;
    const answer = { first: { action: 'accept', content: { name: 'Eve' } } };
    const tampered = state.slice(0, 5) + (state[5] === 'A' ? 'B' : 'A') + state.slice(6);
    expect((await wireError(c.modern('tools/call', { name: 'two_steps', inputResponses: answer, requestState: tampered }, { capabilities: ALL }))).code).toBe(ErrorCode.InvalidParams);
    expect((await wireError(c.modern('tools/call', { name: 'greet', inputResponses: answer, requestState: state }, { capabilities: ALL }))).code).toBe(ErrorCode.InvalidParams);
    expect((await wireError(c.modern('tools/call', { name: 'two_steps', requestState: 'not-a-state' }, { capabilities: ALL }))).code).toBe(ErrorCode.InvalidParams);
    now += 5000;
    const expired = await wireError(c.modern('tools/call', { name: 'two_steps', inputResponses: answer, requestState: state }, { capabilities: ALL }));
    expect(expired.code).toBe(ErrorCode.InvalidParams);
    expect(expired.message).toContain('expired');
    await c.close();
  });

  it('accepts state from another replica that shares the secret', async () => {
    const secret = 'a shared secret of enough length';
    const a = await connect(interactiveServer({ requestStateSecret: secret }));
    const b = await connect(interactiveServer({ requestStateSecret: secret }));
    const r1 = await a.modern('tools/call', { name: 'greet' }, { capabilities: ALL });
    const key = Object.keys(r1.inputRequests as object)[0]!;
    const r2 = await b.modern('tools/call', { name: 'greet', requestState: r1.requestState, inputResponses: { [key]: { action: 'accept', content: { name: 'Lin' } } } }, { capabilities: ALL });
    expect(r2.content).toEqual([{ type: 'text', text: 'Hello, Lin!' }]);
    await Promise.all([a.close(), b.close()]);
  });

  it('validates inputResponses', async () => {
    const c = await connect(interactiveServer());
    expect((await wireError(c.modern('tools/call', { name: 'greet', inputResponses: { x: 12345 } }, { capabilities: ALL }))).code).toBe(ErrorCode.InvalidParams);
    expect((await wireError(c.modern('tools/call', { name: 'greet', inputResponses: null }, { capabilities: ALL }))).code).toBe(ErrorCode.InvalidParams);
    const r1 = await c.modern('tools/call', { name: 'greet' }, { capabilities: ALL });
    const key = Object.keys(r1.inputRequests as object)[0]!;
    const bad = await wireError(c.modern('tools/call', { name: 'greet', requestState: r1.requestState, inputResponses: { [key]: { action: 'maybe' } } }, { capabilities: ALL }));
    expect(bad.code).toBe(ErrorCode.InvalidParams);
    await c.close();
  });

  it('answers -32021 when the client lacks the capability, never an input request', async () => {
    const c = await connect(interactiveServer());
    const error = await wireError(c.modern('tools/call', { name: 'greet' }, { capabilities: { sampling: {} } }));
    expect(error.code).toBe(ErrorCode.MissingRequiredClientCapability);
    expect(error.data).toEqual({ requiredCapabilities: { elicitation: {} } });
    await c.close();
  });

  it('works for prompts/get and resources/read too', async () => {
    const server = new McpServer({ name: 'p', version: '1' });
    server.prompt('ask', { description: 'asks' }, async (_a, ctx) => {
      const r = await ctx.elicit({ message: 'Topic?', requestedSchema: { type: 'object', properties: { t: { type: 'string' } } } }, { key: 'topic' });
      return { messages: [{ role: 'user', content: { type: 'text', text: String(r.content?.t) } }] };
    });
    server.resource('secret', 'test://secret', { mimeType: 'text/plain' }, async (_uri, ctx) => {
      const r = await ctx.elicit({ message: 'Password?', requestedSchema: { type: 'object', properties: { p: { type: 'string' } } } }, { key: 'pw' });
      return r.content?.p === 'open' ? 'the secret' : 'denied';
    });
    const c = await connect(server);
    const p1 = await c.modern('prompts/get', { name: 'ask' }, { capabilities: ALL });
    const p2 = await c.modern('prompts/get', { name: 'ask', requestState: p1.requestState, inputResponses: { topic: { action: 'accept', content: { t: 'cats' } } } }, { capabilities: ALL });
    expect(p2.messages).toEqual([{ role: 'user', content: { type: 'text', text: 'cats' } }]);
    const r1 = await c.modern('resources/read', { uri: 'test://secret' }, { capabilities: ALL });
    expect(r1).not.toHaveProperty('ttlMs');
    const r2 = await c.modern('resources/read', { uri: 'test://secret', requestState: r1.requestState, inputResponses: { pw: { action: 'accept', content: { p: 'open' } } } }, { capabilities: ALL });
    expect(r2.contents).toEqual([{ uri: 'test://secret', mimeType: 'text/plain', text: 'the secret' }]);
    await c.close();
  });
});

describe('URL-mode elicitation', () => {
  function urlServer(): McpServer {
    const server = new McpServer({ name: 'u', version: '1' });
    server.tool('login', { description: 'sends the user to a URL' }, async (_a, ctx) => {
      const r = await ctx.elicit({ mode: 'url', message: 'Sign in', url: 'https://example.com/login' }, { key: 'login' });
      return r.action;
    });
    return server;
  }

  it('modern: needs elicitation.url and carries no elicitationId', async () => {
    const c = await connect(urlServer());
    expect((await wireError(c.modern('tools/call', { name: 'login' }, { capabilities: { elicitation: { form: {} } } }))).data).toEqual({
      requiredCapabilities: { elicitation: { url: {} } },
    });
    const r1 = await c.modern('tools/call', { name: 'login' }, { capabilities: { elicitation: { url: {} } } });
    expect((r1.inputRequests as Record<string, { params: Record<string, unknown> }>).login!.params).toEqual({ mode: 'url', message: 'Sign in', url: 'https://example.com/login' });
    await c.close();
  });

  it('legacy: adds the elicitationId 2025-11-25 requires', async () => {
    let params: Record<string, unknown> | undefined;
    const c = await open(urlServer(), 'legacy', { elicitation: { url: {} } }, {
      'elicitation/create': (req) => {
        params = req.params;
        return { action: 'accept' };
      },
    });
    expect((await c.call('tools/call', { name: 'login' })).content).toEqual([{ type: 'text', text: 'accept' }]);
    expect(params).toMatchObject({ mode: 'url', url: 'https://example.com/login', elicitationId: expect.any(String) });
    await c.close();
  });
});

describe('server-to-client requests (legacy era)', () => {
  it('runs the same handler with elicitation, sampling and roots requests', async () => {
    const seen: string[] = [];
    const c = await open(interactiveServer(), 'legacy', ALL, {
      'elicitation/create': (req) => {
        seen.push(req.method);
        return { action: 'accept', content: { name: 'Ada' } };
      },
      'sampling/createMessage': (req) => {
        seen.push(req.method);
        return samplingAnswer;
      },
      'roots/list': (req) => {
        seen.push(req.method);
        return { roots: [{ uri: 'file:///r' }] };
      },
    });
    expect(await c.call('tools/call', { name: 'greet' })).toEqual({ content: [{ type: 'text', text: 'Hello, Ada!' }] });
    expect(await c.call('tools/call', { name: 'parallel' })).toEqual({ content: [{ type: 'text', text: 'Ada 1 m' }] });
    expect(seen.sort()).toEqual(['elicitation/create', 'elicitation/create', 'roots/list', 'sampling/createMessage']);
    await c.close();
  });

  it('turns a client’s error answer into a clear tool error', async () => {
    const c = await open(interactiveServer(), 'legacy', ALL, {
      'elicitation/create': () => {
        throw new McpError(ErrorCode.InvalidRequest, 'User closed the dialog');
      },
    });
    const result = await c.call('tools/call', { name: 'greet' });
    expect(result).toMatchObject({ isError: true, content: [{ type: 'text', text: expect.stringContaining('User closed the dialog') }] });
    await c.close();
  });

  it('turns a missing client capability into a clear tool error, without asking', async () => {
    let asked = false;
    const c = await open(interactiveServer(), 'legacy', {}, {
      'elicitation/create': () => {
        asked = true;
        return { action: 'accept' };
      },
    });
    const result = await c.call('tools/call', { name: 'greet' });
    expect(result.isError).toBe(true);
    expect((result.content as Array<{ text: string }>)[0]!.text).toContain('elicitation');
    expect(asked).toBe(false);
    await c.close();
  });
});
