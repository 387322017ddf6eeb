/**
 * The demo client: starts the demo server as a child process over stdio and talks to it twice —
 * once letting the client negotiate (it finds the modern 2026-07-28 era), once pinned to the
 * legacy 2025-11-25 handshake — with the same calls and the same elicitation handler.
 */
import { Client } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transports/stdio';
import { fileURLToPath } from 'node:url';

const serverFile = fileURLToPath(new URL('./server.ts', import.meta.url));

async function session(label: string, protocolVersion?: string): Promise<void> {
  const client = new Client(
    { name: 'mcpkit-demo-client', version: '1.0.0' },
    {
      ...(protocolVersion ? { protocolVersion } : {}),
      elicitation: { form: () => ({ action: 'accept', content: { name: 'Ada' } }) },
    },
  );
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', serverFile], stderr: 'inherit' }),
  );
  console.log(`\n== ${label}: era ${client.era}, server ${client.serverInfo?.name} ${client.serverInfo?.version}`);

  for await (const tool of client.tools()) console.log(`tool      ${tool.name}: ${tool.description}`);
  const sum = await client.callTool({ name: 'add', arguments: { a: 2, b: 3 } });
  console.log('add(2, 3) ', JSON.stringify(sum.structuredContent));
  const greeting = await client.callTool({ name: 'greet' });
  console.log('greet     ', greeting.content[0]?.type === 'text' ? greeting.content[0].text : greeting.content);
  const notes = await client.readResource({ uri: 'demo://notes' });
  const first = notes.contents[0];
  console.log('notes     ', first && 'text' in first ? first.text : first);
  const prompt = await client.getPrompt({ name: 'review', arguments: { language: 'TypeScript' } });
  const message = prompt.messages[0];
  console.log('prompt    ', message?.content.type === 'text' ? message.content.text : message);
  await client.close();
}

await session('negotiated');
await session('legacy, pinned', '2025-11-25');
console.log('\nDone. Read examples/demo/src/*.ts to see how little code this took.');
