/**
 * The demo server: a calculator tool, a greeting tool that asks the user for their name
 * (elicitation), a notes resource and a prompt. It serves modern and legacy clients alike over stdio.
 */
import { McpServer, text } from '@mcpkit/server';
import { StdioServerTransport } from '@mcpkit/transports/stdio';
import * as z from 'zod';

/** Builds the demo server; exported so tests can serve it over any transport. */
export function createDemoServer(): McpServer {
  const server = new McpServer({ name: 'mcpkit-demo', version: '1.0.0' }, { instructions: 'A tiny demo of mcpkit.' });

  server.tool(
    'add',
    {
      description: 'Add two numbers',
      inputSchema: z.object({ a: z.number(), b: z.number() }),
      outputSchema: z.object({ sum: z.number() }),
    },
    ({ a, b }) => ({ structuredContent: { sum: a + b } }),
  );

  server.tool(
    'greet',
    { description: 'Greet the user, asking for their name first' },
    async (_args, ctx) => {
      const answer = await ctx.elicit({
        message: 'What is your name?',
        requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
      });
      const name = answer.action === 'accept' ? String(answer.content?.['name'] ?? 'stranger') : 'stranger';
      return { content: [text(`Hello, ${name}!`)] };
    },
  );

  server.resource('notes', 'demo://notes', { mimeType: 'text/plain', description: 'Some notes' }, () =>
    'mcpkit speaks every MCP version from one server definition.',
  );

  server.prompt(
    'review',
    { description: 'Ask for a code review', argsSchema: z.object({ language: z.string() }) },
    ({ language }) => ({
      messages: [{ role: 'user', content: { type: 'text', text: `Please review this ${language} code.` } }],
    }),
  );
  return server;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await createDemoServer().connect(new StdioServerTransport());
}
