/**
 * Options of the prompts server, with their defaults.
 *
 * @module
 */

/** Options of `createPromptsServer`. Every limit has a default. */
export interface PromptsServerOptions {
  /** Longest free-text argument (code, diff, text), in characters. Default 100 000. */
  maxArgumentLength?: number;
  /** Largest image argument (a `data:` URL), in decoded bytes. Default 2 MiB. */
  maxImageBytes?: number;
}

/** The defaults of {@link PromptsServerOptions}. */
export const PROMPTS_DEFAULTS: Readonly<Required<PromptsServerOptions>> = {
  maxArgumentLength: 100_000,
  maxImageBytes: 2 * 1024 * 1024,
};

/**
 * Checks that every numeric limit is a positive integer, so a mistake fails when the server is
 * built rather than on some later request.
 *
 * @throws RangeError naming the option
 */
export function checkLimits(limits: object, allowZero: readonly string[] = []): void {
  for (const [name, value] of Object.entries(limits)) {
    if (typeof value !== 'number') continue;
    const least = allowZero.includes(name) ? 0 : 1;
    if (!Number.isSafeInteger(value) || value < least) {
      throw new RangeError(`${name} must be ${least === 0 ? 'a non-negative' : 'a positive'} integer, got ${value}`);
    }
  }
}
