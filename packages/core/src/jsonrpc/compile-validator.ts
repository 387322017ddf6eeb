/**
 * A fast path in front of zod for hot-path validation (request params on every call).
 *
 * `compileValidator(schema)` walks a zod 4 schema once and builds a tree of plain checks for the
 * common, side-effect-free kinds (objects, records, arrays, strings, numbers, booleans, literals,
 * enums, unions, optional, nullable). A check answers "certainly valid, and zod's output would
 * equal the input" or "not sure"; "not sure" (a failure, a transform, an unsupported kind) falls
 * back to `z.safeParse`, which stays the single source of truth for results and error issues.
 *
 * @module
 */
import * as z from 'zod/mini';
import type { SchemaIssue } from './invalid-params.js';

/** The outcome of a compiled validator. */
export type ValidationResult<T> = { success: true; data: T } | { success: false; issues: readonly SchemaIssue[] };

/** A compiled validator; see {@link compileValidator}. */
export type CompiledValidator<T> = (value: unknown) => ValidationResult<T>;

/** True only when the value is certainly valid and zod would return it unchanged. */
type Check = (value: unknown) => boolean;

/** The parts of a zod 4 definition the compiler reads. */
interface Def {
  readonly type: string;
  readonly [key: string]: unknown;
}

const notSure: Check = () => false;
const anything: Check = () => true;

function defOf(schema: unknown): Def | undefined {
  const internals = (schema as { _zod?: { def?: Def } } | undefined)?._zod;
  return typeof internals?.def?.type === 'string' ? internals.def : undefined;
}

function checksOf(def: Def): Def[] {
  const own = def.check === undefined ? [] : [def];
  return Array.isArray(def.checks) ? [...own, ...(def.checks as Array<{ _zod: { def: Def } }>).map((c) => c._zod.def)] : own;
}

function numberCheck(def: Def): Check | undefined {
  let check: Check = (v) => typeof v === 'number' && Number.isFinite(v);
  for (const rule of checksOf(def)) {
    const previous = check;
    const bound = rule.value as number;
    if (rule.check === 'number_format' && rule.format === 'safeint') check = (v) => previous(v) && Number.isSafeInteger(v);
    else if (rule.check === 'greater_than' && typeof bound === 'number') {
      check = rule.inclusive === true ? (v) => previous(v) && (v as number) >= bound : (v) => previous(v) && (v as number) > bound;
    } else if (rule.check === 'less_than' && typeof bound === 'number') {
      check = rule.inclusive === true ? (v) => previous(v) && (v as number) <= bound : (v) => previous(v) && (v as number) < bound;
    } else return undefined;
  }
  return def.format === undefined || def.format === 'safeint' ? check : undefined;
}

function stringCheck(def: Def): Check | undefined {
  if (def.format !== undefined) return undefined;
  let check: Check = (v) => typeof v === 'string';
  for (const rule of checksOf(def)) {
    const previous = check;
    if (rule.check === 'min_length' && typeof rule.minimum === 'number') {
      const min = rule.minimum;
      check = (v) => previous(v) && (v as string).length >= min;
    } else if (rule.check === 'max_length' && typeof rule.maximum === 'number') {
      const max = rule.maximum;
      check = (v) => previous(v) && (v as string).length <= max;
    } else return undefined;
  }
  return check;
}

