/** The official SDK v1 client contender (`@modelcontextprotocol/sdk`), legacy era only. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createServer } from '../servers/v1.mjs';
import { serverScript } from './paths.mjs';

async function open(transport) {
  const client = new Client({ name: 'bench-v1', version: '1.0.0' });
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

/** Spawns the v1 stdio server. */
export async function connectStdio(server) {
  const transport = new StdioClientTransport({ command: process.execPath, args: [serverScript(server), 'stdio'], stderr: 'inherit' });
  const client = await open(transport);
  return { ...client, serverPid: transport.pid };
}

/** Streamable HTTP to `url`. */
export async function connectHttp(url) {
  return { ...(await open(new StreamableHTTPClientTransport(new URL(url)))), serverPid: undefined };
}
