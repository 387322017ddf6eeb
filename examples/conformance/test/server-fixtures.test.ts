import { describe, expect, it } from 'vitest';
import { Session, buildRequestMeta, type CapabilitiesObject, type JSONRPCRequest, type ParamsObject } from '@mcpkit/core';
import { createMemoryTransportPair } from '@mcpkit/transports/memory';
import { createConformanceServer } from '../src/fixtures.js';

const README_TOOLS = [
  'test_simple_text', 'test_image_content', 'test_audio_content', 'test_embedded_resource', 'test_multiple_content_types',
  'test_tool_with_logging', 'test_tool_with_progress', 'test_error_handling', 'test_sampling', 'test_elicitation',
  'test_elicitation_sep1034_defaults', 'test_elicitation_sep1330_enums', 'json_schema_2020_12_tool',
  'greet', 'slow_compute', 'failing_job', 'protocol_error_job', 'confirm_delete', 'multi_input', 'test_tool_with_task',
];

async function client(handlers: Record<string, (r: JSONRPCRequest) => Record<string, unknown>> = {}) {
  const [clientEnd, serverEnd] = createMemoryTransportPair();
  await createConformanceServer().connect(serverEnd);
  const session = new Session(clientEnd);
  for (const [method, handler] of Object.entries(handlers)) session.setRequestHandler(method, handler);
  await session.start();
  const modern = (method: string, params: ParamsObject = {}, caps: CapabilitiesObject = {}) =>
    session.request(method, { ...params, _meta: buildRequestMeta({ protocolVersion: '2026-07-28', clientCapabilities: caps }) });
  return { session, modern };
}

describe('conformance fixtures', () => {
  it('lists every fixture with a description, tasks advertised as an extension', async () => {
    const { session, modern } = await client();
    const tools = (await modern('tools/list')).tools as Array<{ name: string; description?: string }>;
    expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(README_TOOLS));
    expect(tools.filter((t) => !t.description)).toEqual([]);
    const prompts = (await modern('prompts/list')).prompts as Array<{ description?: string }>;
    expect(prompts.filter((p) => !p.description)).toEqual([]);
    const discover = await modern('server/discover');
    expect(discover.capabilities).toMatchObject({ extensions: { 'io.modelcontextprotocol/tasks': {} }, completions: {}, prompts: { listChanged: true } });
    await session.close();
  });

  it('mutates the tool and prompt lists on demand (list_changed diagnostics)', async () => {
    const { session, modern } = await client();
    const count = async (method: string, key: string) => ((await modern(method))[key] as unknown[]).length;
    const tools = await count('tools/list', 'tools');
    await modern('tools/call', { name: 'test_trigger_tool_change' });
    expect(await count('tools/list', 'tools')).toBe(tools + 1);
    await modern('tools/call', { name: 'test_trigger_tool_change' });
    expect(await count('tools/list', 'tools')).toBe(tools);
    const prompts = await count('prompts/list', 'prompts');
    await modern('tools/call', { name: 'test_trigger_prompt_change' });
    expect(await count('prompts/list', 'prompts')).toBe(prompts + 1);
    await session.close();
  });

  it('asks only for inputs the client declared (modern)', async () => {
    const { session, modern } = await client();
    const result = await modern('tools/call', { name: 'test_input_required_result_capabilities' }, { sampling: {} });
    expect(Object.values(result.inputRequests as Record<string, { method: string }>).map((r) => r.method)).toEqual(['sampling/createMessage']);
    const multi = await modern('tools/call', { name: 'test_input_required_result_multiple_inputs' }, { sampling: {}, elicitation: {}, roots: {} });
    expect(Object.keys(multi.inputRequests as object).sort()).toEqual(['client_roots', 'greeting', 'user_name']);
    expect((await modern('tools/call', { name: 'test_missing_capability' }).catch((e: { code: number }) => e.code))).toBe(-32021);
    await session.close();
  });

  it('sends the SEP-1034 defaults form in the legacy era', async () => {
    let requested: unknown;
    const { session } = await client({
      'elicitation/create': (r) => {
        requested = r.params?.requestedSchema;
        return { action: 'accept', content: {} };
      },
    });
    await session.request('initialize', { protocolVersion: '2025-11-25', capabilities: { elicitation: {} }, clientInfo: { name: 't', version: '1' } });
    await session.request('tools/call', { name: 'test_elicitation_sep1034_defaults', arguments: {} });
    expect(requested).toMatchObject({
      properties: { name: { default: 'John Doe' }, age: { type: 'integer', default: 30 }, score: { default: 95.5 }, status: { default: 'active' }, verified: { default: true } },
    });
    await session.close();
  });

  it('runs slow_compute as a task and cancels it', async () => {
    const { session, modern } = await client();
    const caps = { extensions: { 'io.modelcontextprotocol/tasks': {} } };
    const created = await modern('tools/call', { name: 'slow_compute', arguments: { seconds: 60 } }, caps);
    expect(created).toMatchObject({ resultType: 'task', status: 'working' });
    expect(await modern('tasks/cancel', { taskId: created.taskId }, caps)).toMatchObject({ resultType: 'complete' });
    expect((await modern('tasks/get', { taskId: created.taskId }, caps)).status).toBe('cancelled');
    await session.close();
  });
});
