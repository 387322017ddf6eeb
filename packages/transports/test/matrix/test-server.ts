/**
 * The one server definition every matrix combination runs against — in this process (memory,
 * HTTP, WebSocket) or in a child (stdio, see `stdio-server.ts`). Not a test file.
 *
 * Everything a test needs to observe on the server side goes through tools (`probe`,
 * `add_tool`), so a server in another process is observed exactly like one in this process.
 */
import * as z from 'zod';
import { McpServer } from '@mcpkit/server';

/** Bytes of the `file:///logo.png` blob resource: a PNG signature and two zeros. */
export const LOGO = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

/** Progress notifications the `count` tool emits by default. */
export const PROGRESS_STEPS = 5;

const nameSchema = { type: 'object' as const, properties: { name: { type: 'string' } }, required: ['name'] };

/** Builds the matrix test server. Each call returns a fresh server with fresh side-channel state. */
export function buildTestServer(): McpServer {
  const server = new McpServer({ name: 'matrix', version: '1.0.0' });
  // Side channel: tags of `slow` calls that started, and of those whose ctx.signal fired.
  const started: string[] = [];
  const cancelled: string[] = [];

  server.tool(
    'add',
    {
      description: 'Adds two numbers',
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      outputSchema: z.object({ sum: z.number() }),
    },
    ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }], structuredContent: { sum: a + b } }),
  );

  server.tool('count', { description: 'Reports progress, then answers', inputSchema: z.object({ steps: z.number().int().default(PROGRESS_STEPS), delayMs: z.number().default(0) }) }, async ({ steps, delayMs }, ctx) => {
    for (let i = 1; i <= steps; i++) {
      await ctx.progress(i, steps, `step ${i}`);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
    return `counted ${steps}`;
  });

  server.tool('slow', { description: 'Runs until cancelled', inputSchema: z.object({ tag: z.string() }) }, ({ tag }, ctx) => {
    started.push(tag);
    return new Promise<string>((resolve) => {
      const done = (): void => {
        cancelled.push(tag);
        resolve('cancelled');
      };
      if (ctx.signal.aborted) done();
      else ctx.signal.addEventListener('abort', done, { once: true });
    });
  });

  server.tool('probe', { description: 'What the server saw of slow calls' }, () => ({
    content: [{ type: 'text', text: JSON.stringify({ started, cancelled }) }],
  }));

  server.tool('add_tool', { description: 'Registers a tool at run time', inputSchema: z.object({ name: z.string() }) }, ({ name }) => {
    server.tool(name, { description: 'added at run time' }, () => name);
    return 'added';
  });

  server.tool('echo', { description: 'Returns its text', inputSchema: z.object({ text: z.string() }) }, ({ text }) => text);

  server.tool('sized', { description: 'Returns a text of the given size', inputSchema: z.object({ bytes: z.number().int().min(0) }) }, ({ bytes }) => 'x'.repeat(bytes));

  server.tool('touch', { description: 'Says a resource changed', inputSchema: z.object({ uri: z.string() }) }, ({ uri }) => {
    server.notifyResourceUpdated(uri);
    return 'touched';
  });

  // The same handler code serves both eras: a server-to-client request (legacy) or an input_required round (modern).
  server.tool('ask_name', { description: 'Elicits a name' }, async (_args, ctx) => {
    const answer = await ctx.elicit({ message: 'Name?', requestedSchema: nameSchema });
    return `${answer.action}:${String(answer.content?.name)}`;
  });
  server.tool('ask_llm', { description: 'Samples the client LLM' }, async (_args, ctx) => {
    const result = await ctx.sample({ messages: [{ role: 'user', content: { type: 'text', text: 'Capital of France?' } }], maxTokens: 5 });
    const block = Array.isArray(result.content) ? result.content[0] : result.content;
    return `${result.model}:${block?.type === 'text' ? block.text : '?'}`;
  });
  server.tool('list_roots', { description: 'Lists the client roots' }, async (_args, ctx) => {
    const roots = await ctx.roots();
    return roots.map((r) => r.uri).join(',');
  });

  server.resource('readme', 'file:///readme.md', { mimeType: 'text/markdown' }, () => '# Hello');
  server.resource('logo', 'file:///logo.png', { mimeType: 'image/png' }, () => LOGO);
  server.resourceTemplate(
    'book',
    'books://{shelf}/{id}',
    { mimeType: 'application/json', complete: { shelf: (value) => ['fiction', 'history', 'science'].filter((s) => s.startsWith(value)) } },
    (uri, { shelf, id }) => JSON.stringify({ uri, shelf, id }),
  );

  server.prompt(
    'review',
    {
      description: 'Review code',
      argsSchema: z.object({ language: z.string() }),
      complete: { language: (value) => ['go', 'golang', 'python'].filter((l) => l.startsWith(value)) },
    },
    ({ language }) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Review this ${language} code` } }] }),
  );
  return server;
}
