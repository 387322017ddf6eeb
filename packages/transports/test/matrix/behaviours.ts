/**
 * The shared behavioural checks, one per {@link Feature}. Typed as a complete record, so a feature
 * cannot be listed without a check (nor a check exist without a feature). Not a test file.
 */
import { expect } from 'vitest';
import { ErrorCode, McpError, McpkitError, McpkitErrorCode } from '@mcpkit/core';
import type { Client } from '@mcpkit/client';
import { MODERN, type Feature, type MatrixEra } from './harness.js';
import { LOGO, PROGRESS_STEPS } from './test-server.js';

/** What a check gets: the connected client and the combination it runs in. */
export interface BehaviourContext {
  client: Client;
  transport: string;
  era: MatrixEra;
}

let serial = 0;
/** A name no other test of this process uses (combinations share nothing, but tests in one do). */
function unique(prefix: string): string {
  return `${prefix}_${process.pid}_${++serial}`;
}

function text(result: { content: ReadonlyArray<{ type: string }> }): string {
  const first = result.content[0] as { type: string; text?: string } | undefined;
  return first?.type === 'text' ? String(first.text) : '';
}

async function probe(client: Client): Promise<{ started: string[]; cancelled: string[] }> {
  const result = await client.callTool({ name: 'probe' });
  return JSON.parse(text(result)) as { started: string[]; cancelled: string[] };
}

