import { describe, expect, it } from 'vitest';
import { ourSchemaFor } from './our-schemas.js';
import { loadExamples } from './spec-files.js';

const examples = loadExamples();

describe('official 2026-07-28 examples', () => {
  it('are all found beside the repository', () => {
    expect(examples.length).toBeGreaterThan(100);
  });

  it.each(examples.map(([type, file, value]) => [`${type}/${file}`, type, value] as const))('%s parses', (_, type, value) => {
    const schema = ourSchemaFor('2026-07-28', type);
    expect(schema, `no mcpkit schema for ${type}`).toBeDefined();
    const result = schema!.safeParse(value);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });
});
