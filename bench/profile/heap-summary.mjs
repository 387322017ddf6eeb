/**
 * Where the heap of idle legacy sessions goes: starts a contender's HTTP server, takes a heap
 * snapshot, opens `sessions` idle sessions, takes another, and prints the growth by constructor.
 *
 *     node bench/profile/heap-summary.mjs mcpkit [sessions=1000] [--top 25]
 */
import { readFileSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { spawn } from 'node:child_process';
import { openLegacySession } from '../clients/raw.mjs';
import { serverScript } from '../clients/paths.mjs';
import { nextJsonLine } from '../lib/proc.mjs';

/** Self size and count per constructor name in a .heapsnapshot file. */
function byConstructor(path) {
  const snapshot = JSON.parse(readFileSync(path, 'utf8'));
  const { node_fields: fields, node_types: [types] } = snapshot.snapshot.meta;
  const width = fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const totals = new Map();
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]];
    const label = snapshot.strings[snapshot.nodes[i + nameAt]];
    // Code and closures by name too: per-session compiled code is a finding of its own.
    const name = type === 'object' || type === 'closure' ? label : type === 'code' ? `(code) ${label.slice(0, 60)}` : `(${type})`;
    const entry = totals.get(name) ?? { size: 0, count: 0 };
    entry.size += snapshot.nodes[i + sizeAt];
    entry.count += 1;
    totals.set(name, entry);
  }
  return totals;
}

const [server = 'mcpkit', sessionsArg = '1000'] = process.argv.slice(2);
const sessions = Number(sessionsArg);
const topIndex = process.argv.indexOf('--top');
const top = topIndex >= 0 ? Number(process.argv[topIndex + 1]) : 25;
const child = spawn(process.execPath, ['--expose-gc', serverScript(server), 'http', 'json'], { stdio: ['pipe', 'pipe', 'inherit'] });
const lines = createInterface({ input: child.stdout });
const { port } = await nextJsonLine(lines, 15_000, 'server start');
const url = `http://127.0.0.1:${port}/mcp`;
const agent = new Agent({ keepAlive: true, maxSockets: 16 });
const snap = async (name) => {
  const path = join(tmpdir(), `mcpkit-bench-${process.pid}-${name}.heapsnapshot`);
  const done = nextJsonLine(lines, 120_000, 'snapshot');
  child.stdin.write(`snapshot ${path}\n`);
  await done;
  return path;
};
await openLegacySession(agent, url); // warm-up: lazily loaded code is not session memory
const beforePath = await snap('before');
for (let i = 0; i < sessions; i += 16) await Promise.all(Array.from({ length: Math.min(16, sessions - i) }, () => openLegacySession(agent, url)));
const afterPath = await snap('after');
agent.destroy();
child.stdin.end();
const before = byConstructor(beforePath);
const after = byConstructor(afterPath);
rmSync(beforePath);
rmSync(afterPath);
const growth = [...after].map(([name, a]) => ({ name, size: a.size - (before.get(name)?.size ?? 0), count: a.count - (before.get(name)?.count ?? 0) }));
growth.sort((x, y) => y.size - x.size);
const total = growth.reduce((sum, g) => sum + g.size, 0);
console.log(`${server}: ${(total / sessions).toFixed(0)} B of heap per idle session (${sessions} sessions)`);
for (const g of growth.slice(0, top)) console.log(`${(g.size / sessions).toFixed(0).padStart(6)} B  ${(g.count / sessions).toFixed(2).padStart(6)} per session  ${g.name}`);
