/** The mcpkit client contender, from the built packages, pinned to one era. */
import { Client } from '@mcpkit/client';
import { createMemoryTransportPair } from '@mcpkit/core';
import { StdioClientTransport } from '@mcpkit/transports/stdio';
import { StreamableHttpClientTransport } from '@mcpkit/transports/streamable-http';
import { createServer } from '../servers/mcpkit.mjs';
import { serverScript } from './paths.mjs';

const VERSIONS = { legacy: '2025-11-25', modern: '2026-07-28' };

async function open(transport, era) {
  const client = new Client({ name: 'bench-mcpkit', version: '1.0.0' }, { protocolVersion: VERSIONS[era] });
  await client.connect(transport);
  return {
    call: (a, b) => client.callTool({ name: 'add', arguments: { a, b } }),
    close: () => client.close(),
  };
}

/** Client and server in this process over the memory pair. */
export async function connectMemory(era) {
  const [clientTransport, serverTransport] = createMemoryTransportPair();
  await createServer().connect(serverTransport);
  return { ...(await open(clientTransport, era)), serverPid: undefined };
}

/** Spawns the mcpkit stdio server. */
export async function connectStdio(server, era) {
  const transport = new StdioClientTransport({ command: process.execPath, args: [serverScript(server), 'stdio'], stderr: 'inherit' });
  const client = await open(transport, era);
  return { ...client, serverPid: transport.pid };
}

/** Streamable HTTP to `url`. */
export async function connectHttp(url, era) {
  return { ...(await open(new StreamableHttpClientTransport(url), era)), serverPid: undefined };
}
