/**
 * Type-checked usage examples of the stdio transport, quoted in its docs. Not exported.
 *
 * @module
 */
import { Session, type ResultObject } from '@mcpkit/core';
import { StdioClientTransport } from './client-transport.js';
import { StdioServerTransport } from './server-transport.js';

/** Client side: spawn a server, send one request, shut the server down. */
export async function listToolsOfSpawnedServer(): Promise<ResultObject> {
  const transport = new StdioClientTransport({
    command: 'npx',
    args: ['-y', '@modelcontextprotocol/server-everything'],
    env: { LOG_LEVEL: 'debug' },
    stderr: 'pipe',
  });
  transport.stderr?.on('data', (chunk: Buffer) => process.stderr.write(`[server] ${chunk.toString('utf8')}`));
  const session = new Session(transport);
  await session.start();
  try {
    return await session.request('tools/list', {});
  } finally {
    await session.close();
  }
}

/** Server side: answer `ping` over this process's stdin and stdout; exit when the client closes stdin. */
export async function serveOverStdio(): Promise<void> {
  const transport = new StdioServerTransport({ redirectConsoleToStderr: true });
  const session = new Session(transport);
  session.setRequestHandler('ping', () => ({}));
  session.onclose = () => process.exit(0);
  await session.start();
}
