/**
 * Limits of the sampling server, with their defaults.
 *
 * @module
 */

/** Options of {@link createSamplingServer}. Every limit has a default. */
export interface SamplingServerOptions {
  /** Longest text a tool accepts, in characters. Default 50 000. */
  maxInputChars?: number;
  /** Largest `maxWords` a summary may ask for. Default 1 000. */
  maxSummaryWords?: number;
  /** Most labels `classify` accepts. Default 50. */
  maxLabels?: number;
  /** Most fields `extract` accepts. Default 50. */
  maxFields?: number;
  /** Questions to the model per call when its answer does not fit (classify, extract). Default 2. */
  maxAttempts?: number;
  /** Ceiling of `maxTokens` in any sampling request. Default 4 096. */
  maxTokens?: number;
}

/** The limits after defaults. */
export type SamplingLimits = Required<SamplingServerOptions>;

/** The documented defaults. */
export const SAMPLING_DEFAULTS: SamplingLimits = {
  maxInputChars: 50_000,
  maxSummaryWords: 1_000,
  maxLabels: 50,
  maxFields: 50,
  maxAttempts: 2,
  maxTokens: 4_096,
};

/** Applies the defaults and checks the limits are usable. */
export function resolveLimits(options: SamplingServerOptions): SamplingLimits {
  const limits = { ...SAMPLING_DEFAULTS, ...options };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isInteger(value) || value < 1) throw new RangeError(`Sampling server option ${name} must be a positive integer, got ${String(value)}`);
  }
  return limits;
}