function isPlainRecord(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

class Compiler {
  readonly #memo = new Map<unknown, Check>();

  compile(schema: unknown): Check {
    const known = this.#memo.get(schema);
    if (known !== undefined) return known;
    // A forwarding stub first, so recursive schemas compile without looping.
    let target: Check = notSure;
    this.#memo.set(schema, (v) => target(v));
    target = this.#build(schema);
    return target;
  }

  #build(schema: unknown): Check {
    const def = defOf(schema);
    if (def === undefined) return notSure;
    switch (def.type) {
      case 'unknown':
      case 'any':
        return anything;
      case 'string':
        return stringCheck(def) ?? notSure;
      case 'number':
        return numberCheck(def) ?? notSure;
      case 'boolean':
        return checksOf(def).length === 0 ? (v) => typeof v === 'boolean' : notSure;
      case 'null':
        return (v) => v === null;
      case 'literal': {
        const values = def.values as unknown[];
        return (v) => values.includes(v);
      }
      case 'enum': {
        const values = new Set(Object.values(def.entries as Record<string, unknown>));
        return (v) => values.has(v);
      }
      case 'optional': {
        const inner = this.compile(def.innerType);
        return (v) => v === undefined || inner(v);
      }
      case 'nullable': {
        const inner = this.compile(def.innerType);
        return (v) => v === null || inner(v);
      }
      case 'union': {
        const options = (def.options as unknown[]).map((o) => this.compile(o));
        return (v) => {
          for (let i = 0; i < options.length; i++) if ((options[i] as Check)(v)) return true;
          return false;
        };
      }
      case 'array': {
        if (checksOf(def).length > 0) return notSure;
        const element = this.compile(def.element);
        return (v) => Array.isArray(v) && v.every(element);
      }
      case 'record':
        return this.#record(def);
      case 'object':
        return this.#object(def);
      default:
        // Transforms, defaults, pipes, lazy, custom refinements: zod decides.
        return notSure;
    }
  }

  #record(def: Def): Check {
    const keyDef = defOf(def.keyType);
    if (keyDef?.type !== 'string' || checksOf(keyDef).length > 0 || keyDef.format !== undefined) return notSure;
    const value = this.compile(def.valueType);
    return (v) => {
      if (!isPlainRecord(v)) return false;
      for (const key in v) if (!value(v[key])) return false;
      return true;
    };
  }

  #object(def: Def): Check {
    if (checksOf(def).length > 0) return notSure;
    const shape = def.shape as Record<string, unknown>;
    const keys = Object.keys(shape);
    // Optional members are unwrapped here, saving a call per absent key on the hot path.
    const optional = keys.map((key) => defOf(shape[key])?.type === 'optional');
    const checks = keys.map((key, i) => this.compile(optional[i] === true ? defOf(shape[key])?.innerType : shape[key]));
    const catchall = defOf(def.catchall)?.type;
    // A stripping object changes its output when unknown keys are present; only loose objects pass them as is.
    const unknownKeysPass = catchall === 'unknown' || catchall === 'any';
    const known = new Set(keys);
    return (v) => {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
      const record = v as Record<string, unknown>;
      for (let i = 0; i < keys.length; i++) {
        const member = record[keys[i] as string];
        if (member === undefined && optional[i] === true) continue;
        if (!(checks[i] as Check)(member)) return false;
      }
      if (!unknownKeysPass) for (const key in record) if (!known.has(key)) return false;
      return true;
    };
  }
}

/**
 * The fast check alone: true only when `value` is certainly valid and zod would return it
 * unchanged. Internal; exported for the agreement tests.
 */
export function compileFastCheck(schema: unknown): (value: unknown) => boolean {
  return new Compiler().compile(schema);
}

/**
 * Compiles a zod 4 schema (classic or mini) into a validator for the hot path. A value the fast
 * checks accept is returned as is (not copied); anything else is decided by `z.safeParse`.
 *
 * @example
 * ```ts
 * const validateCallTool = compileValidator(CallToolRequestParamsSchema);
 * const checked = validateCallTool(request.params);
 * if (!checked.success) throw invalidParams(checked.issues, request.params);
 * ```
 */
export function compileValidator<S extends z.core.$ZodType>(schema: S): CompiledValidator<z.output<S>> {
  const fast = compileFastCheck(schema);
  return (value) => {
    if (fast(value)) return { success: true, data: value as z.output<S> };
    const parsed = z.safeParse(schema, value);
    return parsed.success ? { success: true, data: parsed.data } : { success: false, issues: parsed.error.issues };
  };
}
