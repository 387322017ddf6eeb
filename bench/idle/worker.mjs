/**
 * Idle legacy sessions on Streamable HTTP, for one contender's server (a child process):
 * opens `sessions` sessions (initialize + initialized, no further traffic), reads the server's
 * heap and RSS after a full GC, closes every session with DELETE and reads them again; then the
 * same cycle once more. Prints one JSON line: `{ createMs, heapPerSessionB, rssPerSessionB,
 * heapAfterCloseB, heapGrowthPerCycleB, rssGrowthPerCycleB }`. A leak shows as growth from the
 * first cycle's closed state to the second's (the first may keep warm-up: JIT code, socket pools).
 *
 *     node bench/idle/worker.mjs '{"server":"mcpkit","sessions":1000,"inFlight":16}'
 */
import { Agent } from 'node:http';
import { closeLegacySession, openLegacySession } from '../clients/raw.mjs';
import { serverScript } from '../clients/paths.mjs';
import { startHttpServer } from '../lib/proc.mjs';

/** Runs `task(i)` for i < count with at most `inFlight` at once. */
async function pool(count, inFlight, task) {
  let next = 0;
  const lane = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(inFlight, count) }, lane));
}

async function main({ server, sessions, inFlight }) {
  const http = await startHttpServer(serverScript(server), 'json');
  const agent = new Agent({ keepAlive: true, maxSockets: inFlight });
  try {
    // One session opened and closed first, so lazily loaded code is not counted as session memory.
    await closeLegacySession(agent, http.url, await openLegacySession(agent, http.url));
    const before = await http.memory();
    const cycle = async () => {
      const ids = new Array(sessions);
      const start = performance.now();
      await pool(sessions, inFlight, async (i) => {
        ids[i] = await openLegacySession(agent, http.url);
      });
      const createMs = performance.now() - start;
      const open = await http.memory();
      await pool(sessions, inFlight, (i) => closeLegacySession(agent, http.url, ids[i]));
      return { createMs, open, closed: await http.memory() };
    };
    // Two cycles: what the first leaves behind may be warm-up (JIT code, pools); the second must add nothing.
    const first = await cycle();
    const second = await cycle();
    return {
      createMs: first.createMs,
      heapPerSessionB: (first.open.heapUsed - before.heapUsed) / sessions,
      rssPerSessionB: (first.open.rss - before.rss) / sessions,
      heapAfterCloseB: first.closed.heapUsed - before.heapUsed,
      heapGrowthPerCycleB: second.closed.heapUsed - first.closed.heapUsed,
      rssGrowthPerCycleB: second.closed.rss - first.closed.rss,
    };
  } finally {
    agent.destroy();
    await http.stop();
  }
}

try {
  const result = await main(JSON.parse(process.argv[2] ?? '{}'));
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: String(error?.stack ?? error) })}\n`);
  process.exit(1);
}
