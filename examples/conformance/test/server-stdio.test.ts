import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Session, buildRequestMeta, type JSONRPCNotification, type ParamsObject } from '@mcpkit/core';
import { StdioClientTransport } from '@mcpkit/transports/stdio';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const meta = (caps: Record<string, unknown> = {}) =>
  buildRequestMeta({ protocolVersion: '2026-07-28', clientCapabilities: caps, clientInfo: { name: 'stdio-test', version: '1' } });

async function spawnServer(): Promise<{ session: Session; notifications: JSONRPCNotification[] }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: ['--import', 'tsx', 'examples/conformance/src/server.ts', '--stdio'],
    cwd: root,
    stderr: 'ignore',
  });
  const session = new Session(transport, { requestTimeout: 15_000 });
  const notifications: JSONRPCNotification[] = [];
  session.setNotificationHandler('notifications/message', (n) => void notifications.push(n));
  session.setRequestHandler('elicitation/create', () => ({ action: 'accept', content: { username: 'ada', email: 'ada@example.com' } }));
  session.setRequestHandler('sampling/createMessage', () => ({ role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'test' }));
  await session.start();
  return { session, notifications };
}

describe('conformance server over stdio (both eras on one process)', () => {
  let child: Awaited<ReturnType<typeof spawnServer>>;
  beforeAll(async () => {
    child = await spawnServer();
  });
  afterAll(async () => {
    await child.session.close();
  });

  const modern = (method: string, params: ParamsObject = {}, caps?: Record<string, unknown>) => child.session.request(method, { ...params, _meta: meta(caps) });

  it('answers server/discover and lists every fixture in a deterministic order', async () => {
    const discover = await modern('server/discover');
    expect(discover).toMatchObject({ resultType: 'complete', supportedVersions: expect.arrayContaining(['2026-07-28', '2025-11-25']) });
    const tools = (await modern('tools/list')).tools as Array<{ name: string }>;
    const names = tools.map((t) => t.name);
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(expect.arrayContaining(['test_simple_text', 'test_input_required_result_elicitation', 'slow_compute', 'json_schema_2020_12_tool']));
  });

  it('runs an input_required round trip (modern)', async () => {
    const r1 = await modern('tools/call', { name: 'test_input_required_result_elicitation', arguments: {} }, { elicitation: {} });
    expect(r1).toMatchObject({ resultType: 'input_required', inputRequests: { user_name: { method: 'elicitation/create' } } });
    const r2 = await modern(
      'tools/call',
      { name: 'test_input_required_result_elicitation', arguments: {}, requestState: r1.requestState, inputResponses: { user_name: { action: 'accept', content: { name: 'Alice' } } } },
      { elicitation: {} },
    );
    expect(r2.content).toEqual([{ type: 'text', text: 'Hello, Alice!' }]);
  });

  it('serves a legacy client on the same process after initialize', async () => {
    const init = await child.session.request('initialize', { protocolVersion: '2025-11-25', capabilities: { elicitation: {}, sampling: {} }, clientInfo: { name: 'legacy', version: '1' } });
    expect(init).toMatchObject({ protocolVersion: '2025-11-25', capabilities: { tools: { listChanged: true }, prompts: { listChanged: true } } });
    await child.session.notify('notifications/initialized');
    const elicited = await child.session.request('tools/call', { name: 'test_elicitation', arguments: { message: 'Who?' } });
    expect((elicited.content as Array<{ text: string }>)[0]!.text).toContain('ada@example.com');
    const sampled = await child.session.request('tools/call', { name: 'test_sampling', arguments: { prompt: 'Capital of France?' } });
    expect(sampled.content).toEqual([{ type: 'text', text: 'LLM response: Paris' }]);
    await child.session.request('logging/setLevel', { level: 'debug' });
    await child.session.request('tools/call', { name: 'test_tool_with_logging', arguments: {} });
    expect(child.notifications.length).toBeGreaterThanOrEqual(3);
    const notFound = await child.session.request('resources/read', { uri: 'test://nope' }).catch((e: { code: number }) => e.code);
    expect(notFound).toBe(-32002);
  });
});
