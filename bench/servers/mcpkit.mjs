/**
 * The mcpkit contender: one `McpServer` with the `add` tool, from the built packages. Over
 * stdio, or over Streamable HTTP (both eras at one endpoint) with JSON or SSE answers.
 *
 *     node bench/servers/mcpkit.mjs stdio
 *     node bench/servers/mcpkit.mjs http json|sse
 */
import { McpServer, text } from '@mcpkit/server';
import * as z from 'zod';
import { announce, isMain, parseServerArgs } from './control.mjs';

/** The benchmark server: a single `add(a, b)` tool with a zod input schema. */
export function createServer() {
  const server = new McpServer({ name: 'bench-mcpkit', version: '1.0.0' });
  server.tool(
    'add',
    { description: 'Add two numbers', inputSchema: z.object({ a: z.number(), b: z.number() }) },
    ({ a, b }) => ({ content: [text(String(a + b))] }),
  );
  return server;
}

if (isMain(import.meta)) {
  const { transport, mode } = parseServerArgs();
  if (transport === 'stdio') {
    const { StdioServerTransport } = await import('@mcpkit/transports/stdio');
    await createServer().connect(new StdioServerTransport());
  } else {
    const { createStreamableHttpHandler } = await import('@mcpkit/transports/streamable-http');
    const { serve } = await import('@mcpkit/transports/http');
    const handler = createStreamableHttpHandler(createServer(), { responseMode: mode });
    const served = await serve(handler, { port: 0, host: '127.0.0.1' });
    announce(served.port);
  }
}