async function wireError(promise: Promise<unknown>): Promise<McpError> {
  const error = await promise.then(
    () => new Error('expected a wire error, got a result'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(McpError);
  return error as McpError;
}

const BOUND = { timeout: 5000, interval: 20 };
// Progress is all sent before the response; what has not arrived within this bound will not arrive.
const PROGRESS_BOUND = { timeout: 1000, interval: 20 };

/** The checks. */
export const BEHAVIOURS: Record<Feature, (ctx: BehaviourContext) => Promise<void>> = {
  'tools/list': async ({ client, era }) => {
    // The combination really speaks the era it claims to.
    expect(client.era).toBe(era === MODERN ? 'modern' : 'legacy');
    expect(client.protocolVersion).toBe(era);
    const names: string[] = [];
    for await (const tool of client.tools()) names.push(tool.name);
    expect(names).toEqual(expect.arrayContaining(['add', 'count', 'slow', 'probe', 'ask_name', 'ask_llm', 'list_roots']));
  },

  'tools/call': async ({ client }) => {
    const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
    expect(result.isError ?? false).toBe(false);
    expect(text(result)).toBe('5');
  },

  'tools/structured-output': async ({ client }) => {
    const result = await client.callTool<{ sum: number }>({ name: 'add', arguments: { a: 20, b: 22 } });
    expect(result.structuredContent).toEqual({ sum: 42 });
  },

  'tools/input-validation': async ({ client }) => {
    // Bad arguments are a tool execution error the model can read, not a protocol error.
    const result = await client.callTool({ name: 'add', arguments: { a: 'two', b: 3 } });
    expect(result.isError).toBe(true);
    expect(text(result)).not.toBe('');
  },

  'resources/list': async ({ client }) => {
    const listed = await client.listResources();
    expect(listed.resources.map((r) => r.uri).sort()).toEqual(['file:///logo.png', 'file:///readme.md']);
    const templates = await client.listResourceTemplates();
    expect(templates.resourceTemplates.map((t) => t.uriTemplate)).toEqual(['books://{shelf}/{id}']);
  },

  'resources/read-text-and-blob': async ({ client }) => {
    const readme = await client.readResource({ uri: 'file:///readme.md' });
    expect(readme.contents).toEqual([{ uri: 'file:///readme.md', mimeType: 'text/markdown', text: '# Hello' }]);
    const logo = await client.readResource({ uri: 'file:///logo.png' });
    expect(logo.contents).toEqual([{ uri: 'file:///logo.png', mimeType: 'image/png', blob: Buffer.from(LOGO).toString('base64') }]);
  },

  'resources/template-read': async ({ client }) => {
    const book = await client.readResource({ uri: 'books://history/42' });
    const first = book.contents[0] as { text?: string };
    expect(JSON.parse(String(first.text))).toEqual({ uri: 'books://history/42', shelf: 'history', id: '42' });
  },

  'resources/subscribe': async ({ client }) => {
    const updated: string[] = [];
    const off = client.on('resourceUpdated', ({ uri }) => updated.push(uri));
    // Legacy: resources/subscribe on the connection. Modern: a listen stream naming the URI.
    const subscription = await client.listen({ resourceSubscriptions: ['file:///readme.md'] });
    try {
      expect(subscription.acknowledged.resourceSubscriptions).toEqual(['file:///readme.md']);
      await client.callTool({ name: 'touch', arguments: { uri: 'file:///logo.png' } });
      await client.callTool({ name: 'touch', arguments: { uri: 'file:///readme.md' } });
      await expect.poll(() => updated, BOUND).toEqual(['file:///readme.md']);
    } finally {
      off();
      await subscription.close();
    }
  },

  'prompts/list': async ({ client }) => {
    const listed = await client.listPrompts();
    expect(listed.prompts).toHaveLength(1);
    expect(listed.prompts[0]).toMatchObject({ name: 'review', arguments: [{ name: 'language', required: true }] });
  },

  'prompts/get': async ({ client }) => {
    const prompt = await client.getPrompt({ name: 'review', arguments: { language: 'go' } });
    expect(prompt.messages).toEqual([{ role: 'user', content: { type: 'text', text: 'Review this go code' } }]);
  },

  completion: async ({ client }) => {
    const languages = await client.complete({ ref: { type: 'ref/prompt', name: 'review' }, argument: { name: 'language', value: 'go' } });
    expect(languages.completion.values).toEqual(['go', 'golang']);
    const shelves = await client.complete({ ref: { type: 'ref/resource', uri: 'books://{shelf}/{id}' }, argument: { name: 'shelf', value: 'h' } });
    expect(shelves.completion.values).toEqual(['history']);
  },

  progress: async ({ client }) => {
    const seen: number[] = [];
    // Steps are spaced as a long-running tool's would be; back-to-back progress is faults/progress-ordering.
    const result = await client.callTool({ name: 'count', arguments: { steps: PROGRESS_STEPS, delayMs: 10 } }, { onprogress: (p) => seen.push(p.progress) });
    expect(text(result)).toBe(`counted ${PROGRESS_STEPS}`);
    await expect.poll(() => seen, PROGRESS_BOUND).toEqual(Array.from({ length: PROGRESS_STEPS }, (_, i) => i + 1));
  },

  cancellation: async ({ client }) => {
    const tag = unique('slow');
    const controller = new AbortController();
    const call = client.callTool({ name: 'slow', arguments: { tag } }, { signal: controller.signal });
    const settled = call.then(
      () => undefined,
      (e: unknown) => e,
    );
    await expect.poll(async () => (await probe(client)).started, BOUND).toContain(tag);
    controller.abort();
    const error = await settled;
    expect(error).toBeInstanceOf(McpkitError);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.Cancelled);
    // The server handler's ctx.signal fired: the tool recorded it.
    await expect.poll(async () => (await probe(client)).cancelled, BOUND).toContain(tag);
  },

  elicitation: async ({ client }) => {
    const result = await client.callTool({ name: 'ask_name' });
    expect(text(result)).toBe('accept:Ada');
  },

  sampling: async ({ client }) => {
    const result = await client.callTool({ name: 'ask_llm' });
    expect(text(result)).toBe('test-model:Paris');
  },

  roots: async ({ client }) => {
    const result = await client.callTool({ name: 'list_roots' });
    expect(text(result)).toBe('file:///work/a,file:///work/b');
  },

  'list-changed': async ({ client, era }) => {
    let changed = 0;
    const off = client.on('toolsListChanged', () => changed++);
    // Legacy: the notification arrives unsolicited on the connection. Modern: on a listen stream.
    const subscription = era === MODERN ? await client.listen({ toolsListChanged: true }) : undefined;
    try {
      if (subscription !== undefined) expect(subscription.acknowledged.toolsListChanged).toBe(true);
      const name = unique('added');
      expect(text(await client.callTool({ name: 'add_tool', arguments: { name } }))).toBe('added');
      await expect.poll(() => changed, BOUND).toBeGreaterThan(0);
      const listed = await client.listTools();
      expect(listed.tools.map((t) => t.name)).toContain(name);
    } finally {
      off();
      await subscription?.close();
    }
  },

  errors: async ({ client, era }) => {
    const tool = await wireError(client.callTool({ name: 'no_such_tool' }));
    expect(tool.code).toBe(ErrorCode.InvalidParams);
    const resource = await wireError(client.readResource({ uri: 'file:///missing' }));
    expect(resource.code).toBe(era === MODERN ? ErrorCode.InvalidParams : ErrorCode.ResourceNotFound);
  },

  concurrency: async ({ client }) => {
    // Responses must find their own requests, whatever order they come back in.
    const results = await Promise.all(Array.from({ length: 25 }, (_, i) => client.callTool<{ sum: number }>({ name: 'add', arguments: { a: i, b: 1000 } })));
    expect(results.map((r) => r.structuredContent?.sum)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1000));
  },

  'large-unicode-payload': async ({ client }) => {
    // ~600 KB of multi-byte characters, line and paragraph separators: every framing splits some of them across chunks.
    const text = 'héllo wörld ✓ 𝄞 日本語 \u2028 \u2029 \n\r "quoted" \\ \u0000 end. '.repeat(8000);
    const result = await client.callTool({ name: 'echo', arguments: { text } });
    expect(result.content).toHaveLength(1);
    const echoed = (result.content[0] as { text: string }).text;
    expect(echoed.length).toBe(text.length);
    expect(echoed === text).toBe(true);
  },
};
