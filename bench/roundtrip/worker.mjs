/**
 * One cell of the round-trip measure, in a fresh process so no contender shares a heap or a JIT
 * with another: a client (`client`) calls `add(a, b)` on a server (`server`) over `transport`,
 * first to warm up, then for each concurrency level in turn. Prints one JSON line.
 *
 *     node bench/roundtrip/worker.mjs '{"client":"mcpkit","server":"mcpkit","transport":"stdio",
 *       "era":"legacy","warmupMs":300,"measureMs":1000,"maxCalls":200000,"concurrency":[1,64]}'
 *
 * CPU per call is this process's CPU time plus the server child's (from /proc), divided by the
 * calls completed; over the memory transport both ends are this process.
 */
import { ownCpuUs, processCpuUs, startHttpServer } from '../lib/proc.mjs';
import { percentile } from '../lib/stats.mjs';
import { serverScript } from '../clients/paths.mjs';

const CLIENTS = {
  raw: () => import('../clients/raw.mjs'),
  mcpkit: () => import('../clients/mcpkit.mjs'),
  v1: () => import('../clients/v1.mjs'),
  v2: () => import('../clients/v2.mjs'),
};

/** Calls with `concurrency` in flight until `ms` pass or `maxCalls` complete. */
async function drive(client, concurrency, ms, maxCalls) {
  const latencies = new Float64Array(maxCalls + concurrency);
  let count = 0;
  let failures = 0;
  const start = performance.now();
  const deadline = start + ms;
  const lane = async (seed) => {
    for (let i = seed; count < maxCalls && performance.now() < deadline; i += concurrency) {
      const t0 = performance.now();
      try {
        await client.call(i, i + 1);
      } catch {
        failures++;
        if (failures > 100) throw new Error('more than 100 failed calls');
        continue;
      }
      latencies[count++] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, k) => lane(k)));
  return { elapsedMs: performance.now() - start, latencies: latencies.subarray(0, count), failures };
}

async function main(options) {
  const { client: clientName, server: serverName, transport, era, warmupMs, measureMs, maxCalls, concurrency } = options;
  const module = await CLIENTS[clientName]();
  let httpServer;
  let client;
  if (transport === 'memory') {
    client = await module.connectMemory(era);
  } else if (transport === 'stdio') {
    client = await module.connectStdio(serverName, era);
  } else {
    httpServer = await startHttpServer(serverScript(serverName), transport === 'http-sse' ? 'sse' : 'json');
    client = await module.connectHttp(httpServer.url, era);
  }
  const serverPid = httpServer?.pid ?? client.serverPid;
  try {
    // Results are checked once, so a contender that answers wrongly cannot win.
    const check = await client.call(2, 3);
    const text = check?.content?.[0]?.text ?? check?.result?.content?.[0]?.text;
    if (text !== '5') throw new Error(`add(2, 3) answered ${JSON.stringify(check)}`);
    await drive(client, 64, warmupMs, maxCalls);
    const results = {};
    for (const level of concurrency) {
      const cpu0 = ownCpuUs();
      const server0 = processCpuUs(serverPid);
      const { elapsedMs, latencies, failures } = await drive(client, level, measureMs, maxCalls);
      const serverUs = (processCpuUs(serverPid) ?? 0) - (server0 ?? 0);
      const cpuUs = ownCpuUs() - cpu0 + serverUs;
      const sorted = Float64Array.from(latencies).sort();
      results[level] = {
        calls: latencies.length,
        failures,
        callsPerSec: (latencies.length * 1000) / elapsedMs,
        p50Ms: percentile(sorted, 0.5),
        p99Ms: percentile(sorted, 0.99),
        cpuUsPerCall: latencies.length > 0 ? cpuUs / latencies.length : NaN,
        // Only meaningful when the server is another process (stdio, HTTP).
        serverCpuUsPerCall: serverPid !== undefined && latencies.length > 0 ? serverUs / latencies.length : NaN,
      };
    }
    return results;
  } finally {
    await client.close().catch(() => undefined);
    await httpServer?.stop();
  }
}

try {
  const results = await main(JSON.parse(process.argv[2] ?? '{}'));
  process.stdout.write(`${JSON.stringify(results)}\n`);
  process.exit(0);
} catch (error) {
  process.stdout.write(`${JSON.stringify({ error: String(error?.stack ?? error) })}\n`);
  process.exit(1);
}
