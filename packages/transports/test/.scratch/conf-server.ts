import * as z from 'zod';
import { McpServer } from '@mcpkit/server';
import { serve } from '@mcpkit/transports/http';
import { createStreamableHttpHandler } from '@mcpkit/transports/streamable-http';

const server = new McpServer({ name: 'conf', version: '1.0.0' }, {} as never);
server.tool('test_simple_text', { description: 'simple text' }, async () => 'This is a simple text response for testing.');
server.tool('test_tool_with_progress', { description: 'progress' }, async (_args: unknown, ctx: any) => {
  for (const p of [0, 50, 100]) { await ctx.progress?.(p, 100); await new Promise((r) => setTimeout(r, 30)); }
  return 'done';
});
server.tool('test_tool_with_logging', { description: 'logging' }, async (_args: unknown, ctx: any) => {
  for (const m of ['a', 'b', 'c']) { await ctx.log?.('info', m); await new Promise((r) => setTimeout(r, 30)); }
  return 'done';
});
const handler = createStreamableHttpHandler(server);
const served = await serve(handler, { port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('listening', served.url.href);
