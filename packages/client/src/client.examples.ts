/**
 * Compile-checked usage examples of `@mcpkit/client`, quoted into the docs. Not exported.
 *
 * @module
 */
import type { Transport } from '@mcpkit/core';
import { Client } from './client.js';

/** Connect to any server, list its tools and call one with a typed structured result. */
export async function basicUsage(transport: Transport): Promise<number | undefined> {
  const client = new Client({ name: 'my-app', version: '1.0.0' });
  await client.connect(transport);
  console.log(`speaking ${client.protocolVersion} (${client.era}) with ${client.serverInfo?.name}`);
  for await (const tool of client.tools()) console.log(tool.name, tool.description);
  const result = await client.callTool<{ temperature: number }>({ name: 'weather', arguments: { city: 'Paris' } }, { timeout: 10_000 });
  await client.close();
  return result.structuredContent?.temperature;
}

/** Answer what servers ask: the same handlers serve legacy requests and modern input rounds. */
export function withHandlers(askUser: (message: string) => Promise<Record<string, string>>): Client {
  return new Client(
    { name: 'my-app', version: '1.0.0' },
    {
      elicitation: {
        form: async (params) => ({ action: 'accept', content: await askUser(params.message) }),
        url: async () => ({ action: 'decline' }),
      },
      roots: { list: () => [{ uri: 'file:///home/me/project', name: 'project' }] },
      maxInputRounds: 5,
    },
  );
}

/** Follow changes in either era through one event API. */
export async function followChanges(client: Client): Promise<() => Promise<void>> {
  client.on('toolsListChanged', () => console.log('tools changed; the cached list was dropped'));
  client.on('resourceUpdated', ({ uri }) => console.log(`${uri} changed`));
  const subscription = await client.listen({ toolsListChanged: true, resourceSubscriptions: ['file:///notes.md'] });
  return () => subscription.close();
}
