/**
 * Fault: the SSE response stream of a legacy Streamable HTTP request breaks mid-burst, several
 * times. The client must resume with `Last-Event-ID` and see every message exactly once, in order.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, McpError } from '@mcpkit/core';
import { Client } from '@mcpkit/client';
import { serve } from '@mcpkit/transports/http';
import { StreamableHttpClientTransport, createStreamableHttpHandler, inMemoryEventStores } from '@mcpkit/transports/streamable-http';
import { buildTestServer } from '../matrix/test-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Passes `body` through until `afterEvents` SSE events went by, then breaks it like a dropped connection. */
function breakAfter(body: ReadableStream<Uint8Array>, afterEvents: number): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let events = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { done, value } = await reader.read();
      if (done) {
        controller.close();
        return;
      }
      events += decoder.decode(value, { stream: true }).split('\n\n').length - 1;
      if (events < afterEvents) {
        controller.enqueue(value);
        return;
      }
      // The chunk that crosses the line is lost in transit, and the server sees the socket go away.
      await reader.cancel();
      controller.error(new Error('simulated network drop'));
    },
    cancel: (reason) => reader.cancel(reason),
  });
}

interface Drops {
  /** SSE streams that were cut. */
  cut: number;
  /** `Last-Event-ID` values the client resumed from. */
  resumedFrom: string[];
}

/** A fetch that cuts the tool call's SSE stream (and its resumptions) `times` times, after `afterEvents` events each. */
function droppingFetch(times: number, afterEvents: number): { fetch: typeof fetch; drops: Drops } {
  const drops: Drops = { cut: 0, resumedFrom: [] };
  const wrapped = async (input: URL | string | Request, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    const headers = new Headers(init?.headers);
    const lastEventId = headers.get('last-event-id');
    if (lastEventId !== null) drops.resumedFrom.push(lastEventId);
    const isCallStream = (init?.method === 'POST' && String(init.body).includes('"tools/call"')) || lastEventId !== null;
    const isSse = (response.headers.get('content-type') ?? '').startsWith('text/event-stream');
    if (!isCallStream || !isSse || response.body === null || drops.cut >= times) return response;
    drops.cut++;
    return new Response(breakAfter(response.body, afterEvents), { status: response.status, headers: response.headers });
  };
  return { fetch: wrapped as typeof fetch, drops };
}

describe('Streamable HTTP legacy session: the response stream drops mid-burst', () => {
  it.each([1, 3])('resumes after %i drops and delivers all 50 progress notifications exactly once, in order', async (times) => {
    const server = buildTestServer();
    // retryMs keeps reconnection quick; the event store is what makes resumption possible.
    const handler = createStreamableHttpHandler(server, { legacy: { eventStore: inMemoryEventStores(), retryMs: 10 } });
    const served = await serve(handler);
    cleanups.push(async () => {
      await handler.close();
      await served.close();
    });
    const { fetch, drops } = droppingFetch(times, 12);
    const transport = new StreamableHttpClientTransport(new URL('/mcp', served.url), { fetch, reconnection: { initialDelayMs: 10, maxRetries: 3 } });
    const client = new Client({ name: 'faults', version: '1' }, { protocolVersion: '2025-11-25' });
    await client.connect(transport);
    cleanups.push(() => client.close());

    const seen: number[] = [];
    const result = await client.callTool({ name: 'count', arguments: { steps: 50, delayMs: 2 } }, { onprogress: (p) => seen.push(p.progress) });

    expect(result.content).toEqual([{ type: 'text', text: 'counted 50' }]);
    expect(drops.cut).toBe(times);
    expect(drops.resumedFrom).toHaveLength(times);
    // Each resumption starts later in the stream than the one before.
    expect(new Set(drops.resumedFrom).size).toBe(times);
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('without an event store the broken call fails cleanly instead of hanging', async () => {
    const handler = createStreamableHttpHandler(buildTestServer(), { legacy: { eventStore: false } });
    const served = await serve(handler);
    cleanups.push(async () => {
      await handler.close();
      await served.close();
    });
    const { fetch, drops } = droppingFetch(1, 12);
    const client = new Client({ name: 'faults', version: '1' }, { protocolVersion: '2025-11-25' });
    await client.connect(new StreamableHttpClientTransport(new URL('/mcp', served.url), { fetch, reconnection: { initialDelayMs: 10 } }));
    cleanups.push(() => client.close());
    const error = await client.callTool({ name: 'count', arguments: { steps: 50, delayMs: 2 } }, { onprogress: () => undefined }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(drops.cut).toBe(1);
    expect(drops.resumedFrom).toEqual([]);
    // The transport answers the lost request itself, as a JSON-RPC internal error naming the cause.
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).code).toBe(ErrorCode.InternalError);
    expect((error as McpError).message).toMatch(/stream/);
  });

  it('modern era: a dropped response stream is re-issued as a new request and the call completes', async () => {
    // SSE answers from the first byte, so the stream exists before the first progress notification.
    const handler = createStreamableHttpHandler(buildTestServer(), { responseMode: 'sse' });
    const served = await serve(handler);
    cleanups.push(async () => {
      await handler.close();
      await served.close();
    });
    const { fetch, drops } = droppingFetch(1, 12);
    const client = new Client({ name: 'faults', version: '1' });
    await client.connect(new StreamableHttpClientTransport(new URL('/mcp', served.url), { fetch, reconnection: { initialDelayMs: 10 } }));
    cleanups.push(() => client.close());
    expect(client.era).toBe('modern');
    const seen: number[] = [];
    const result = await client.callTool({ name: 'count', arguments: { steps: 50, delayMs: 2 } }, { onprogress: (p) => seen.push(p.progress) });
    expect(result.content).toEqual([{ type: 'text', text: 'counted 50' }]);
    expect(drops.cut).toBe(1);
    // No Last-Event-ID in this era: the request runs again from the start.
    expect(drops.resumedFrom).toEqual([]);
    const restart = seen.lastIndexOf(1);
    expect(restart).toBeGreaterThan(0);
    expect(seen.slice(restart)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });
});
