import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { serve, toNodeListener } from '@mcpkit/transports/http';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('node:http adapter', () => {
  it('serve binds 127.0.0.1 on a free port by default and streams bodies', async () => {
    const served = await serve(async (request) => {
      const body = await request.text();
      return new Response(`${request.method} ${new URL(request.url).pathname} ${body}`, { status: 201, headers: { 'x-test': 'yes' } });
    });
    cleanups.push(() => served.close());
    expect(served.host).toBe('127.0.0.1');
    expect(served.port).toBeGreaterThan(0);
    const response = await fetch(new URL('/p', served.url), { method: 'POST', body: 'hello' });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-test')).toBe('yes');
    expect(await response.text()).toBe('POST /p hello');
  });

  it('uses a body already parsed by Express-style middleware', async () => {
    const listener = toNodeListener(async (request) => new Response(await request.text()));
    const server = createServer((req, res) => {
      (req as IncomingMessage & { body?: unknown }).body = { parsed: true };
      req.resume();
      void listener(req, res);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    cleanups.push(() => new Promise((r) => server.close(() => r())));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: 'ignored', headers: { 'content-type': 'application/json' } });
    expect(await response.json()).toEqual({ parsed: true });
  });

  it('aborts the request signal and cancels the body stream when the client disconnects', async () => {
    let cancelled = false;
    let aborted = false;
    const served = await serve(async (request) => {
      request.signal.addEventListener('abort', () => {
        aborted = true;
      });
      const body = new ReadableStream<Uint8Array>({
        start(c) {
          c.enqueue(new TextEncoder().encode('data: x\n\n'));
        },
        cancel() {
          cancelled = true;
        },
      });
      return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
    });
    cleanups.push(() => served.close());
    const controller = new AbortController();
    const response = await fetch(served.url, { signal: controller.signal });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    controller.abort();
    for (let i = 0; i < 200 && !(cancelled && aborted); i++) await new Promise((r) => setTimeout(r, 5));
    expect(cancelled).toBe(true);
    expect(aborted).toBe(true);
  });

  it('answers 500 without detail when the handler throws', async () => {
    const served = await serve(async () => {
      throw new Error('secret');
    });
    cleanups.push(() => served.close());
    const response = await fetch(served.url);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe('');
  });
});
