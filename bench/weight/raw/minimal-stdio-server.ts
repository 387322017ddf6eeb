// The raw floor: a hand-written stdio JSON-RPC server with one tool and no validation.
import { createInterface } from 'node:readline';

interface Message {
  id?: number | string;
  method?: string;
  params?: { protocolVersion?: string; arguments?: { a: number; b: number } };
}

const reply = (id: Message['id'], result: unknown): void => void process.stdout.write(`${JSON.stringify({ jsonrpc: '2.0', id, result })}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  const message = JSON.parse(line) as Message;
  if (message.id === undefined) return;
  if (message.method === 'initialize') {
    reply(message.id, { protocolVersion: message.params?.protocolVersion, capabilities: { tools: {} }, serverInfo: { name: 'raw', version: '1.0.0' } });
  } else if (message.method === 'tools/call') {
    const { a, b } = message.params?.arguments ?? { a: 0, b: 0 };
    reply(message.id, { content: [{ type: 'text', text: String(a + b) }] });
  } else {
    reply(message.id, {});
  }
});
