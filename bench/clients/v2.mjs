/** The official SDK v2 client contender (`@modelcontextprotocol/client`), legacy era (its default). */
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { InMemoryTransport } from '@modelcontextprotocol/server';
import { createServer } from '../servers/v2.mjs';
import { serverScript } from './paths.mjs';

async function open(transport) {
  const client = new Client({ name: 'bench-v2', version: '1.0.0' });
  await client.connect(transport);
  return {
    call: (a, b) => client.callTool({ name: 'add', arguments: { a, b } }),
    close: () => client.close(),
  };
}

/** Client and server in this process over the SDK's in-memory pair. */
export async function connectMemory() {
  const [clientTransport, serverTransport] = InMemoryTransport.createLinkedPair();
  await createServer().connect(serverTransport);
  return { ...(await open(clientTransport)), serverPid: undefined };
}

/** Spawns the v2 stdio server. */
export async function connectStdio(server) {
  const transport = new StdioClientTransport({ command: process.execPath, args: [serverScript(server), 'stdio'], stderr: 'inherit' });
  const client = await open(transport);
  return { ...client, serverPid: transport.pid };
}

/** Streamable HTTP to `url`. */
export async function connectHttp(url) {
  return { ...(await open(new StreamableHTTPClientTransport(new URL(url)))), serverPid: undefined };
}
