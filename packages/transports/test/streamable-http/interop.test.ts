import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { Session } from '@mcpkit/core';
import { serve } from '@mcpkit/transports/http';
import { createSseHandler } from '@mcpkit/transports/sse';
import { StreamableHttpClientTransport, createStreamableHttpHandler } from '@mcpkit/transports/streamable-http';
import { TestServer } from '../http/test-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('interop with the official SDK v1', () => {
  it('the official client talks to our Streamable HTTP server (initialize, GET stream, requests, DELETE)', async () => {
    const handler = createStreamableHttpHandler(new TestServer());
    const served = await serve(handler);
    cleanups.push(async () => {
      await handler.close();
      await served.close();
    });
    const transport = new StreamableHTTPClientTransport(new URL('/mcp', served.url));
    const client = new Client({ name: 'official', version: '1.0.0' });
    await client.connect(transport);
    expect(client.getServerVersion()).toMatchObject({ name: 'test-server' });
    const sessionId = transport.sessionId as string;
    expect(handler.session(sessionId)).toBeDefined();
    expect(await client.ping()).toEqual({});
    await transport.terminateSession();
    expect(handler.session(sessionId)).toBeUndefined();
    await client.close();
  });

  it('the official HTTP+SSE client talks to our HTTP+SSE server', async () => {
    const handler = createSseHandler(new TestServer(), { messagesPath: '/messages' });
    const served = await serve(handler);
    cleanups.push(async () => {
      await handler.close();
      await served.close();
    });
    const client = new Client({ name: 'official', version: '1.0.0' });
    await client.connect(new SSEClientTransport(new URL('/sse', served.url)));
    expect(await client.ping()).toEqual({});
    await client.close();
  });

  it('our client talks to the official Streamable HTTP server', async () => {
    const mcp = new McpServer({ name: 'official-server', version: '1.0.0' });
    mcp.registerTool('hello', { description: 'says hello' }, async () => ({ content: [{ type: 'text', text: 'hello from official' }] }));
    const official = new StreamableHTTPServerTransport({ sessionIdGenerator: () => globalThis.crypto.randomUUID() });
    await mcp.connect(official);
    const http: Server = createServer((req, res) => void official.handleRequest(req, res));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
    cleanups.push(async () => {
      await mcp.close();
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
    });
    const { port } = http.address() as AddressInfo;
    const transport = new StreamableHttpClientTransport(`http://127.0.0.1:${port}/mcp`);
    const session = new Session(transport);
    await session.start();
    cleanups.unshift(() => session.close());
    const init = await session.request('initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'mcpkit', version: '0' } });
    expect(init).toMatchObject({ serverInfo: { name: 'official-server' } });
    transport.setProtocolVersion(init.protocolVersion as string);
    await session.notify('notifications/initialized');
    expect(transport.sessionId).toBeDefined();
    const result = await session.request('tools/call', { name: 'hello', arguments: {} });
    expect(result).toMatchObject({ content: [{ type: 'text', text: 'hello from official' }] });
  });
});
