/**
 * Run profiles and command-line flags of `pnpm bench`.
 *
 *     node bench/run.mjs [--quick | --smoke] [--only roundtrip,server,idle,cold,parse,weight]
 *                        [--reps N] [--json results.json]
 */

/** Every knob of one run. Loops are bounded by both `measureMs` and `maxCalls`. */
export const PROFILES = {
  full: { reps: 5, warmupMs: 500, measureMs: 1000, maxCalls: 1_000_000, sessions: 1000, idleReps: 3, coldReps: 10, parseCount: 100_000, parseReps: 5 },
  quick: { reps: 3, warmupMs: 200, measureMs: 300, maxCalls: 300_000, sessions: 1000, idleReps: 1, coldReps: 5, parseCount: 20_000, parseReps: 3 },
  // For the smoke test: every code path once, as little work as possible.
  smoke: { reps: 1, warmupMs: 10, measureMs: 30, maxCalls: 500, sessions: 10, idleReps: 1, coldReps: 1, parseCount: 500, parseReps: 1 },
};

export const SECTIONS = ['roundtrip', 'server', 'idle', 'cold', 'parse', 'weight'];

/** Parses argv into `{ name, profile, sections, jsonPath }`. */
export function parseFlags(argv) {
  const name = argv.includes('--smoke') ? 'smoke' : argv.includes('--quick') ? 'quick' : 'full';
  const profile = { ...PROFILES[name] };
  const value = (flag) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const reps = Number(value('--reps'));
  if (Number.isInteger(reps) && reps > 0 && reps <= 50) profile.reps = reps;
  const only = value('--only');
  const sections = only === undefined ? SECTIONS : only.split(',').filter((s) => SECTIONS.includes(s));
  return { name, profile, sections, jsonPath: value('--json') };
}
