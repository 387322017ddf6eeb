/**
 * The official SDK v2 contender (`@modelcontextprotocol/server`): `McpServer` with the `add` tool,
 * over stdio or over its Web-standard Streamable HTTP transport (one transport and one server per
 * legacy session). v2 ships no node:http adapter in the packages installed here, so the Web
 * handler runs on mcpkit's `toNodeListener`, the same adapter the mcpkit contender uses.
 *
 *     node bench/servers/v2.mjs stdio
 *     node bench/servers/v2.mjs http json|sse
 */
import { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod';
import { announce, isMain, parseServerArgs } from './control.mjs';

/** The benchmark server: a single `add(a, b)` tool with a zod input schema. */
export function createServer() {
  const server = new McpServer({ name: 'bench-v2', version: '1.0.0' });
  server.registerTool(
    'add',
    { description: 'Add two numbers', inputSchema: z.object({ a: z.number(), b: z.number() }) },
    ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
  );
  return server;
}

async function serveHttp(mode) {
  const { WebStandardStreamableHTTPServerTransport } = await import('@modelcontextprotocol/server');
  const { serve } = await import('@mcpkit/transports/http');
  const transports = new Map();
  const handler = async (request) => {
    const sessionId = request.headers.get('mcp-session-id');
    let transport = sessionId === null ? undefined : transports.get(sessionId);
    if (transport === undefined) {
      transport = new WebStandardStreamableHTTPServerTransport({
        sessionIdGenerator: () => crypto.randomUUID(),
        enableJsonResponse: mode === 'json',
        onsessioninitialized: (id) => transports.set(id, transport),
      });
      transport.onclose = () => {
        if (transport.sessionId !== undefined) transports.delete(transport.sessionId);
      };
      await createServer().connect(transport);
    }
    return transport.handleRequest(request);
  };
  const served = await serve(handler, { port: 0, host: '127.0.0.1' });
  announce(served.port);
}

if (isMain(import.meta)) {
  const { transport, mode } = parseServerArgs();
  if (transport === 'stdio') {
    const { StdioServerTransport } = await import('@modelcontextprotocol/server/stdio');
    await createServer().connect(new StdioServerTransport());
  } else {
    await serveHttp(mode);
  }
}
