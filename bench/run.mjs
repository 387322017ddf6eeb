/**
 * `pnpm bench`: mcpkit against the official MCP SDKs (v1 `@modelcontextprotocol/sdk`, v2
 * `@modelcontextprotocol/server` + `client`) and a raw JSON-RPC baseline, in one run, printed as
 * Markdown tables. Run `pnpm run build` first: mcpkit is measured from its built `dist/`.
 *
 *     node bench/run.mjs            # full run, about 10 minutes on 2 cores
 *     node bench/run.mjs --quick    # about 2 minutes
 *     node bench/run.mjs --smoke    # seconds: every path once (the smoke test)
 *     node bench/run.mjs --only roundtrip,weight --reps 3 --json results.json
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { goalsTable } from './lib/goals.mjs';
import { parseFlags } from './lib/profiles.mjs';
import { coldTable, idleTable, parseTable, roundTripTable, weightTable } from './lib/report.mjs';
import { runColdStarts, runIdleSessions, runParseValidate, runRoundTrips } from './lib/suites.mjs';
import { measureWeight } from './weight/weight.mjs';

const { name, profile, sections, jsonPath } = parseFlags(process.argv.slice(2));
const log = (message) => process.stderr.write(`[bench] ${message}\n`);
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const started = new Date();
const loadBefore = load();

const results = {};
const failures = [];
/** Runs one measure; a failure is reported (and fails the run) without losing the other tables. */
async function section(key, run) {
  if (!sections.includes(key)) return;
  try {
    results[key] = await run();
  } catch (error) {
    failures.push(`${key}: ${error?.message ?? error}`);
    log(`${key} failed: ${error?.stack ?? error}`);
  }
}
await section('roundtrip', () => runRoundTrips(profile, { log }));
await section('server', () => runRoundTrips(profile, { serverOnly: true, log }));
await section('idle', () => runIdleSessions(profile, { log }));
await section('cold', () => runColdStarts(profile, { log }));
await section('parse', () => runParseValidate(profile, { log }));
await section('weight', () => {
  log('weight');
  return measureWeight();
});

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const out = [
  `# mcpkit benchmark (${name} profile)`,
  '',
  `${started.toISOString()} · node ${process.version} · ${cpus().length} × ${cpu} · ${(totalmem() / 2 ** 30).toFixed(1)} GB · load average ${loadBefore} at start, ${load()} at end`,
  `${profile.reps} repetitions, contenders interleaved in rotating order; figures are medians, ratios are medians of per-repetition ratios.`,
];
if (results.roundtrip) {
  out.push('', `## Tool-call round trips: add(a, b), legacy era (2025-11-25) unless "2026"; ${profile.measureMs} ms per level`, '', roundTripTable(results.roundtrip));
}
if (results.server) {
  out.push('', '## Server only: the same raw client (node:http keep-alive / stdio lines) drives each server, 64 in flight', '', roundTripTable(results.server, { serverOnly: true }));
}
if (results.idle) out.push('', `## ${profile.sessions} idle legacy sessions on Streamable HTTP (server heap and RSS after a full GC)`, '', idleTable(results.idle, profile.sessions));
if (results.cold) out.push('', '## Cold start: spawn `node server.mjs` (stdio) → first answered request', '', coldTable(results.cold));
if (results.parse) out.push('', '## Parse + validate of tools/call requests (bench/core/parse-validate.ts, from sources)', '', parseTable(results.parse));
if (results.weight) out.push('', '## Weight: production install closure; esbuild bundle (minified, gzip -9)', '', weightTable(results.weight));
out.push('', '## Goals', '', goalsTable(results, profile), '');
if (failures.length > 0) out.push('## Failed measures', '', ...failures.map((f) => `- ${f}`), '');
process.stdout.write(`${out.join('\n')}\n`);
if (jsonPath) writeFileSync(jsonPath, JSON.stringify({ started, profile: name, loadBefore, loadAfter: load(), results, failures }, null, 2));
process.exitCode = failures.length > 0 ? 1 : 0;
