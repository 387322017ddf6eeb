/** Connects a real client to the internet server over the in-memory transport, in a chosen era. */
import { Client } from '@mcpkit/client';
import type { CallToolResult } from '@mcpkit/core';
import { createMemoryTransportPair } from '@mcpkit/transports/memory';
import { createInternetServer, type InternetServerOptions } from '../src/server.js';

/** The eras every behaviour is checked in: negotiated (modern) and pinned legacy. */
export const ERAS = [
  { era: 'modern', options: {} },
  { era: 'legacy', options: { protocolVersion: '2025-11-25' } },
] as const;

/** Starts a server and a connected client; `close` ends both. */
export async function connect(serverOptions: InternetServerOptions, clientOptions: { protocolVersion?: string }): Promise<{ client: Client; close: () => Promise<void> }> {
  const server = createInternetServer(serverOptions);
  const client = new Client({ name: 'internet-test', version: '1.0.0' }, clientOptions);
  const [clientTransport, serverTransport] = createMemoryTransportPair();
  await server.connect(serverTransport);
  await client.connect(clientTransport);
  return {
    client,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** The text of a result's first content block. */
export function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}
