import { afterEach, describe, expect, it } from 'vitest';
import { Session } from '@mcpkit/core';
import { serve, type FetchHandler } from '@mcpkit/transports/http';
import { createSseHandler } from '@mcpkit/transports/sse';
import { FallbackHttpClientTransport, createStreamableHttpHandler } from '@mcpkit/transports/streamable-http';
import { TestServer } from '../http/test-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function start(handler: FetchHandler & { close?: () => Promise<void> }) {
  const served = await serve(handler);
  cleanups.push(async () => {
    await handler.close?.();
    await served.close();
  });
  const transport = new FallbackHttpClientTransport(new URL('/mcp', served.url));
  const session = new Session(transport);
  session.setRequestHandler('sampling/createMessage', () => ({ text: 'fallback client' }));
  await session.start();
  cleanups.unshift(() => session.close());
  const initialize = () => session.request('initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'c', version: '1' } });
  return { transport, session, initialize };
}

describe('FallbackHttpClientTransport', () => {
  it('stays on Streamable HTTP when the server speaks it', async () => {
    const { transport, session, initialize } = await start(createStreamableHttpHandler(new TestServer()));
    await initialize();
    expect(transport.kind).toBe('streamable-http');
    expect(transport.sessionId).toBeDefined();
    expect(await session.request('echo', { a: 1 })).toEqual({ echo: { a: 1 } });
  });

  it('falls back to HTTP+SSE when the POST initialize fails with 400/404/405 and GET yields an endpoint event', async () => {
    const { transport, session, initialize } = await start(createSseHandler(new TestServer()));
    expect(await initialize()).toMatchObject({ serverInfo: { name: 'test-server' } });
    expect(transport.kind).toBe('sse');
    expect(await session.request('ask')).toEqual({ answer: { text: 'fallback client' } });
  });

  it('delivers the original failure when neither transport is spoken', async () => {
    const { transport, initialize } = await start(async () => new Response('not here', { status: 404 }));
    const error = await initialize().catch((e: unknown) => e);
    expect(error).toMatchObject({ data: { httpStatus: 404 } });
    expect(transport.kind).toBe('streamable-http');
  });
});
