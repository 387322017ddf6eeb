/**
 * Runs the sampling server: over stdio with `--stdio`, otherwise over Streamable HTTP on
 * `http://127.0.0.1:${PORT ?? 3000}/mcp`.
 *
 * @module
 */
import { StdioServerTransport } from '@mcpkit/transports/stdio';
import { serve } from '@mcpkit/transports/http';
import { createStreamableHttpHandler } from '@mcpkit/transports/streamable-http';
import { createSamplingServer } from './server.js';

const server = createSamplingServer();

if (process.argv.includes('--stdio')) {
  await server.connect(new StdioServerTransport());
} else {
  const mcp = createStreamableHttpHandler(server);
  const served = await serve(
    (request) => (new URL(request.url).pathname === '/mcp' ? mcp(request) : Promise.resolve(new Response('Not found', { status: 404 }))),
    { port: Number(process.env.PORT ?? 3000) },
  );
  console.error(`Sampling MCP server on ${new URL('/mcp', served.url).href}`);
  const stop = (): void => void Promise.all([mcp.close(), server.close(), served.close()]).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
