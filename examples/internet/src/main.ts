/**
 * Runs the internet server: over stdio with `--stdio`, otherwise over Streamable HTTP on
 * `http://127.0.0.1:${PORT ?? 3000}/mcp`. `--allow-private-addresses` lets it fetch from
 * loopback and private networks (trusted setups only).
 *
 * @module
 */
import { StdioServerTransport } from '@mcpkit/transports/stdio';
import { serve } from '@mcpkit/transports/http';
import { createStreamableHttpHandler } from '@mcpkit/transports/streamable-http';
import { createInternetServer } from './server.js';

const server = createInternetServer({ allowPrivateAddresses: process.argv.includes('--allow-private-addresses') });

if (process.argv.includes('--stdio')) {
  await server.connect(new StdioServerTransport());
} else {
  const mcp = createStreamableHttpHandler(server);
  const served = await serve(
    (request) => (new URL(request.url).pathname === '/mcp' ? mcp(request) : Promise.resolve(new Response('Not found', { status: 404 }))),
    { port: Number(process.env.PORT ?? 3000) },
  );
  console.error(`Internet MCP server on ${new URL('/mcp', served.url).href}`);
  const stop = (): void => void Promise.all([mcp.close(), server.close(), served.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
