/**
 * Case conversions. `upper`, `lower` and `title` keep the text as it is apart from letter case;
 * `snake`, `kebab`, `camel` and `pascal` split it into words first (on spaces, punctuation and
 * camelCase humps: `XMLHttpRequest` is `xml`, `http`, `request`) and join them again.
 *
 * @module
 */

/** The cases {@link changeCase} converts to. */
export const CASES = ['upper', 'lower', 'title', 'snake', 'kebab', 'camel', 'pascal'] as const;

/** One of {@link CASES}. */
export type Case = (typeof CASES)[number];

// An acronym before a capitalised word, a (capitalised) lower-case word, an acronym, digits, or
// letters of a script without case.
const WORD = /\p{Lu}+(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+|[\p{Lo}\p{Lm}\p{Lt}]+/gu;
const TITLE_WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’]*/gu;

/** The words of `text`, as split for the identifier cases. */
export function splitWords(text: string): string[] {
  return text.match(WORD) ?? [];
}

function capitalise(word: string): string {
  const first = String.fromCodePoint(word.codePointAt(0) ?? 0);
  return first.toUpperCase() + word.slice(first.length).toLowerCase();
}

/**
 * Converts `text` to `target` case.
 *
 * @example
 * ```ts
 * changeCase('XMLHttpRequest handler', 'snake'); // 'xml_http_request_handler'
 * changeCase('the old man and the sea', 'title'); // 'The Old Man And The Sea'
 * ```
 */
export function changeCase(text: string, target: Case): string {
  switch (target) {
    case 'upper':
      return text.toUpperCase();
    case 'lower':
      return text.toLowerCase();
    case 'title':
      return text.replace(TITLE_WORD, capitalise);
    case 'snake':
      return splitWords(text).map((w) => w.toLowerCase()).join('_');
    case 'kebab':
      return splitWords(text).map((w) => w.toLowerCase()).join('-');
    case 'camel':
      return splitWords(text).map((w, i) => (i === 0 ? w.toLowerCase() : capitalise(w))).join('');
    case 'pascal':
      return splitWords(text).map(capitalise).join('');
  }
}
