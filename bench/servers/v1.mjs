/**
 * The official SDK v1 contender (`@modelcontextprotocol/sdk`): `McpServer` with the `add` tool,
 * over stdio or over its node `StreamableHTTPServerTransport` with one transport and one server
 * per session, as the SDK's own examples do.
 *
 *     node bench/servers/v1.mjs stdio
 *     node bench/servers/v1.mjs http json|sse
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { announce, isMain, parseServerArgs } from './control.mjs';

/** The benchmark server: a single `add(a, b)` tool with a zod input schema. */
export function createServer() {
  const server = new McpServer({ name: 'bench-v1', version: '1.0.0' });
  server.registerTool(
    'add',
    { description: 'Add two numbers', inputSchema: { a: z.number(), b: z.number() } },
    ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
  );
  return server;
}

async function serveHttp(mode) {
  const { randomUUID } = await import('node:crypto');
  const { createServer: createHttpServer } = await import('node:http');
  const { StreamableHTTPServerTransport } = await import('@modelcontextprotocol/sdk/server/streamableHttp.js');
  const transports = new Map();
  const http = createHttpServer(async (req, res) => {
    const sessionId = req.headers['mcp-session-id'];
    let transport = typeof sessionId === 'string' ? transports.get(sessionId) : undefined;
    if (transport === undefined) {
      transport = new StreamableHTTPServerTransport({
        sessionIdGenerator: () => randomUUID(),
        enableJsonResponse: mode === 'json',
        onsessioninitialized: (id) => transports.set(id, transport),
      });
      transport.onclose = () => {
        if (transport.sessionId !== undefined) transports.delete(transport.sessionId);
      };
      await createServer().connect(transport);
    }
    await transport.handleRequest(req, res);
  });
  http.listen(0, '127.0.0.1', () => announce(http.address().port));
}

if (isMain(import.meta)) {
  const { transport, mode } = parseServerArgs();
  if (transport === 'stdio') {
    const { StdioServerTransport } = await import('@modelcontextprotocol/sdk/server/stdio.js');
    await createServer().connect(new StdioServerTransport());
  } else {
    await serveHttp(mode);
  }
}
