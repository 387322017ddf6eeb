// The matrix test server over stdio, run as a child process by the stdio rows of the matrix.
import { StdioServerTransport } from '@mcpkit/transports/stdio';
import { buildTestServer } from './test-server.js';

await buildTestServer().connect(new StdioServerTransport({ redirectConsoleToStderr: true }));
