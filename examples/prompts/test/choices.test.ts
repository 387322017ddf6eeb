import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HUMAN_LANGUAGES, PROGRAMMING_LANGUAGES, TONES } from '../src/catalog/catalogs.js';
import { findChoice, fold, rankChoices } from '../src/catalog/choices.js';

describe('rankChoices', () => {
  it('puts exact names and aliases first, then prefixes, then later words', () => {
    expect(rankChoices(PROGRAMMING_LANGUAGES, 'ts')).toEqual(['TypeScript']);
    expect(rankChoices(PROGRAMMING_LANGUAGES, 'ja')).toEqual(['JavaScript', 'Java']);
    expect(rankChoices(PROGRAMMING_LANGUAGES, 'SHARP')).toEqual(['C#', 'F#']);
    expect(rankChoices(HUMAN_LANGUAGES, 'espanol')).toEqual(['Spanish']);
    expect(rankChoices(HUMAN_LANGUAGES, '日本')).toEqual(['Japanese']);
    expect(rankChoices(TONES, '  ')).toEqual(TONES.map((t) => t.value));
    expect(rankChoices(TONES, 'zzz')).toEqual([]);
  });

  it('returns catalog values only, each matching what was typed, for any input', () => {
    const catalogs = [PROGRAMMING_LANGUAGES, HUMAN_LANGUAGES, TONES];
    fc.assert(
      fc.property(fc.constantFrom(...catalogs), fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom(...'abcdefjpst #+-') })), (catalog, typed) => {
        const values = rankChoices(catalog, typed);
        expect(new Set(values).size).toBe(values.length);
        for (const value of values) {
          const choice = catalog.find((c) => c.value === value);
          expect(choice).toBeDefined();
          const names = [choice?.value ?? '', ...(choice?.aliases ?? [])].map(fold).join(' ');
          expect(names).toContain(fold(typed.trim()));
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('finds a choice by value or alias, ignoring case and accents', () => {
    expect(findChoice(HUMAN_LANGUAGES, ' FRANCAIS ')).toBe('French');
    expect(findChoice(HUMAN_LANGUAGES, 'pt-br')).toBe('Brazilian Portuguese');
    expect(findChoice(HUMAN_LANGUAGES, 'Fren')).toBeUndefined();
  });
});
