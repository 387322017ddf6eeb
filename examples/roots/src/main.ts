/**
 * Runs the roots server: over stdio with `--stdio`, otherwise over Streamable HTTP at
 * `http://127.0.0.1:${PORT ?? 3000}/mcp` (both protocol eras on one endpoint).
 *
 * @module
 */
import { serve } from '@mcpkit/transports/http';
import { StdioServerTransport } from '@mcpkit/transports/stdio';
import { createStreamableHttpHandler } from '@mcpkit/transports/streamable-http';
import { createRootsServer } from './server.js';

const server = createRootsServer();

if (process.argv.includes('--stdio')) {
  await server.connect(new StdioServerTransport());
} else {
  const endpoint = createStreamableHttpHandler(server);
  const served = await serve(
    (request) => (new URL(request.url).pathname === '/mcp' ? endpoint(request) : Promise.resolve(new Response('Not found: the MCP endpoint is /mcp', { status: 404 }))),
    { port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' },
  );
  // stderr, so the address is visible however stdout is used.
  console.error(`roots server: MCP endpoint at ${new URL('/mcp', served.url).href}`);
  const stop = (): void => {
    void endpoint.close().then(() => served.close()).then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
