import { describe, expect, it } from 'vitest';
import { ErrorCode, McpError } from '@mcpkit/core';
import { McpServer, observe, type RequestEvent } from '@mcpkit/server';
import { connect, open, until, wireError } from './helpers.js';

describe('middleware', () => {
  it('wraps every request with method, params, result or error and duration', async () => {
    const events: RequestEvent[] = [];
    let clock = 0;
    const server = new McpServer({ name: 'm', version: '1' }, { middleware: [observe((e) => events.push(e), () => (clock += 10))] });
    server.tool('ok', { description: 'ok' }, () => 'fine');
    const c = await open(server, 'modern');
    await c.call('tools/call', { name: 'ok' });
    await c.call('tools/call', { name: 'missing' }).catch(() => undefined);
    expect(events.map((e) => [e.request.method, e.request.params.name, e.durationMs, e.error === undefined])).toEqual([
      ['tools/call', 'ok', 10, true],
      ['tools/call', 'missing', 10, false],
    ]);
    expect(events[0]!.result).toMatchObject({ content: [{ type: 'text', text: 'fine' }] });
    expect(events[1]!.error).toBeInstanceOf(McpError);
    await c.close();
  });

  it('can refuse a request (auth checks) before the handler runs', async () => {
    let ran = false;
    const server = new McpServer({ name: 'm', version: '1' }, {
      middleware: [
        (req, next) => {
          if (req.transport?.authInfo === undefined) throw new McpError(ErrorCode.InvalidRequest, 'Unauthorized');
          return next();
        },
      ],
    });
    server.tool('secret', { description: 's' }, () => {
      ran = true;
      return 'x';
    });
    const c = await open(server, 'legacy').catch((e: unknown) => e);
    expect(c).toMatchObject({ code: ErrorCode.InvalidRequest });
    expect(ran).toBe(false);
  });
});

describe('limits', () => {
  it('times a handler out with -32603 and aborts its signal', async () => {
    let aborted = false;
    const server = new McpServer({ name: 'l', version: '1' }, { handlerTimeoutMs: 20 });
    server.tool('hang', { description: 'never returns' }, (_a, ctx) => new Promise(() => ctx.signal.addEventListener('abort', () => (aborted = true))));
    // Legacy era: the handler starts within microtasks, long before the timer can fire.
    const c = await open(server, 'legacy');
    const error = await wireError(c.call('tools/call', { name: 'hang' }));
    expect(error).toMatchObject({ code: ErrorCode.InternalError, message: 'Request timed out after 20 ms' });
    expect(aborted).toBe(true);
    await c.close();
  });

  it('caps the result size with -32603', async () => {
    const server = new McpServer({ name: 'l', version: '1' }, { maxResultBytes: 1000 });
    server.tool('big', { description: 'big' }, () => 'x'.repeat(5000));
    server.tool('small', { description: 'small' }, () => 'x');
    const c = await open(server, 'legacy');
    expect((await wireError(c.call('tools/call', { name: 'big' }))).message).toMatch(/Result too large/);
    expect((await c.call('tools/call', { name: 'small' })).content).toBeDefined();
    await c.close();
  });

  it('runs at most maxConcurrentHandlers at once across connections and refuses past the queue', async () => {
    let running = 0;
    let peak = 0;
    const releases: Array<() => void> = [];
    const server = new McpServer({ name: 'l', version: '1' }, { maxConcurrentHandlers: 2, maxQueuedHandlers: 1 });
    server.tool('slow', { description: 'slow' }, async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((resolve) => releases.push(resolve));
      running--;
      return 'ok';
    });
    const a = await connect(server);
    const b = await connect(server);
    const calls = [a.modern('tools/call', { name: 'slow' }), b.modern('tools/call', { name: 'slow' }), a.modern('tools/call', { name: 'slow' })];
    await until(() => releases.length === 2);
    const refused = await wireError(b.modern('tools/call', { name: 'slow' }));
    expect(refused.message).toMatch(/overloaded/);
    while (releases.length > 0 || running > 0) {
      releases.shift()?.();
      await new Promise((r) => setTimeout(r, 2));
    }
    expect((await Promise.all(calls)).length).toBe(3);
    expect(peak).toBe(2);
    await Promise.all([a.close(), b.close()]);
  });
});
