// The matrix test server behind Streamable HTTP in a child process; prints its URL on stdout, then serves until killed.
import { serve } from '@mcpkit/transports/http';
import { createStreamableHttpHandler } from '@mcpkit/transports/streamable-http';
import { buildTestServer } from '../matrix/test-server.js';

const served = await serve(createStreamableHttpHandler(buildTestServer()));
process.stdout.write(`${new URL('/mcp', served.url).href}\n`);
