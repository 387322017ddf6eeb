/**
 * The agreement suite of one protocol version: every definition of the official schema, both
 * directions, and the check that schema-differences.json lists no difference that no longer occurs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { checkAgreement, compileOfficial } from './agreement.js';
import { DIFFERENCES, isListedMissing, type Difference } from './differences.js';
import { ourSchemaFor } from './our-schemas.js';
import { definitionNames, loadOfficialSchema, type SpecVersion } from './spec-files.js';

const HEADERS = ['gen(a)', 'ours(a)', 'cand(b)', 'ours(b)', 'offic(b)'];

function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Registers the agreement tests of `version`. */
export function describeAgreement(version: SpecVersion): void {
  const used = new Set<Difference>();
  const table: string[] = [];

  describe(`agreement with the official ${version} schema`, () => {
    const document = loadOfficialSchema(version);
    const official = compileOfficial(version, document);
    for (const name of definitionNames(document)) {
      it(name, () => {
        const ours = ourSchemaFor(version, name);
        if (ours === undefined) {
          expect(isListedMissing(version, name), `${name} has no mcpkit schema and is not listed as missing`).toBe(true);
          table.push(`${name.padEnd(44)} (no counterpart, listed)`);
          return;
        }
        expect(isListedMissing(version, name), `${name} is listed as missing but exists`).toBe(false);
        const report = checkAgreement(official, name, ours, { seed: seedOf(`${version}/${name}`) });
        for (const d of report.explainedBy) used.add(d);
        const cells = [
          report.generated,
          report.acceptedByOurs,
          report.candidates,
          report.candidatesAcceptedByOurs,
          report.candidatesAcceptedByOfficial,
        ];
        table.push(`${name.padEnd(44)}${cells.map((c) => String(c).padStart(9)).join('')}`);
        expect(report.unexplained.slice(0, 5)).toEqual([]);
        expect(report.officialValid).toBeGreaterThanOrEqual(500);
        // Small domains (enums, Role) cannot reach 500 distinct values; every other definition must.
        if (report.distinctGenerated >= 400) expect(report.candidatesAcceptedByOurs).toBeGreaterThanOrEqual(500);
      });
    }

    // Registered last, so it runs after every definition of this version.
    it('schema-differences.json lists no difference that no longer occurs', () => {
      const listed = DIFFERENCES.filter(
        (d) => d.kind !== 'missing' && d.kind !== 'note' && (d.version === version || d.version === '*'),
      );
      const stale = listed.filter((d) => !used.has(d));
      expect(stale.map((d) => `${d.version} ${d.definition}: ${d.difference}`)).toEqual([]);
    });
  });

  afterAll(() => {
    const head = `${'definition'.padEnd(44)}${HEADERS.map((h) => h.padStart(9)).join('')}`;
    const legend = '(a) official-generated values; (b) distinct generated + mutated candidates';
    console.log([`${version} agreement — ${legend}`, head, ...table].join('\n'));
  });
}
