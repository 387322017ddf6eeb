import { describe, expect, it } from 'vitest';
import { ErrorCode, McpError } from '@mcpkit/core';
import { InMemoryTaskStore, McpServer, TASKS_EXTENSION, ToolError } from '@mcpkit/server';
import { ERAS, open, until, wireError } from './helpers.js';

const TASKS = { elicitation: {}, extensions: { [TASKS_EXTENSION]: {} } };

function gate(): { promise: Promise<void>; open: () => void } {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, open: release };
}

function jobs() {
  const release = gate();
  const server = new McpServer({ name: 'jobs', version: '1' }, { tasks: { ttlMs: 60_000, pollIntervalMs: 100 } });
  server.tool('sync', { description: 'sync only' }, () => 'now');
  server.tool('build', { description: 'long build', taskSupport: 'optional' }, async (_a, ctx) => {
    await Promise.race([release.promise, new Promise((r) => ctx.signal.addEventListener('abort', r))]);
    return 'built';
  });
  server.tool('must_task', { description: 'required', taskSupport: 'required' }, () => {
    throw new ToolError('tool failed');
  });
  server.tool('crash', { description: 'protocol failure', taskSupport: 'optional' }, () => {
    throw new McpError(ErrorCode.InternalError, 'backend down');
  });
  server.tool('confirm', { description: 'asks in the task', taskSupport: 'optional' }, async (_a, ctx) => {
    const [a, b] = await Promise.all([
      ctx.elicit({ message: 'a?', requestedSchema: { type: 'object', properties: {} } }, { key: 'a' }),
      ctx.elicit({ message: 'b?', requestedSchema: { type: 'object', properties: {} } }, { key: 'b' }),
    ]);
    return `${a.action}/${b.action}`;
  });
  server.tool('ask_then_task', { description: 'MRTR then task', taskSupport: 'required', taskStart: 'manual' }, async (_a, ctx) => {
    const name = await ctx.elicit({ message: 'name?', requestedSchema: { type: 'object', properties: { n: { type: 'string' } } } }, { key: 'name' });
    await ctx.startTask();
    return `hello ${String(name.content?.n)}`;
  });
  return { server, release };
}

async function poll(call: (m: string, p?: Record<string, unknown>) => Promise<Record<string, unknown>>, taskId: string, status: string): Promise<Record<string, unknown>> {
  let task: Record<string, unknown> = {};
  for (let i = 0; i < 200; i++) {
    task = await call('tasks/get', { taskId });
    if (task.status === status) return task;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`task ${taskId} stayed ${String(task.status)}`);
}

describe.each(ERAS)('tasks extension (%s era)', (era) => {
  it('returns a flat CreateTaskResult, then the inlined result on tasks/get', async () => {
    const { server, release } = jobs();
    const c = await open(server, era, TASKS);
    const sync = await c.call('tools/call', { name: 'sync' });
    expect(sync).not.toHaveProperty('taskId');
    expect(sync.resultType).toBe('complete');
    const created = await c.call('tools/call', { name: 'build' });
    expect(created).toMatchObject({ resultType: 'task', status: 'working', ttlMs: 60_000, pollIntervalMs: 100 });
    expect(created).not.toHaveProperty('requestState');
    const taskId = created.taskId as string;
    expect(await c.call('tasks/get', { taskId })).toMatchObject({ taskId, status: 'working', resultType: 'complete' });
    release.open();
    const done = await poll(c.call, taskId, 'completed');
    expect(done.result).toEqual({ content: [{ type: 'text', text: 'built' }] });
    await c.close();
  });

  it('reports tool errors as completed+isError and protocol errors as failed', async () => {
    const { server } = jobs();
    const c = await open(server, era, TASKS);
    const toolError = await c.call('tools/call', { name: 'must_task' });
    expect((await poll(c.call, toolError.taskId as string, 'completed')).result).toMatchObject({ isError: true });
    const crash = await c.call('tools/call', { name: 'crash' });
    const failed = await poll(c.call, crash.taskId as string, 'failed');
    expect(failed.error).toEqual({ code: ErrorCode.InternalError, message: 'backend down' });
    expect(failed).not.toHaveProperty('result');
    await c.close();
  });

  it('cancels cooperatively and idempotently; unknown ids are -32602', async () => {
    const { server } = jobs();
    const c = await open(server, era, TASKS);
    const created = await c.call('tools/call', { name: 'build' });
    const ack = await c.call('tasks/cancel', { taskId: created.taskId });
    expect(Object.keys(ack).filter((k) => k !== '_meta')).toEqual(['resultType']);
    expect((await c.call('tasks/get', { taskId: created.taskId })).status).toBe('cancelled');
    expect((await c.call('tasks/cancel', { taskId: created.taskId })).resultType).toBe('complete');
    expect((await wireError(c.call('tasks/get', { taskId: 'nope' }))).code).toBe(ErrorCode.InvalidParams);
    await c.close();
  });

  it('parks input requests until tasks/update answers them, one key at a time', async () => {
    const { server } = jobs();
    const c = await open(server, era, TASKS);
    const created = await c.call('tools/call', { name: 'confirm' });
    const taskId = created.taskId as string;
    const waiting = await poll(c.call, taskId, 'input_required');
    expect(Object.keys(waiting.inputRequests as object).sort()).toEqual(['a', 'b']);
    expect(await c.call('tasks/update', { taskId, inputResponses: { a: { action: 'accept' }, stray: { action: 'cancel' } } })).toMatchObject({ resultType: 'complete' });
    expect(Object.keys((await c.call('tasks/get', { taskId })).inputRequests as object)).toEqual(['b']);
    await c.call('tasks/update', { taskId, inputResponses: { b: { action: 'decline' } } });
    expect((await poll(c.call, taskId, 'completed')).result).toEqual({ content: [{ type: 'text', text: 'accept/decline' }] });
    await c.close();
  });

  it('gates the task methods and required-task tools on the extension (-32021)', async () => {
    const { server } = jobs();
    const c = await open(server, era, { elicitation: {} });
    for (const method of ['tasks/get', 'tasks/cancel']) {
      const error = await wireError(c.call(method, { taskId: 'x' }));
      expect(error.code).toBe(ErrorCode.MissingRequiredClientCapability);
    }
    const required = await wireError(c.call('tools/call', { name: 'must_task' }));
    expect(required).toMatchObject({ code: ErrorCode.MissingRequiredClientCapability, data: { requiredCapabilities: { extensions: { [TASKS_EXTENSION]: {} } } } });
    expect((await c.call('tools/call', { name: 'crash' }).catch((e: { code: number }) => e.code))).toBe(ErrorCode.InternalError);
    await c.close();
  });
});

