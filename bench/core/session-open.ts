/**
 * Cost of opening a session per request, as a stateless HTTP server does: build a `Session` on a
 * one-shot transport with a shared handler table, deliver one `tools/call`, collect the response.
 *
 *     node --import tsx bench/core/session-open.ts [--count 100000]
 *
 * @module
 */
import type { JSONRPCMessage } from '../../packages/core/src/schemas/jsonrpc.js';
import { Session } from '../../packages/core/src/session/session.js';
import type { HandlerTable, RequestHandler } from '../../packages/core/src/session/types.js';
import type { Transport } from '../../packages/core/src/transport.js';

const table: HandlerTable = {
  requests: new Map<string, RequestHandler>([['tools/call', (request) => ({ content: [{ type: 'text', text: String(request.params?.name) }] })]]),
  notifications: new Map(),
};

/** A transport that holds one inbound message and records the one response. */
function oneShot(request: JSONRPCMessage): { transport: Transport; response: Promise<JSONRPCMessage> } {
  let deliver: (message: JSONRPCMessage) => void = () => {};
  const response = new Promise<JSONRPCMessage>((resolve) => (deliver = resolve));
  const transport: Transport = {
    start: async () => transport.onmessage?.(request),
    send: async (message) => deliver(message),
    close: async () => transport.onclose?.(),
  };
  return { transport, response };
}

async function run(count: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) {
    const { transport, response } = oneShot({ jsonrpc: '2.0', id: i, method: 'tools/call', params: { name: 'echo' } });
    const session = new Session(transport, { handlers: table });
    await session.start();
    await response;
    await session.close();
  }
  return performance.now() - start;
}

const index = process.argv.indexOf('--count');
const count = index >= 0 ? Number(process.argv[index + 1]) || 100_000 : 100_000;
await run(10_000);
const samples: number[] = [];
for (let rep = 0; rep < 5; rep++) samples.push(await run(count));
samples.sort((a, b) => a - b);
const median = samples[2] ?? 0;
console.log(`session open + one request + close: median ${((median * 1000) / count).toFixed(2)} µs each over ${count} (5 repetitions: ${samples.map((s) => s.toFixed(0)).join(', ')} ms)`);
