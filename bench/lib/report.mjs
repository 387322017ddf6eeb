/**
 * Turns the measures into Markdown tables (readable in a terminal, pasted as is into
 * bench/README.md). Every ratio is a median of per-repetition ratios, and the per-repetition
 * values are printed beside it.
 */
import { median, ratios } from './stats.mjs';

const num = (value, digits = 0) => (Number.isFinite(value) ? value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');
const kb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024).toFixed(1)} KB` : '–');
const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const times = (value) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
const list = (values) => `[${values.map((v) => (Number.isFinite(v) ? v.toFixed(2) : '–')).join(' ')}]`;

/** Markdown table from a header row and body rows. */
export function table(header, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Per-rep series of `metric` for one contender (undefined where a repetition failed). */
function series(perRep, pick) {
  return perRep.map((result) => (result === undefined ? NaN : pick(result)));
}

/** Median ratio and per-rep ratios of `key` against `base`. */
function against(byKey, key, base, pick) {
  if (byKey[base] === undefined) return { median: NaN, perRep: [] };
  const r = ratios(series(byKey[key], pick), series(byKey[base], pick));
  return { median: median(r), perRep: r };
}

/** Round-trip tables: one row per transport × in-flight level × contender. */
export function roundTripTable(data, { serverOnly = false } = {}) {
  const header = serverOnly
    ? ['transport', 'in flight', 'server', 'calls/s', 'p50 ms', 'p99 ms', 'server CPU µs/call', '× raw', '× v2', '× raw per rep', '× v2 per rep']
    : ['transport', 'in flight', 'contender', 'calls/s', 'p50 ms', 'p99 ms', 'CPU µs/call', '× raw', '× v2', '× raw per rep', '× v2 per rep'];
  const rows = [];
  for (const [transport, byKey] of Object.entries(data)) {
    const levels = Object.keys(Object.values(byKey).flat().find((r) => r !== undefined) ?? {});
    for (const level of levels) {
      const at = (result) => result[level];
      for (const key of Object.keys(byKey)) {
        const runs = series(byKey[key], (r) => r[level]);
        const pick = (name) => median(runs.map((r) => (r === undefined || Number.isNaN(r) ? NaN : r[name])));
        const callsPerSec = (r) => at(r)?.callsPerSec ?? NaN;
        const raw = against(byKey, key, 'raw', callsPerSec);
        const v2 = against(byKey, key, 'v2', callsPerSec);
        rows.push([
          transport,
          level === '1' ? '1 (seq)' : level,
          key,
          num(pick('callsPerSec')),
          num(pick('p50Ms'), 3),
          num(pick('p99Ms'), 3),
          num(pick(serverOnly ? 'serverCpuUsPerCall' : 'cpuUsPerCall'), 1),
          times(raw.median),
          times(v2.median),
          list(raw.perRep),
          list(v2.perRep),
        ]);
      }
    }
  }
  return table(header, rows);
}

/** Idle-session table. */
export function idleTable(data, sessions) {
  const rows = Object.entries(data).map(([key, perRep]) => {
    const pick = (name) => median(series(perRep, (r) => r[name]));
    return [key, num(pick('createMs')), num((pick('createMs') * 1000) / sessions, 0), kb(pick('heapPerSessionB')), kb(pick('rssPerSessionB')), kb(pick('heapAfterCloseB')), kb(pick('heapGrowthPerCycleB')), kb(pick('rssGrowthPerCycleB'))];
  });
  return table(
    ['server', `create ${sessions} ms`, 'µs/session', 'heap/session', 'RSS/session', 'heap kept after close', 'heap growth, 2nd cycle', 'RSS growth, 2nd cycle'],
    rows,
  );
}

/** Cold-start table. */
export function coldTable(data) {
  const rows = Object.entries(data).map(([key, perRep]) => {
    const ms = (r) => r.ms;
    const raw = against(data, key, 'raw', ms);
    const v2 = against(data, key, 'v2', ms);
    return [key, num(median(series(perRep, ms)), 1), times(raw.median), times(v2.median), list(raw.perRep)];
  });
  return table(['stdio server', 'spawn → first answer ms', '× raw', '× v2', '× raw per rep'], rows);
}

/** Parse + validate table (from bench/core/parse-validate.ts). */
export function parseTable(data) {
  const rows = data.rows.map((r) => [r.variant, r.name, num(r.ms, 1), times(r.ratio), `[${r.perRep}]`]);
  return table(['request', 'contender', `${data.count.toLocaleString('en-US')} messages ms`, '× JSON.parse', 'per rep'], rows);
}

/** Weight table. */
export function weightTable(rows) {
  return table(
    ['sdk', 'server install', 'packages', 'client install', 'packages', 'stdio server min', 'stdio server gzip', 'browser client min', 'browser client gzip'],
    rows.map((r) => [
      r.name,
      r.serverInstall ? mb(r.serverInstall.bytes) : '–',
      r.serverInstall ? String(r.serverInstall.packages) : '–',
      r.clientInstall ? mb(r.clientInstall.bytes) : '–',
      r.clientInstall ? String(r.clientInstall.packages) : '–',
      kb(r.stdioServer.minBytes),
      kb(r.stdioServer.gzipBytes),
      kb(r.browserClient.minBytes),
      kb(r.browserClient.gzipBytes),
    ]),
  );
}
