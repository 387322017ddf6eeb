import { describe, expect, it } from 'vitest';
import { checkAgreement, compileOfficial } from './agreement.js';
import { DIFFERENCES, isListedMissing, type Difference } from './differences.js';
import { ourSchemaFor } from './our-schemas.js';
import { definitionNames, loadOfficialSchema, type SpecVersion } from './spec-files.js';

// Older versions: values generated from their official schemas must be accepted by ours
// (direction (a) only, fewer of them: these versions are frozen and mostly subsets of newer ones).
const LEGACY: SpecVersion[] = ['2025-06-18', '2025-03-26', '2024-11-05'];
const used = new Set<Difference>();

for (const version of LEGACY) {
  describe(`values of the official ${version} schema`, () => {
    const document = loadOfficialSchema(version);
    const official = compileOfficial(version, document);
    it('are accepted by the mcpkit schema of every definition we export', () => {
      const problems: string[] = [];
      let checked = 0;
      for (const name of definitionNames(document)) {
        const ours = ourSchemaFor(version, name);
        if (ours === undefined) {
          if (!isListedMissing(version, name)) problems.push(`${name}: no mcpkit schema and not listed as missing`);
          continue;
        }
        if (isListedMissing(version, name)) problems.push(`${name}: listed as missing but exists`);
        const report = checkAgreement(official, name, ours, { seed: 7, samples: 200, mutations: 0 });
        checked++;
        for (const d of report.explainedBy) used.add(d);
        problems.push(...report.unexplained.slice(0, 2).map((u) => `${name}: ${u.slice(0, 500)}`));
      }
      console.log(`${version}: ${checked} definitions checked, 200 values each`);
      expect(problems).toEqual([]);
    });
  });
}

describe('schema-differences.json (legacy versions)', () => {
  it('lists no ours-rejects difference that no longer occurs', () => {
    const listed = DIFFERENCES.filter((d) => d.kind === 'ours-rejects' && LEGACY.includes(d.version as SpecVersion));
    const stale = listed.filter((d) => !used.has(d));
    expect(stale.map((d) => `${d.version} ${d.definition}`)).toEqual([]);
  });
});
