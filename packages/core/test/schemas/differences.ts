/**
 * The list of intentional differences between mcpkit's schemas and the official JSON Schemas
 * (`packages/core/schema-differences.json`), and the matching of observed mismatches against it.
 */
import { readFileSync } from 'node:fs';

/** One recorded difference. */
export interface Difference {
  /** Protocol version, or `*` for every version. */
  version: string;
  /** The official definition the difference is about. */
  definition: string;
  /**
   * `missing`: no mcpkit counterpart. `official-rejects`: mcpkit accepts values the official
   * schema rejects. `ours-rejects`: the reverse. `note`: documented, not observable by the suite.
   */
  kind: 'missing' | 'official-rejects' | 'ours-rejects' | 'note';
  /** Regular expression matched against the mismatch's error lines (not for `missing`/`note`). */
  match?: string;
  /** What differs. */
  difference: string;
  /** Why the difference is intended. */
  reason: string;
}

/** All recorded differences. */
export const DIFFERENCES: Difference[] = JSON.parse(
  readFileSync(new URL('../../schema-differences.json', import.meta.url), 'utf8'),
) as Difference[];

const compiled = new Map<Difference, RegExp>();

/** The recorded difference that explains a mismatch with these error lines, if any. */
export function explain(version: string, kind: Difference['kind'], lines: readonly string[]): Difference | undefined {
  for (const d of DIFFERENCES) {
    if (d.kind !== kind || (d.version !== '*' && d.version !== version) || d.match === undefined) continue;
    let re = compiled.get(d);
    if (re === undefined) compiled.set(d, (re = new RegExp(d.match)));
    if (lines.some((line) => re.test(line))) return d;
  }
  return undefined;
}

/** True if `definition` of `version` is recorded as having no counterpart. */
export function isListedMissing(version: string, definition: string): boolean {
  return DIFFERENCES.some((d) => d.kind === 'missing' && d.version === version && d.definition === definition);
}