describe('tasks composed with input rounds', () => {
  it('modern: asks with input_required first, then answers with a task that carries the answer', async () => {
    const { server } = jobs();
    const c = await open(server, 'modern', TASKS);
    const r1 = await c.call('tools/call', { name: 'ask_then_task' });
    expect(r1).toMatchObject({ resultType: 'input_required' });
    expect(r1).not.toHaveProperty('taskId');
    const r2 = await c.modern('tools/call', { name: 'ask_then_task', requestState: r1.requestState, inputResponses: { name: { action: 'accept', content: { n: 'Ida' } } } }, { capabilities: TASKS });
    expect(r2).toMatchObject({ resultType: 'task' });
    expect(r2).not.toHaveProperty('requestState');
    expect((await poll(c.call, r2.taskId as string, 'completed')).result).toEqual({ content: [{ type: 'text', text: 'hello Ida' }] });
    await c.close();
  });

  it('legacy: asks with a server request, then becomes a task', async () => {
    const { server } = jobs();
    const c = await open(server, 'legacy', TASKS, { 'elicitation/create': () => ({ action: 'accept', content: { n: 'Jo' } }) });
    const created = await c.call('tools/call', { name: 'ask_then_task' });
    expect(created.resultType).toBe('task');
    expect((await poll(c.call, created.taskId as string, 'completed')).result).toEqual({ content: [{ type: 'text', text: 'hello Jo' }] });
    await c.close();
  });

  it('pushes notifications/tasks to listen streams that watch the task', async () => {
    const { server, release } = jobs();
    const c = await open(server, 'modern', TASKS);
    const created = await c.call('tools/call', { name: 'build' });
    const seen: Array<Record<string, unknown>> = [];
    c.session.setNotificationHandler('notifications/tasks', (n) => void seen.push(n.params ?? {}));
    void c.modern('subscriptions/listen', { notifications: { taskIds: [created.taskId] } }, { capabilities: TASKS }).catch(() => undefined);
    await until(() => c.notifications.some((n) => n.method === 'notifications/subscriptions/acknowledged'));
    release.open();
    await until(() => seen.some((t) => t.status === 'completed'));
    expect(seen.at(-1)).toMatchObject({ taskId: created.taskId, status: 'completed', result: { content: [{ type: 'text', text: 'built' }] }, _meta: { 'io.modelcontextprotocol/subscriptionId': 2 } });
    await server.close();
  });

  it('expires tasks after their ttl in the in-memory store', async () => {
    let now = 0;
    const store = new InMemoryTaskStore({ now: () => now });
    await store.create({ taskId: 't', status: 'working', createdAt: new Date(0).toISOString(), lastUpdatedAt: new Date(0).toISOString(), ttlMs: 100, pollIntervalMs: 10 });
    expect((await store.get('t'))?.status).toBe('working');
    await store.update('t', { status: 'completed', result: { content: [] } });
    expect((await store.update('t', { status: 'failed' }))?.status).toBe('completed');
    now = 100;
    expect(await store.get('t')).toBeUndefined();
  });
});
