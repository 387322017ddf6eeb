/** Connects a real client to the sampling server over the in-memory transport, in a chosen era. */
import { Client, type ClientOptions } from '@mcpkit/client';
import { createMemoryTransportPair } from '@mcpkit/transports/memory';
import { createSamplingServer, type SamplingServerOptions } from '../src/server.js';

/** The eras every behaviour is checked in: negotiated (modern) and pinned legacy. */
export const ERAS = [
  { era: 'modern', options: {} },
  { era: 'legacy', options: { protocolVersion: '2025-11-25' } },
] as const;

/** Starts a server and a connected client; `close` ends both. */
export async function connect(clientOptions: ClientOptions, serverOptions: SamplingServerOptions = {}): Promise<{ client: Client; close: () => Promise<void> }> {
  const server = createSamplingServer(serverOptions);
  const client = new Client({ name: 'sampling-test', version: '1.0.0' }, clientOptions);
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
