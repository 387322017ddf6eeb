// The smallest useful official SDK v2 browser client: Client over Streamable HTTP, one tool call.
import { Client, StreamableHTTPClientTransport } from '@modelcontextprotocol/client';

const client = new Client({ name: 'minimal', version: '1.0.0' });
await client.connect(new StreamableHTTPClientTransport(new URL('/mcp', location.href)));
console.log(await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } }));
