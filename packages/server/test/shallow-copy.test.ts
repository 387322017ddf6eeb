import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shallowCopy } from '../src/shallow-copy.js';

describe('shallowCopy', () => {
  it('copies what a spread copies, in the same order, and takes keys in the same places', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), fc.string(), (source, key) => {
        const copy = shallowCopy(source);
        const spread: Record<string, unknown> = { ...source };
        expect(copy).not.toBe(source);
        copy[key] = 1;
        spread[key] = 1;
        expect(Reflect.ownKeys(copy)).toEqual(Reflect.ownKeys(spread));
        expect(JSON.stringify(copy)).toBe(JSON.stringify(spread));
      }),
      { numRuns: 200 },
    );
  });

  it('keeps an own __proto__ key as data, never as the prototype', () => {
    const source = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, unknown>;
    const copy = shallowCopy(source);
    expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
    expect(Object.keys(copy)).toEqual(['__proto__', 'a']);
  });
});
