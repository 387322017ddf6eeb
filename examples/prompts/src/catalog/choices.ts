/**
 * Ranked prefix matching of a catalog of choices, for `completion/complete`.
 *
 * @module
 */

/** One value a completion may offer, with the other names users type for it. */
export interface Choice {
  /** The value offered (and accepted). */
  readonly value: string;
  /** Other spellings that find it: codes, abbreviations, native names (`ts`, `fr`, `Deutsch`). */
  readonly aliases?: readonly string[];
}

/** Lower case without accents, so `francais` finds `Français`. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

// Lower is better; choices that match nothing are left out.
function score(choice: Choice, typed: string): number | undefined {
  const value = fold(choice.value);
  const aliases = (choice.aliases ?? []).map(fold);
  if (value === typed || aliases.includes(typed)) return 0;
  if (value.startsWith(typed)) return 1;
  if (aliases.some((a) => a.startsWith(typed))) return 2;
  // A later word: "port" finds "Brazilian Portuguese", "sharp" finds "C#"'s alias "c sharp".
  if ([value, ...aliases].some((name) => name.split(/[\s\-_/+.#]+/).slice(1).some((word) => word.startsWith(typed)))) return 3;
  return undefined;
}

/**
 * The values of `choices` that match what the user typed, best first: an exact name or alias,
 * then names starting with it, then aliases starting with it, then names with a later word
 * starting with it. Ties keep catalog order (most common first). Empty input lists everything.
 *
 * @example
 * ```ts
 * rankChoices([{ value: 'TypeScript', aliases: ['ts'] }, { value: 'Tcl' }], 't'); // ['TypeScript', 'Tcl']
 * ```
 */
export function rankChoices(choices: readonly Choice[], typed: string): string[] {
  const needle = fold(typed.trim());
  if (needle === '') return choices.map((c) => c.value);
  const ranked: Array<{ value: string; score: number; order: number }> = [];
  choices.forEach((choice, order) => {
    const s = score(choice, needle);
    if (s !== undefined) ranked.push({ value: choice.value, score: s, order });
  });
  return ranked.sort((a, b) => a.score - b.score || a.order - b.order).map((r) => r.value);
}

/** The catalog value that `input` names (by value or alias, ignoring case and accents), if any. */
export function findChoice(choices: readonly Choice[], input: string): string | undefined {
  const needle = fold(input.trim());
  return choices.find((c) => fold(c.value) === needle || (c.aliases ?? []).some((a) => fold(a) === needle))?.value;
}
