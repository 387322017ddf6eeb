// The smallest useful mcpkit browser client: Client over Streamable HTTP, one tool call.
import { Client } from '@mcpkit/client';
import { StreamableHttpClientTransport } from '@mcpkit/transports/streamable-http';

const client = new Client({ name: 'minimal', version: '1.0.0' });
await client.connect(new StreamableHttpClientTransport(new URL('/mcp', location.href)));
console.log(await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } }));
