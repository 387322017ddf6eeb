import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyElicitationDefaults } from '@mcpkit/client';

describe('applyElicitationDefaults', () => {
  const schema = {
    type: 'object',
    properties: {
      name: { type: 'string', default: 'John Doe' },
      tags: { type: 'array', items: { type: 'string' }, default: ['a'] },
      bad: { type: 'object', default: { no: 1 } },
      none: { type: 'string' },
    },
  };

  it('fills only omitted fields with valid defaults', () => {
    expect(applyElicitationDefaults(schema, undefined)).toEqual({ name: 'John Doe', tags: ['a'] });
    expect(applyElicitationDefaults(schema, { name: 'Ada' })).toEqual({ name: 'Ada', tags: ['a'] });
  });

  it('survives any schema', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (s) => {
        expect(typeof applyElicitationDefaults(s, {})).toBe('object');
      }),
    );
  });
});
