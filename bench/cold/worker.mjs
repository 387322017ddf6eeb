/**
 * Cold start of one stdio server: spawn `node bench/servers/<server>.mjs stdio`, write the first
 * request at once (legacy `initialize`, or a modern `server/discover`), and time until its answer
 * arrives. Prints one JSON line `{ ms }`. Plain `.mjs` servers, so no TypeScript loader is timed.
 *
 *     node bench/cold/worker.mjs '{"server":"mcpkit","era":"legacy"}'
 */
import { spawn } from 'node:child_process';
import { serverScript } from '../clients/paths.mjs';

const REQUESTS = {
  legacy: {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench-cold', version: '1.0.0' } },
  },
  modern: {
    jsonrpc: '2.0',
    id: 1,
    method: 'server/discover',
    params: {
      _meta: {
        'io.modelcontextprotocol/protocolVersion': '2026-07-28',
        'io.modelcontextprotocol/clientCapabilities': {},
        'io.modelcontextprotocol/clientInfo': { name: 'bench-cold', version: '1.0.0' },
      },
    },
  },
};

function coldStart(server, era, timeoutMs) {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [serverScript(server), 'stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${server}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      output += chunk;
      if (!output.includes('\n')) return;
      const ms = performance.now() - start;
      clearTimeout(timer);
      child.stdin.end();
      const answer = JSON.parse(output.slice(0, output.indexOf('\n')));
      if (answer.result === undefined) reject(new Error(`${server}: ${JSON.stringify(answer)}`));
      else child.once('exit', () => resolve(ms));
    });
    child.stdin.write(`${JSON.stringify(REQUESTS[era])}\n`);
  });
}

try {
  const { server, era } = JSON.parse(process.argv[2] ?? '{}');
  process.stdout.write(`${JSON.stringify({ ms: await coldStart(server, era, 15_000) })}\n`);
  process.exit(0);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: String(error?.stack ?? error) })}\n`);
  process.exit(1);
}
