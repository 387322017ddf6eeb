// The README's quick-start server, kept here so the type-check proves it compiles.
import { McpServer, text } from '@mcpkit/server';
import { StdioServerTransport } from '@mcpkit/transports/stdio';
import * as z from 'zod';

const server = new McpServer({ name: 'calculator', version: '1.0.0' });
server.tool(
  'add',
  { description: 'Add two numbers', inputSchema: z.object({ a: z.number(), b: z.number() }) },
  ({ a, b }) => ({ content: [text(String(a + b))] }),
);

await server.connect(new StdioServerTransport());
