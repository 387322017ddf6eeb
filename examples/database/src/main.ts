/**
 * Runs the database server: over stdio with `--stdio`, otherwise over Streamable HTTP on
 * `http://127.0.0.1:${PORT ?? 3000}/mcp`. `DATABASE_URL` selects a PostgreSQL server (default:
 * embedded PGlite with sample data); `--allow-writes` lets `query` change data.
 *
 * @module
 */
import { StdioServerTransport } from '@mcpkit/transports/stdio';
import { serve } from '@mcpkit/transports/http';
import { createStreamableHttpHandler } from '@mcpkit/transports/streamable-http';
import { openDatabase } from './open-database.js';
import { createDatabaseServer } from './server.js';

const database = openDatabase({ url: process.env.DATABASE_URL });
const server = createDatabaseServer({ database, allowWrites: process.argv.includes('--allow-writes') });

if (process.argv.includes('--stdio')) {
  const transport = new StdioServerTransport();
  await server.connect(transport);
  // When the client goes away (stdin ends), close the pool too so the process can exit.
  const sessionClosed = transport.onclose;
  transport.onclose = () => {
    sessionClosed?.();
    void database.close();
  };
  // Connected first, so the client's first messages are answered while PGlite starts.
  database.warmUp();
} else {
  const mcp = createStreamableHttpHandler(server);
  const served = await serve(
    (request) => (new URL(request.url).pathname === '/mcp' ? mcp(request) : Promise.resolve(new Response('Not found', { status: 404 }))),
    { port: Number(process.env.PORT ?? 3000) },
  );
  database.warmUp();
  console.error(`Database MCP server (${database.kind}) on ${new URL('/mcp', served.url).href}`);
  const stop = (): void => void Promise.all([mcp.close(), server.close(), served.close()]).then(() => database.close()).then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
