/**
 * The raw baseline server: hand-written JSON-RPC with no validation and no SDK. It answers just
 * what the benchmark sends (initialize, the initialized notification, tools/list, tools/call,
 * server/discover, ping), over stdio lines or node:http (legacy sessions, JSON or SSE answers).
 *
 *     node bench/servers/raw.mjs stdio
 *     node bench/servers/raw.mjs http json|sse
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { announce, isMain, parseServerArgs } from './control.mjs';

const TOOL = {
  name: 'add',
  description: 'Add two numbers',
  inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } }, required: ['a', 'b'] },
};

/** The response to one parsed message, or undefined for a notification. */
export function answer(message) {
  if (message.id === undefined) return undefined;
  const reply = (result) => ({ jsonrpc: '2.0', id: message.id, result });
  switch (message.method) {
    case 'tools/call': {
      const { a, b } = message.params.arguments;
      return reply({ content: [{ type: 'text', text: String(a + b) }] });
    }
    case 'initialize':
      return reply({
        protocolVersion: message.params.protocolVersion,
        capabilities: { tools: {} },
        serverInfo: { name: 'raw', version: '1.0.0' },
      });
    case 'tools/list':
      return reply({ tools: [TOOL] });
    case 'server/discover':
      return reply({ supportedVersions: ['2026-07-28'], capabilities: { tools: {} }, serverInfo: { name: 'raw', version: '1.0.0' } });
    case 'ping':
      return reply({});
    default:
      return { jsonrpc: '2.0', id: message.id, error: { code: -32601, message: 'Method not found' } };
  }
}

function serveStdio() {
  let buffered = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    buffered += chunk;
    let end;
    let out = '';
    while ((end = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      if (line.length === 0) continue;
      const response = answer(JSON.parse(line));
      if (response !== undefined) out += `${JSON.stringify(response)}\n`;
    }
    // One write per chunk: a burst of requests gets one burst of answers.
    if (out.length > 0) process.stdout.write(out);
  });
}

function serveHttp(mode) {
  // Session id → creation time: all a raw legacy session needs to remember.
  const sessions = new Map();
  const server = createServer((req, res) => {
    if (req.method === 'DELETE') {
      sessions.delete(String(req.headers['mcp-session-id']));
      res.writeHead(200).end();
      return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const message = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      const headers = {};
      if (message.method === 'initialize') {
        const id = randomUUID();
        sessions.set(id, Date.now());
        headers['mcp-session-id'] = id;
      }
      const response = answer(message);
      if (response === undefined) {
        res.writeHead(202, headers).end();
      } else if (mode === 'sse') {
        res.writeHead(200, { ...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
        res.end(`event: message\ndata: ${JSON.stringify(response)}\n\n`);
      } else {
        res.writeHead(200, { ...headers, 'content-type': 'application/json' });
        res.end(JSON.stringify(response));
      }
    });
  });
  server.listen(0, '127.0.0.1', () => announce(server.address().port));
}

if (isMain(import.meta)) {
  const { transport, mode } = parseServerArgs();
  if (transport === 'stdio') serveStdio();
  else serveHttp(mode);
}
