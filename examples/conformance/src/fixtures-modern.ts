/**
 * The 2026-07-28 fixtures: input-required (MRTR) tools and prompt, and the stateless diagnostics.
 * Each is an ordinary handler using `ctx.elicit` / `ctx.sample` / `ctx.roots` with fixed keys.
 *
 * @module
 */
import { hasCapability } from '@mcpkit/core';
import type { McpServer, ServerContext } from '@mcpkit/server';

const nameSchema = { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] } as const;

function askName(ctx: ServerContext, key: string, message = 'What is your name?') {
  return ctx.elicit({ message, requestedSchema: { ...nameSchema, properties: { ...nameSchema.properties }, required: [...nameSchema.required] } }, { key });
}

function textOf(result: { content?: unknown }): string {
  const content = result.content as { type?: string; text?: string } | undefined;
  return content?.type === 'text' && typeof content.text === 'string' ? content.text : JSON.stringify(result.content);
}

/** Registers the input-required tools and prompt. */
export function registerInputRequired(server: McpServer): void {
  server.tool('test_input_required_result_elicitation', { description: 'Asks for the user name (MRTR)' }, async (_args, ctx) => {
    const answer = await askName(ctx, 'user_name');
    return `Hello, ${String(answer.content?.name ?? 'unknown')}!`;
  });
  server.tool('test_input_required_result_sampling', { description: 'Asks the client LLM (MRTR)' }, async (_args, ctx) => {
    const answer = await ctx.sample(
      { messages: [{ role: 'user', content: { type: 'text', text: 'What is the capital of France?' } }], maxTokens: 100 },
      { key: 'capital_question' },
    );
    return `Sampling response: ${textOf(answer)}`;
  });
  server.tool('test_input_required_result_list_roots', { description: 'Asks for the client roots (MRTR)' }, async (_args, ctx) => {
    const roots = await ctx.roots({ key: 'client_roots' });
    return `Roots: ${roots.map((r) => r.uri).join(', ')}`;
  });
  server.tool('test_input_required_result_request_state', { description: 'Round-trips requestState (MRTR)' }, async (_args, ctx) => {
    const answer = await ctx.elicit(
      { message: 'Please confirm', requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } },
      { key: 'confirm' },
    );
    return `state-ok: confirmed=${String(answer.content?.ok)}`;
  });
  server.tool('test_input_required_result_multiple_inputs', { description: 'Asks for three inputs at once (MRTR)' }, async (_args, ctx) => {
    const [name, greeting, roots] = await Promise.all([
      askName(ctx, 'user_name'),
      ctx.sample({ messages: [{ role: 'user', content: { type: 'text', text: 'Generate a greeting' } }], maxTokens: 50 }, { key: 'greeting' }),
      ctx.roots({ key: 'client_roots' }),
    ]);
    return `name=${String(name.content?.name)}; greeting=${textOf(greeting)}; roots=${roots.length}`;
  });
  server.tool('test_input_required_result_multi_round', { description: 'Asks in two rounds (MRTR)' }, async (_args, ctx) => {
    const step1 = await askName(ctx, 'step1', 'Step 1: What is your name?');
    const step2 = await ctx.elicit(
      { message: 'Step 2: What is your favorite color?', requestedSchema: { type: 'object', properties: { color: { type: 'string' } }, required: ['color'] } },
      { key: 'step2' },
    );
    return `name=${String(step1.content?.name)}; color=${String(step2.content?.color)}`;
  });
  server.tool('test_input_required_result_tampered_state', { description: 'Rejects tampered requestState (MRTR)' }, async (_args, ctx) => {
    const answer = await ctx.elicit(
      { message: 'Please confirm', requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] } },
      { key: 'confirm' },
    );
    return `confirmed=${String(answer.content?.ok)}`;
  });
  server.tool('test_input_required_result_capabilities', { description: 'Asks only for what the client supports (MRTR)' }, async (_args, ctx) => {
    const caps = ctx.client.capabilities;
    const asks: Array<Promise<unknown>> = [];
    if (hasCapability(caps, 'elicitation.form')) asks.push(askName(ctx, 'user_name'));
    if (hasCapability(caps, 'sampling')) asks.push(ctx.sample({ messages: [{ role: 'user', content: { type: 'text', text: 'Say hi' } }], maxTokens: 20 }, { key: 'greeting' }));
    if (hasCapability(caps, 'roots')) asks.push(ctx.roots({ key: 'client_roots' }));
    await Promise.all(asks);
    return `Received ${asks.length} input(s)`;
  });
  server.prompt('test_input_required_result_prompt', { description: 'A prompt that needs user context (MRTR)' }, async (_args, ctx) => {
    const answer = await ctx.elicit(
      { message: 'What context should the prompt use?', requestedSchema: { type: 'object', properties: { context: { type: 'string' } }, required: ['context'] } },
      { key: 'user_context' },
    );
    return { messages: [{ role: 'user', content: { type: 'text', text: `Context: ${String(answer.content?.context)}` } }] };
  });
}

/** Registers the stateless diagnostics: a tool needing sampling and a prompt-list mutator. */
export function registerStatelessDiagnostics(server: McpServer): void {
  server.tool('test_missing_capability', { description: 'Needs the sampling capability' }, async (_args, ctx) => {
    const answer = await ctx.sample({ messages: [{ role: 'user', content: { type: 'text', text: 'ping' } }], maxTokens: 10 }, { key: 'sample' });
    return `Sampled: ${textOf(answer)}`;
  });
  server.tool('test_streaming_elicitation', { description: 'Needs user input (an input_required result, never a server request)' }, async (_args, ctx) => {
    const answer = await askName(ctx, 'user_name');
    return `Hello, ${String(answer.content?.name ?? 'unknown')}!`;
  });
  server.tool('test_logging_tool', { description: 'Logs at info level (only when the request sets a log level)' }, async (_args, ctx) => {
    await ctx.log('info', 'test_logging_tool ran');
    return 'logged';
  });
  server.tool(
    'test_header_param',
    {
      description: 'Echoes an argument mirrored into the Mcp-Param-Region header',
      inputSchema: { type: 'object', properties: { region: { type: 'string', 'x-mcp-header': 'Region' } }, required: ['region'] },
    },
    (args) => `Region: ${String(args.region)}`,
  );
  let dynamicTool: { remove(): boolean } | undefined;
  server.tool('test_trigger_tool_change', { description: 'Adds or removes a tool, changing the tool list' }, () => {
    if (dynamicTool !== undefined && dynamicTool.remove()) {
      dynamicTool = undefined;
      return 'Removed test_dynamic_tool';
    }
    dynamicTool = server.tool('test_dynamic_tool', { description: 'A tool added at run time' }, () => 'dynamic');
    return 'Added test_dynamic_tool';
  });
  let dynamic: { remove(): boolean } | undefined;
  server.tool('test_trigger_prompt_change', { description: 'Adds or removes a prompt, changing the prompt list' }, () => {
    if (dynamic !== undefined && dynamic.remove()) {
      dynamic = undefined;
      return 'Removed test_dynamic_prompt';
    }
    dynamic = server.prompt('test_dynamic_prompt', { description: 'A prompt added at run time' }, () => ({
      messages: [{ role: 'user', content: { type: 'text', text: 'Dynamic prompt' } }],
    }));
    return 'Added test_dynamic_prompt';
  });
}
