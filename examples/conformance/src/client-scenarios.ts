/**
 * What the conformance client does in each client scenario of the official MCP conformance suite.
 * Each scenario gets a connected client and drives it the way an application would.
 */
import type { Client, ClientOptions } from '@mcpkit/client';

/** One scenario: extra client options, and what to do once connected. */
export interface Scenario {
  /** Client options the scenario needs (handlers, capabilities). */
  options?: ClientOptions;
  /** Drives the connected client. */
  run(client: Client, context: Record<string, unknown>): Promise<void>;
}

const log = (...parts: unknown[]) => console.log(...parts);

async function listAndCall(client: Client, name: string, args: Record<string, unknown> = {}): Promise<void> {
  const { tools } = await client.listTools();
  log(`tools: ${tools.map((t) => t.name).join(', ')}`);
  if (!tools.some((t) => t.name === name)) throw new Error(`Test tool not found: ${name}`);
  const result = await client.callTool({ name, arguments: args });
  log(`${name}: ${JSON.stringify(result.content)}`);
}

async function tryCall(client: Client, name: string, args: Record<string, unknown> = {}): Promise<void> {
  try {
    const result = await client.callTool({ name, arguments: args });
    log(`${name}: ${JSON.stringify(result.content)}`);
  } catch (error) {
    log(`${name} rejected: ${error instanceof Error ? error.message : String(error)}`);
  }
}

const acceptEverything: ClientOptions = {
  roots: { list: () => [] },
  sampling: { handler: () => ({ role: 'assistant', model: 'conformance', content: { type: 'text', text: 'ok' } }) },
  elicitation: { form: () => ({ action: 'accept', content: {} }) },
};

/** The scenarios by name. */
export const SCENARIOS: Record<string, Scenario> = {
  initialize: {
    run: async (client) => {
      const { tools } = await client.listTools();
      log(`listed ${tools.length} tools`);
    },
  },
  tools_call: { run: (client) => listAndCall(client, 'add_numbers', { a: 5, b: 3 }) },
  'elicitation-sep1034-client-defaults': {
    // Accept with nothing filled in: the client SDK applies the schema defaults.
    options: { elicitation: { form: () => ({ action: 'accept', content: {} }) } },
    run: (client) => listAndCall(client, 'test_client_elicitation_defaults'),
  },
  'sse-retry': { run: (client) => listAndCall(client, 'test_reconnection') },
  'request-metadata': {
    options: acceptEverything,
    run: async (client) => {
      await client.listTools();
    },
  },
  'sep-2322-client-request-state': {
    options: { elicitation: { form: () => ({ action: 'accept', content: { confirmed: true } }) } },
    run: async (client) => {
      await client.listTools();
      for (const name of ['test_mrtr_echo_state', 'test_mrtr_no_state', 'test_mrtr_unrelated', 'test_mrtr_no_result_type']) {
        await tryCall(client, name);
      }
    },
  },
  'http-standard-headers': {
    run: async (client) => {
      const { tools } = await client.listTools();
      if (tools[0] !== undefined) await tryCall(client, tools[0].name);
      const { resources } = await client.listResources();
      if (resources[0] !== undefined) await client.readResource({ uri: resources[0].uri });
      const { prompts } = await client.listPrompts();
      if (prompts[0] !== undefined) await client.getPrompt({ name: prompts[0].name });
    },
  },
  'http-custom-headers': {
    run: async (client, context) => {
      await client.listTools();
      const calls = Array.isArray(context['toolCalls']) ? context['toolCalls'] : [];
      for (const call of calls as Array<{ name?: unknown; arguments?: unknown }>) {
        if (typeof call.name !== 'string') continue;
        const args = typeof call.arguments === 'object' && call.arguments !== null ? (call.arguments as Record<string, unknown>) : {};
        await tryCall(client, call.name, args);
      }
    },
  },
  'http-invalid-tool-headers': {
    run: async (client) => {
      const { tools } = await client.listTools();
      log(`kept tools: ${tools.map((t) => t.name).join(', ')}`);
      for (const tool of tools) await tryCall(client, tool.name, { region: 'us-west1' });
    },
  },
  'json-schema-ref-no-deref': {
    run: async (client) => {
      const { tools } = await client.listTools();
      log(`listed ${tools.length} tools`);
    },
  },
  'json-schema-2020-12-preservation': {
    run: async (client) => {
      const { tools } = await client.listTools();
      const focal = tools.find((t) => t.name === 'json_schema_2020_12_tool');
      if (focal === undefined) throw new Error("Tool 'json_schema_2020_12_tool' not advertised by the server");
      await listAndCall(client, 'json_schema_echo', { schema: focal.inputSchema });
    },
  },
};
