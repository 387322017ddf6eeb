/**
 * The tasks-extension fixtures (`greet`, `slow_compute`, `failing_job`, `protocol_error_job`,
 * `confirm_delete`, `multi_input`, `test_tool_with_task`).
 *
 * @module
 */
import { ErrorCode, McpError } from '@mcpkit/core';
import { ToolError, type McpServer } from '@mcpkit/server';
import * as z from 'zod';

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}

const confirmSchema = { type: 'object', properties: { confirm: { type: 'boolean' } }, required: ['confirm'] } as const;

/** Registers the task fixtures. */
export function registerTasks(server: McpServer): void {
  server.tool('greet', { description: 'Greets synchronously', inputSchema: z.object({ name: z.string().default('World') }) }, ({ name }) => `Hello, ${name}!`);
  server.tool(
    'slow_compute',
    { description: 'Sleeps for `seconds`, then answers (runs as a task)', taskSupport: 'optional', inputSchema: z.object({ seconds: z.number().min(0).max(600).default(1), label: z.string().optional() }) },
    async ({ seconds, label }, ctx) => {
      await sleep(seconds * 1000, ctx.signal);
      return `Computed ${label ?? 'result'} after ${seconds}s`;
    },
  );
  server.tool('failing_job', { description: 'Fails with a tool error after about a second (task required)', taskSupport: 'required' }, async (_args, ctx) => {
    await sleep(1000, ctx.signal);
    throw new ToolError('The job failed on purpose');
  });
  server.tool('protocol_error_job', { description: 'Fails with a protocol error (runs as a task)', taskSupport: 'optional' }, async () => {
    throw new McpError(ErrorCode.InternalError, 'The job hit a protocol-level failure');
  });
  server.tool(
    'confirm_delete',
    { description: 'Asks for confirmation before deleting (runs as a task)', taskSupport: 'optional', inputSchema: z.object({ filename: z.string().default('file.txt') }) },
    async ({ filename }, ctx) => {
      const answer = await ctx.elicit({ message: `Delete ${filename}?`, requestedSchema: { ...confirmSchema, properties: { ...confirmSchema.properties }, required: [...confirmSchema.required] } });
      return answer.action === 'accept' && answer.content?.confirm === true ? `Deleted ${filename}` : `Kept ${filename}`;
    },
  );
  server.tool('multi_input', { description: 'Asks two questions at once (runs as a task)', taskSupport: 'optional' }, async (_args, ctx) => {
    const schema = { type: 'object' as const, properties: { name: { type: 'string' }, confirm: { type: 'boolean' } } };
    const [first, second] = await Promise.all([
      ctx.elicit({ message: 'First question', requestedSchema: schema }, { key: 'first' }),
      ctx.elicit({ message: 'Second question', requestedSchema: schema }, { key: 'second' }),
    ]);
    return `first=${first.action}; second=${second.action}`;
  });
  server.tool('test_tool_with_task', { description: 'Asks for a name, then finishes as a task', taskSupport: 'required', taskStart: 'manual' }, async (_args, ctx) => {
    const answer = await ctx.elicit(
      { message: 'What is your name?', requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } },
      { key: 'user_name' },
    );
    await ctx.startTask();
    await sleep(200, ctx.signal);
    return `Hello, ${String(answer.content?.name ?? 'unknown')}! (finished as a task)`;
  });
}
