/**
 * Test helper: a real `Client` connected to a server over the in-memory transport, in either era.
 */
import { Client, type ClientOptions } from '@mcpkit/client';
import type { McpServer } from '@mcpkit/server';
import { createMemoryTransportPair } from '@mcpkit/transports/memory';

/** The two eras every behaviour is checked in: negotiated (modern) and pinned legacy. */
export const ERAS = [
  { era: 'modern', options: {} },
  { era: 'legacy', options: { protocolVersion: '2025-11-25' } },
] as const satisfies ReadonlyArray<{ era: string; options: ClientOptions }>;

/** Connects a new client to `server`; close it when done. */
export async function connect(server: McpServer, options: ClientOptions = {}): Promise<Client> {
  const [clientTransport, serverTransport] = createMemoryTransportPair();
  await server.connect(serverTransport);
  const client = new Client({ name: 'roots-test', version: '1.0.0' }, options);
  await client.connect(clientTransport);
  return client;
}

/** The text of the first content block of a result. */
export function firstText(result: { content: ReadonlyArray<{ type: string }> }): string {
  const block = result.content[0];
  return block !== undefined && block.type === 'text' ? (block as { type: 'text'; text: string }).text : '';
}
