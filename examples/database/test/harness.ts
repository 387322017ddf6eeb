/** Connects a real client to a database server over the in-memory transport, in a chosen era. */
import { Client } from '@mcpkit/client';
import type { CallToolResult } from '@mcpkit/core';
import type { McpServer } from '@mcpkit/server';
import { createMemoryTransportPair } from '@mcpkit/transports/memory';

/** The eras every behaviour is checked in: negotiated (modern) and pinned legacy. */
export const ERAS = [
  { era: 'modern', options: {} },
  { era: 'legacy', options: { protocolVersion: '2025-11-25' } },
] as const;

/** Connects a client to `server`; `close` ends the connection (not the database). */
export async function connect(server: McpServer, options: { protocolVersion?: string }): Promise<{ client: Client; close: () => Promise<void> }> {
  const client = new Client({ name: 'database-test', version: '1.0.0' }, options);
  const [clientTransport, serverTransport] = createMemoryTransportPair();
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  return { client, close: () => client.close() };
}

/** The text of a result's first content block. */
export function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}
