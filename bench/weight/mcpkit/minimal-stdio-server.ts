// The smallest useful mcpkit stdio server: one tool with a zod schema. Bundled by bench/weight/weight.mjs.
import { McpServer, text } from '@mcpkit/server';
import { StdioServerTransport } from '@mcpkit/transports/stdio';
import * as z from 'zod';

const server = new McpServer({ name: 'minimal', version: '1.0.0' });
server.tool('add', { inputSchema: z.object({ a: z.number(), b: z.number() }) }, ({ a, b }) => ({ content: [text(String(a + b))] }));
await server.connect(new StdioServerTransport());
