/**
 * The two-way agreement check of one official definition and the mcpkit schema standing for it.
 *
 * (a) values generated from the official schema (and valid there) must be accepted by ours;
 * (b) values ours accepts (the generated ones and mutations of them) must be valid there.
 * Each mismatch is explained by an entry of schema-differences.json, or reported.
 */
import Ajv from 'ajv';
import Ajv2020 from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import type * as z from 'zod/mini';
import { explain, type Difference } from './differences.js';
import { JsonSchemaArbitraries, type JsonSchemaDocument } from './json-schema-arbitrary.js';
import { createRandom, mutate } from './mutate.js';

/** Counts and unexplained mismatches of one definition. */
export interface AgreementReport {
  definition: string;
  generated: number;
  officialValid: number;
  acceptedByOurs: number;
  /** Distinct direction-(b) candidates: the generated values plus their mutations. */
  candidates: number;
  /** Distinct candidates ours accepts. */
  candidatesAcceptedByOurs: number;
  /** Of those, how many the official schema accepts. */
  candidatesAcceptedByOfficial: number;
  /** Distinct values among the generated ones. */
  distinctGenerated: number;
  unexplained: string[];
  explainedBy: Set<Difference>;
}

/** A compiled official schema document. */
export interface OfficialSchema {
  version: string;
  validator(definition: string): ValidateFunction;
  arbitraries: JsonSchemaArbitraries;
}

/** Compiles `document` (draft-07 or 2020-12) with formats. */
export function compileOfficial(version: string, document: JsonSchemaDocument & { $schema?: string }): OfficialSchema {
  const modern = document.$schema?.includes('2020-12') ?? false;
  const options = { strict: false, inlineRefs: false, allErrors: false } as const;
  // ajv and ajv-formats ship CJS default exports; unwrap for ESM interop.
  const AjvClass = (modern ? unwrap(Ajv2020) : unwrap(Ajv)) as unknown as typeof Ajv2020;
  const ajv = new AjvClass(options);
  (unwrap(addFormats) as unknown as (a: typeof ajv) => void)(ajv);
  const key = `mcp-${version}`;
  ajv.addSchema(document as object, key);
  const defsKey = modern ? '$defs' : 'definitions';
  const cache = new Map<string, ValidateFunction>();
  return {
    version,
    arbitraries: new JsonSchemaArbitraries(document),
    validator(definition) {
      let v = cache.get(definition);
      if (v === undefined) cache.set(definition, (v = ajv.compile({ $ref: `${key}#/${defsKey}/${definition}` })));
      return v;
    },
  };
}

function unwrap<T>(mod: T): T {
  const inner = (mod as { default?: T }).default;
  return inner ?? mod;
}

/** Error lines of an ajv failure: `instancePath keyword message`. */
export function ajvLines(errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => `${e.instancePath} ${e.keyword} ${e.message ?? ''}`);
}

interface ZodIssueLike {
  path: PropertyKey[];
  code: string;
  message: string;
  errors?: ZodIssueLike[][];
}

/** Error lines of a zod failure, nested union branches flattened: `path: code message`. */
export function zodLines(issues: readonly ZodIssueLike[], prefix: PropertyKey[] = []): string[] {
  const out: string[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    out.push(`${path.map(String).join('.')}: ${issue.code} ${issue.message}`);
    for (const branch of issue.errors ?? []) out.push(...zodLines(branch, path));
  }
  return out;
}

/** Options of one agreement run. */
export interface AgreementOptions {
  /** Values generated from the official schema (default 500). */
  samples?: number;
  /** Mutated candidates for direction (b); 0 skips (b) (default 300). */
  mutations?: number;
  /** Distinct values ours must accept in (b); more values are generated until reached (default 500). */
  minAccepted?: number;
  /** Seed of generation and mutation. */
  seed: number;
}

const EXTRA_ROUNDS = 4;

/** Runs both directions for one definition. */
export function checkAgreement(
  official: OfficialSchema,
  definition: string,
  ours: z.ZodMiniType,
  options: AgreementOptions,
): AgreementReport {
  const validate = official.validator(definition);
  const mutations = options.mutations ?? 300;
  const minAccepted = mutations === 0 ? 0 : (options.minAccepted ?? 500);
  const report: AgreementReport = {
    definition,
    generated: 0,
    officialValid: 0,
    acceptedByOurs: 0,
    candidates: 0,
    candidatesAcceptedByOurs: 0,
    candidatesAcceptedByOfficial: 0,
    distinctGenerated: 0,
    unexplained: [],
    explainedBy: new Set(),
  };
  const seen = new Set<string>();
  const valid: unknown[] = [];
  const arbitrary = official.arbitraries.forDefinition(definition);

  const directionA = (value: unknown): void => {
    report.generated++;
    if (!validate(value)) {
      report.unexplained.push(`generator produced an invalid value: ${ajvLines(validate.errors).join('; ')}`);
      return;
    }
    report.officialValid++;
    valid.push(value);
    const text = JSON.stringify(value);
    const fresh = !seen.has(text);
    if (fresh) {
      seen.add(text);
      report.distinctGenerated++;
      report.candidates++;
    }
    const parsed = ours.safeParse(value);
    if (parsed.success) {
      report.acceptedByOurs++;
      if (fresh) {
        report.candidatesAcceptedByOurs++;
        report.candidatesAcceptedByOfficial++;
      }
      return;
    }
    const lines = zodLines(parsed.error.issues as unknown as ZodIssueLike[]);
    const why = explain(official.version, 'ours-rejects', lines);
    if (why) report.explainedBy.add(why);
    else report.unexplained.push(`(a) ours rejects ${text}: ${lines.join('; ')}`);
  };

  const directionB = (candidate: unknown): void => {
    const text = JSON.stringify(candidate);
    if (text === undefined || seen.has(text)) return;
    seen.add(text);
    report.candidates++;
    if (!ours.safeParse(candidate).success) return;
    report.candidatesAcceptedByOurs++;
    if (validate(candidate)) {
      report.candidatesAcceptedByOfficial++;
      return;
    }
    const lines = ajvLines(validate.errors);
    const why = explain(official.version, 'official-rejects', lines);
    if (why) report.explainedBy.add(why);
    else report.unexplained.push(`(b) official rejects ${text}: ${lines.join('; ')}`);
  };

  for (const value of fc.sample(arbitrary, { numRuns: options.samples ?? 500, seed: options.seed })) directionA(value);
  if (mutations === 0 || valid.length === 0) return report;
  const random = createRandom(options.seed);
  for (let i = 0; i < mutations; i++) directionB(mutate(valid[i % valid.length], random));
  // Top up definitions whose first batch repeated itself, so (b) still sees enough distinct values.
  for (let round = 1; round <= EXTRA_ROUNDS && report.candidatesAcceptedByOurs < minAccepted; round++) {
    const extra = fc.sample(arbitrary, { numRuns: 250, seed: options.seed + round });
    const before = valid.length;
    for (const value of extra) directionA(value);
    for (let i = before; i < valid.length; i++) directionB(mutate(valid[i], random));
  }
  return report;
}
