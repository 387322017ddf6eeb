import { afterAll, describe, expect, it } from 'vitest';
import { checkAgreement, compileOfficial, type AgreementReport } from './agreement.js';
import { DIFFERENCES, isListedMissing, type Difference } from './differences.js';
import { ourSchemaFor } from './our-schemas.js';
import { definitionNames, loadOfficialSchema, type SpecVersion } from './spec-files.js';

const VERSIONS: SpecVersion[] = ['2026-07-28', '2025-11-25'];
const used = new Set<Difference>();
const HEADERS = ['gen(a)', 'ours(a)', 'cand(b)', 'ours(b)', 'offic(b)'];
const table: string[] = [];

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

for (const version of VERSIONS) {
  describe(`agreement with the official ${version} schema`, () => {
    const document = loadOfficialSchema(version);
    const official = compileOfficial(version, document);
    for (const name of definitionNames(document)) {
      it(name, () => {
        const ours = ourSchemaFor(version, name);
        if (ours === undefined) {
          expect(isListedMissing(version, name), `${name} has no mcpkit schema and is not listed as missing`).toBe(true);
          table.push(`${version} ${name.padEnd(44)} (no counterpart, listed)`);
          return;
        }
        expect(isListedMissing(version, name), `${name} is listed as missing but exists`).toBe(false);
        const report: AgreementReport = checkAgreement(official, name, ours, { seed: seedOf(`${version}/${name}`) });
        for (const d of report.explainedBy) used.add(d);
        const cells = [
          report.generated,
          report.acceptedByOurs,
          report.candidates,
          report.candidatesAcceptedByOurs,
          report.candidatesAcceptedByOfficial,
        ];
        table.push(`${version} ${name.padEnd(44)} ${cells.map((c) => String(c).padStart(8)).join('')}`);
        expect(report.unexplained.slice(0, 5)).toEqual([]);
        expect(report.officialValid).toBeGreaterThanOrEqual(500);
        // Small domains (enums, Role) cannot reach 500 distinct values; every other definition must.
        if (report.distinctGenerated >= 400) expect(report.candidatesAcceptedByOurs).toBeGreaterThanOrEqual(500);
      });
    }
  });
}

describe('schema-differences.json', () => {
  it('lists no difference that no longer occurs', () => {
    const checked = DIFFERENCES.filter(
      (d) =>
        (d.kind === 'official-rejects' && (d.version === '*' || VERSIONS.includes(d.version as SpecVersion))) ||
        (d.kind === 'ours-rejects' && VERSIONS.includes(d.version as SpecVersion)),
    );
    const stale = checked.filter((d) => !used.has(d));
    expect(stale.map((d) => `${d.version} ${d.definition}: ${d.difference}`)).toEqual([]);
  });
});

afterAll(() => {
  console.log(
    [
      '(a) = official-generated values; (b) = distinct generated + mutated candidates',
      `version    ${'definition'.padEnd(44)}${HEADERS.map((h) => h.padStart(8)).join('')}`,
      ...table,
    ].join('\n'),
  );
});
