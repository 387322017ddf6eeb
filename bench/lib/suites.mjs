/**
 * The measures of `pnpm bench`, each run as fresh worker processes, interleaved: within every
 * repetition each contender runs once, and the order rotates from one repetition to the next, so
 * a burst of load on a shared machine hits every contender alike.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runJsonWorker } from './proc.mjs';

const script = (path) => fileURLToPath(new URL(path, import.meta.url));
const ROUNDTRIP = script('../roundtrip/worker.mjs');
const IDLE = script('../idle/worker.mjs');
const COLD = script('../cold/worker.mjs');
const PARSE = script('../core/parse-validate.ts');

/** Contenders of the round-trip measure: `key` → who is client, who is server, which era. */
export const ROUNDTRIP_CONTENDERS = [
  { key: 'raw', client: 'raw', server: 'raw', era: 'legacy' },
  { key: 'v1', client: 'v1', server: 'v1', era: 'legacy' },
  { key: 'v2', client: 'v2', server: 'v2', era: 'legacy' },
  { key: 'mcpkit', client: 'mcpkit', server: 'mcpkit', era: 'legacy' },
  { key: 'mcpkit 2026', client: 'mcpkit', server: 'mcpkit', era: 'modern' },
];

/** The same raw client drives every server: the server's cost without the SDK client's. */
export const SERVER_ONLY_CONTENDERS = ROUNDTRIP_CONTENDERS.map((c) => ({ ...c, client: 'raw' }));

export const ROUNDTRIP_TRANSPORTS = ['memory', 'stdio', 'http-json', 'http-sse'];
export const SERVER_ONLY_TRANSPORTS = ['stdio', 'http-json'];

/** `list` rotated left by `by`. */
function rotate(list, by) {
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}

/** Runs `task(contender, rep)` for every repetition and contender, interleaved; collects per-rep results by key. */
async function interleave(contenders, reps, task, log) {
  const results = Object.fromEntries(contenders.map((c) => [c.key, []]));
  for (let rep = 0; rep < reps; rep++) {
    for (const contender of rotate(contenders, rep)) {
      try {
        results[contender.key][rep] = await task(contender, rep);
      } catch (error) {
        log(`  ${contender.key}: ${String(error.message ?? error).split('\n')[0]}`);
        results[contender.key][rep] = undefined;
      }
    }
  }
  return results;
}

/** Round trips (or the server-only variant): `{ [transport]: { [key]: perRep[] } }`. */
export async function runRoundTrips(profile, { serverOnly = false, log }) {
  const contenders = serverOnly ? SERVER_ONLY_CONTENDERS : ROUNDTRIP_CONTENDERS;
  const transports = serverOnly ? SERVER_ONLY_TRANSPORTS : ROUNDTRIP_TRANSPORTS;
  const concurrency = serverOnly ? [64] : [1, 64];
  const out = {};
  for (const transport of transports) {
    log(`${serverOnly ? 'server-only' : 'round trips'}: ${transport}`);
    // The raw client has no in-memory path to an SDK server; memory is round trips only.
    out[transport] = await interleave(contenders, profile.reps, (c) =>
      runJsonWorker(
        ROUNDTRIP,
        { ...c, transport, warmupMs: profile.warmupMs, measureMs: profile.measureMs, maxCalls: profile.maxCalls, concurrency },
        { timeoutMs: 60_000 + profile.measureMs * 4 },
      ),
      log,
    );
  }
  return out;
}

/** Idle legacy sessions on Streamable HTTP: `{ [key]: perRep[] }`. */
export function runIdleSessions(profile, { log }) {
  log(`idle sessions: ${profile.sessions} per contender`);
  const contenders = ['raw', 'v1', 'v2', 'mcpkit'].map((key) => ({ key }));
  return interleave(contenders, profile.idleReps, (c) => runJsonWorker(IDLE, { server: c.key, sessions: profile.sessions, inFlight: 16 }, { timeoutMs: 120_000 }), log);
}

/** Cold start of a stdio server to its first answer: `{ [key]: perRep[] }`. */
export function runColdStarts(profile, { log }) {
  log('cold start');
  const contenders = [
    { key: 'raw', server: 'raw', era: 'legacy' },
    { key: 'v1', server: 'v1', era: 'legacy' },
    { key: 'v2', server: 'v2', era: 'legacy' },
    { key: 'mcpkit', server: 'mcpkit', era: 'legacy' },
    { key: 'mcpkit 2026', server: 'mcpkit', era: 'modern' },
  ];
  return interleave(contenders, profile.coldReps, (c) => runJsonWorker(COLD, c, { timeoutMs: 30_000 }), log);
}

/**
 * The parse + validate benchmark of `bench/core` (owned by the core package), run as it is
 * documented, with tsx. Returns its report lines, parsed where they match.
 */
export function runParseValidate(profile, { log }) {
  log('parse + validate (bench/core/parse-validate.ts)');
  const args = ['--import', 'tsx', PARSE, '--count', String(profile.parseCount), '--reps', String(profile.parseReps)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], cwd: fileURLToPath(new URL('../..', import.meta.url)) });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 300_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`parse-validate exited with ${code}`));
      const rows = [];
      let variant = '';
      for (const line of output.split('\n')) {
        const heading = /^(\w+) tools\/call, (\d+) messages/.exec(line);
        if (heading) variant = heading[1];
        const row = /^\s+(.+?)\s+median\s+([\d.]+) ms\s+ratio median ([\d.]+)x\s+per rep \[(.*)\]/.exec(line);
        if (row) rows.push({ variant, name: row[1], ms: Number(row[2]), ratio: Number(row[3]), perRep: row[4] });
      }
      resolve({ rows, count: profile.parseCount, reps: profile.parseReps });
    });
  });
}
