/** The goals of issue 7, checked against one run's figures (mcpkit, legacy era unless marked). */
import { median, ratios } from './stats.mjs';
import { table } from './report.mjs';

const callsRatio = (byKey, key, base, level) => {
  if (!byKey?.[key] || !byKey?.[base]) return NaN;
  const pick = (list) => list.map((r) => r?.[level]?.callsPerSec ?? NaN);
  return median(ratios(pick(byKey[key]), pick(byKey[base])));
};

/** Rows `goal | measured | met?` for whatever sections ran. */
export function goalsTable(results, profile) {
  const rows = [];
  const add = (goal, value, ok, format) => rows.push([goal, Number.isFinite(value) ? format(value) : '–', Number.isFinite(value) ? (ok(value) ? 'yes' : '**no**') : '–']);
  const x = (v) => `${v.toFixed(2)}×`;
  const rt = results.roundtrip;
  if (rt) {
    for (const transport of ['memory', 'stdio']) {
      for (const level of ['1', '64']) add(`${transport}, ${level} in flight: ≥ 5× official v2`, callsRatio(rt[transport], 'mcpkit', 'v2', level), (v) => v >= 5, x);
    }
    for (const transport of ['stdio', 'http-json', 'http-sse']) {
      for (const level of ['1', '64']) add(`${transport}, ${level} in flight: ≥ 0.5× raw`, callsRatio(rt[transport], 'mcpkit', 'raw', level), (v) => v >= 0.5, x);
    }
  }
  if (results.idle?.mcpkit) {
    const heap = median(results.idle.mcpkit.map((r) => r?.heapPerSessionB ?? NaN));
    const growth = median(results.idle.mcpkit.map((r) => r?.heapGrowthPerCycleB ?? NaN)) / profile.sessions;
    add('idle legacy session: ≤ 4 KB heap', heap, (v) => v <= 4096, (v) => `${(v / 1024).toFixed(1)} KB`);
    add('closed sessions: no heap growth (≤ 64 B per session per cycle)', growth, (v) => v <= 64, (v) => `${v.toFixed(0)} B`);
  }
  if (results.cold?.mcpkit) {
    const ms = (key) => results.cold[key].map((r) => r?.ms ?? NaN);
    add('cold start: ≤ 1.3× raw', median(ratios(ms('mcpkit'), ms('raw'))), (v) => v <= 1.3, x);
  }
  const weight = results.weight?.find((r) => r.name === 'mcpkit');
  if (weight) {
    add('minimal browser client: ≤ 30 KB gzip', weight.browserClient.gzipBytes, (v) => v <= 30 * 1024, (v) => `${(v / 1024).toFixed(1)} KB`);
    add('minimal stdio server: ≤ 35 KB gzip', weight.stdioServer.gzipBytes, (v) => v <= 35 * 1024, (v) => `${(v / 1024).toFixed(1)} KB`);
  }
  return table(['goal (mcpkit)', 'measured', 'met'], rows);
}
