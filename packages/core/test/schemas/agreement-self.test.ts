import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ToolSchema } from '../../src/schemas/index.js';
import { checkAgreement, compileOfficial } from './agreement.js';
import { JsonSchemaArbitraries } from './json-schema-arbitrary.js';
import { loadOfficialSchema } from './spec-files.js';

// The agreement suite must be able to fail: a schema that is too strict or too loose is caught.
describe('the agreement check itself', () => {
  const official = compileOfficial('2026-07-28', loadOfficialSchema('2026-07-28'));

  it('accepts our real Tool schema', () => {
    const report = checkAgreement(official, 'Tool', ToolSchema, { seed: 11, samples: 200, mutations: 200, minAccepted: 0 });
    expect(report.unexplained).toEqual([]);
  });

  it('catches a schema that rejects valid values (direction a)', () => {
    const tooStrict = z.looseObject({ name: z.string(), title: z.string(), inputSchema: z.looseObject({}) });
    const report = checkAgreement(official, 'Tool', tooStrict, { seed: 11, samples: 200, mutations: 0 });
    expect(report.unexplained.some((u) => u.startsWith('(a)') && u.includes('title'))).toBe(true);
  });

  it('catches a schema that accepts invalid values (direction b)', () => {
    const tooLoose = z.looseObject({ name: z.unknown(), inputSchema: z.looseObject({}) });
    const report = checkAgreement(official, 'Tool', tooLoose, { seed: 11, samples: 200, mutations: 400, minAccepted: 0 });
    expect(report.unexplained.some((u) => u.startsWith('(b)'))).toBe(true);
  });

  it('generates only values the official schema accepts', () => {
    const document = loadOfficialSchema('2025-11-25');
    const arbitraries = new JsonSchemaArbitraries(document);
    const compiled = compileOfficial('2025-11-25', document);
    for (const name of ['CallToolResult', 'CreateMessageRequestParams', 'GetTaskResult', 'URLElicitationRequiredError']) {
      const validate = compiled.validator(name);
      for (const value of fc.sample(arbitraries.forDefinition(name), { numRuns: 100, seed: 3 })) {
        expect(validate(value), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      }
    }
  });
});
