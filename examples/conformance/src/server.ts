/**
 * The conformance server: `--stdio` serves over stdio; otherwise Streamable HTTP on
 * `http://localhost:$PORT/mcp` (default port 3000).
 *
 * @module
 */
import { createStreamableHttpHandler, readHeaderParams } from '@mcpkit/transports/streamable-http';
import { serve } from '@mcpkit/transports/http';
import { StdioServerTransport } from '@mcpkit/transports/stdio';
import { text } from '@mcpkit/server';
import { createConformanceServer } from './fixtures.js';

async function main(): Promise<void> {
  const server = createConformanceServer({ onerror: (error) => process.stderr.write(`[server] ${error.message}\n`) });
  if (process.argv.includes('--stdio')) {
    await server.connect(new StdioServerTransport());
    return;
  }
  const headerParams = (name: string) => {
    const tool = server.getToolDefinition(name);
    const read = tool === undefined ? undefined : readHeaderParams(tool.inputSchema);
    return read?.ok === true ? read.params : undefined;
  };
  const endpoint = createStreamableHttpHandler(server, { modern: { headerParams } });
  // SEP-1699 polling: end the POST's SSE stream mid-call; the client resumes with GET + Last-Event-ID.
  server.tool(
    'test_reconnection',
    { description: 'Closes its SSE stream mid-call; the result arrives after the client reconnects' },
    async (_args, ctx) => {
      const sessionId = ctx.transport?.sessionId;
      if (sessionId !== undefined) endpoint.session(sessionId)?.closeSseStream(ctx.requestId);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { content: [text('Reconnection test completed')] };
    },
  );
  const handler = (request: Request): Promise<Response> =>
    new URL(request.url).pathname === '/mcp' ? endpoint(request) : Promise.resolve(new Response('Not found', { status: 404 }));
  const served = await serve(handler, { port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '127.0.0.1' });
  process.stderr.write(`mcpkit conformance server on http://localhost:${served.port}/mcp\n`);
  const stop = (): void => {
    void endpoint.close().then(() => served.close()).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
