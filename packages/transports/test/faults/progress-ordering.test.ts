/**
 * Fault: the legacy GET stream is slower than the POST answers (another TCP connection, another
 * proxy). Progress routed to the GET stream could reach the client after the result and be lost,
 * so in every response mode a request's progress must travel on its own POST.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '@mcpkit/client';
import { serve } from '@mcpkit/transports/http';
import { StreamableHttpClientTransport, createStreamableHttpHandler, type ResponseMode } from '@mcpkit/transports/streamable-http';
import { buildTestServer } from '../matrix/test-server.js';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** Delays every chunk of `body` by `ms`, like a congested connection. */
function slowed(body: ReadableStream<Uint8Array>, ms: number): ReadableStream<Uint8Array> {
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform: async (chunk, controller) => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        controller.enqueue(chunk);
      },
    }),
  );
}

/** A fetch whose GET streams lag 50 ms behind everything else. */
const laggingGetStream = async (input: URL | string | Request, init?: RequestInit): Promise<Response> => {
  const response = await fetch(input, init);
  if (init?.method !== 'GET' || response.body === null) return response;
  return new Response(slowed(response.body, 50), { status: response.status, headers: response.headers });
};

async function progressSeen(responseMode: ResponseMode): Promise<number[]> {
  const handler = createStreamableHttpHandler(buildTestServer(), { responseMode });
  const served = await serve(handler);
  cleanups.push(async () => {
    await handler.close();
    await served.close();
  });
  const client = new Client({ name: 'faults', version: '1' }, { protocolVersion: '2025-11-25' });
  await client.connect(new StreamableHttpClientTransport(new URL('/mcp', served.url), { fetch: laggingGetStream as typeof fetch }));
  cleanups.push(() => client.close());
  const seen: number[] = [];
  // No delay between steps: the last progress and the result leave the server back to back.
  await client.callTool({ name: 'count', arguments: { steps: 3 } }, { onprogress: (p) => seen.push(p.progress) });
  // Whatever was going to arrive has arrived well within this.
  await new Promise((resolve) => setTimeout(resolve, 300));
  return seen;
}

describe('legacy Streamable HTTP: progress sent before the result reaches onprogress', () => {
  it('with SSE answers (auto mode), progress travels on the POST stream ahead of the result', async () => {
    expect(await progressSeen('auto')).toEqual([1, 2, 3]);
  });

  // Fixed from the issue 5 report: in `json` mode progress went to the GET stream and, landing after
  // the JSON result, was dropped. A request with a progressToken is now answered on its POST.
  it('with JSON answers (json mode), progress reaches onprogress even when the GET stream lags', async () => {
    expect(await progressSeen('json')).toEqual([1, 2, 3]);
  });
});
