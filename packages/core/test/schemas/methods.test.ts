import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CallToolRequestParamsSchema,
  CallToolResultSchema,
  NOTIFICATION_SCHEMAS,
  REQUEST_SCHEMAS,
  isNotificationMethod,
  isRequestMethod,
} from '../../src/schemas/index.js';
import { JsonSchemaArbitraries, type JsonSchema } from './json-schema-arbitrary.js';
import { SPEC_VERSIONS, loadOfficialSchema } from './spec-files.js';

interface MethodDefinition {
  version: string;
  name: string;
  method: string;
  kind: 'request' | 'notification';
}

// Every definition with a `method` const, across all versions: requests have an `id` or are input requests.
function methodDefinitions(): MethodDefinition[] {
  const out: MethodDefinition[] = [];
  for (const version of SPEC_VERSIONS) {
    const document = loadOfficialSchema(version);
    for (const [name, schema] of Object.entries(document.$defs ?? document.definitions ?? {})) {
      const method = schema.properties?.['method']?.const;
      if (typeof method !== 'string') continue;
      out.push({ version, name, method, kind: name.endsWith('Notification') ? 'notification' : 'request' });
    }
  }
  return out;
}

const definitions = methodDefinitions();

describe('method tables', () => {
  it('cover every method of every version', () => {
    const known = (d: MethodDefinition): boolean =>
      d.kind === 'request' ? isRequestMethod(d.method) : isNotificationMethod(d.method);
    const missing = definitions.filter((d) => !known(d));
    expect(missing.map((d) => `${d.version} ${d.method}`)).toEqual([]);
    expect(definitions.length).toBeGreaterThan(100);
  });

  const cases = definitions.map((d) => [`${d.version} ${d.method}`, d] as const);
  it.each(cases)('%s: params from the official schema pass', (_, d) => {
    const document = loadOfficialSchema(d.version as (typeof SPEC_VERSIONS)[number]);
    const defs = (document.$defs ?? document.definitions ?? {}) as Record<string, JsonSchema>;
    const paramsSchema = defs[d.name]?.properties?.['params'] ?? {};
    const arbitrary = new JsonSchemaArbitraries({ $defs: document.$defs, definitions: document.definitions });
    const ours =
      d.kind === 'request'
        ? REQUEST_SCHEMAS[d.method as keyof typeof REQUEST_SCHEMAS].params
        : NOTIFICATION_SCHEMAS[d.method as keyof typeof NOTIFICATION_SCHEMAS].params;
    const values = fc.sample(arbitrary.forSchema(paramsSchema), { numRuns: 60, seed: 5 });
    for (const value of values) {
      const result = ours.safeParse(value ?? {});
      expect(result.success ? [] : result.error.issues).toEqual([]);
    }
  });

  it('wire tools/call to its schemas', () => {
    expect(REQUEST_SCHEMAS['tools/call'].params).toBe(CallToolRequestParamsSchema);
    expect(REQUEST_SCHEMAS['tools/call'].result).toBe(CallToolResultSchema);
    expect(REQUEST_SCHEMAS['tools/call'].era).toBe('both');
  });

  it('reject params that are missing required members with issues, not exceptions', () => {
    const result = REQUEST_SCHEMAS['tools/call'].params.safeParse({});
    expect(result.success).toBe(false);
    expect(REQUEST_SCHEMAS['resources/read'].params.safeParse({ uri: 7 }).success).toBe(false);
    expect(REQUEST_SCHEMAS['tools/list'].params.safeParse({}).success).toBe(true);
  });

  it('know which names are methods', () => {
    expect(isRequestMethod('tools/call')).toBe(true);
    expect(isRequestMethod('toString')).toBe(false);
    expect(isRequestMethod('__proto__')).toBe(false);
    expect(isNotificationMethod('notifications/tasks')).toBe(true);
    expect(isNotificationMethod('notifications/unknown')).toBe(false);
  });
});
