/**
 * The benchmark harness runs end to end: `node bench/run.mjs --smoke` (one very short repetition
 * of every measure, every contender) exits 0, prints every table, and every contender produced a
 * figure. No timing is asserted. Needs the built packages, which `pnpm test` builds first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const RUN = fileURLToPath(new URL('../run.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'mcpkit-bench-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type PerRep = Array<Record<string, unknown> | null>;

describe('pnpm bench --smoke', () => {
  it('prints every table with a figure from every contender', () => {
    const jsonPath = join(dir, 'results.json');
    const run = spawnSync(process.execPath, [RUN, '--smoke', '--json', jsonPath], { encoding: 'utf8', timeout: 170_000 });
    expect(run.status, run.stderr).toBe(0);
    for (const heading of ['## Tool-call round trips', '## Server only', '## 10 idle legacy sessions', '## Cold start', '## Parse + validate', '## Weight', '## Goals']) {
      expect(run.stdout).toContain(heading);
    }
    const { results } = JSON.parse(readFileSync(jsonPath, 'utf8')) as { results: Record<string, Record<string, unknown>> };
    const cells = [
      ...Object.values(results.roundtrip as Record<string, Record<string, PerRep>>).flatMap((byKey) => Object.entries(byKey)),
      ...Object.values(results.server as Record<string, Record<string, PerRep>>).flatMap((byKey) => Object.entries(byKey)),
      ...Object.entries(results.idle as Record<string, PerRep>),
      ...Object.entries(results.cold as Record<string, PerRep>),
    ];
    const failed = cells.filter(([, perRep]) => perRep.some((result) => result === null)).map(([key]) => key);
    expect(failed, run.stderr).toEqual([]);
    expect(cells.length).toBe(4 * 5 + 2 * 5 + 4 + 5);
  }, 180_000);
});
