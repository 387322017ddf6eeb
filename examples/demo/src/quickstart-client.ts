// The README's quick-start client, kept here so the type-check proves it compiles.
import { Client } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transports/stdio';

const client = new Client({ name: 'my-app', version: '1.0.0' });
await client.connect(new StdioClientTransport({ command: 'node', args: ['server.js'] }));
console.log(client.era); // 'modern' or 'legacy', found out by itself
const result = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
console.log(result.content); // [{ type: 'text', text: '5' }]
await client.close();
