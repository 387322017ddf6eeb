/**
 * Summarises a V8 `.cpuprofile` (from `node --cpu-prof`): the functions with the most self time,
 * and the source files with the most self time. How the findings in bench/README.md were found:
 *
 *     node --cpu-prof --cpu-prof-dir /tmp/prof bench/roundtrip/worker.mjs \
 *       '{"client":"mcpkit","server":"mcpkit","transport":"memory","era":"legacy","warmupMs":500,"measureMs":3000,"maxCalls":1000000,"concurrency":[64]}'
 *     node bench/profile/summarize.mjs /tmp/prof/*.cpuprofile [--top 30]
 */
import { readFileSync } from 'node:fs';

const files = process.argv.slice(2).filter((a) => a.endsWith('.cpuprofile'));
const topIndex = process.argv.indexOf('--top');
const top = topIndex >= 0 ? Number(process.argv[topIndex + 1]) || 30 : 30;

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  // Samples and timeDeltas are parallel arrays; each delta is the time spent in that sample's node.
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  let total = 0;
  const fns = new Map();
  const urls = new Map();
  for (const [id, us] of self) {
    total += us;
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const short = url.replace(/^file:\/\/.*?node_modules\//, '').replace(/^file:\/\/.*?\/packages\//, 'packages/');
    const fnKey = `${functionName || '(anonymous)'}  ${short || '(native)'}:${lineNumber + 1}`;
    fns.set(fnKey, (fns.get(fnKey) ?? 0) + us);
    urls.set(short || '(native/gc/idle)', (urls.get(short || '(native/gc/idle)') ?? 0) + us);
  }
  const show = (title, map) => {
    console.log(`\n${title}`);
    for (const [key, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${((us / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
    }
  };
  console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
  show('self time by function', fns);
  show('self time by file', urls);
}
