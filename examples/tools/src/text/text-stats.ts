/**
 * Counting characters, words, sentences, lines and paragraphs, the way a reader counts them:
 * `Intl.Segmenter` knows user-perceived characters (emoji, accents) and word boundaries in
 * languages that do not separate words with spaces.
 *
 * @module
 */

/** What {@link textStats} counts. */
export interface TextStats {
  /** User-perceived characters (grapheme clusters). */
  characters: number;
  /** Characters other than white space. */
  charactersExcludingSpaces: number;
  /** Words (letters or digits, in any script). */
  words: number;
  /** Sentences with at least one word. */
  sentences: number;
  /** Lines (0 for empty text). */
  lines: number;
  /** Blocks of text separated by blank lines. */
  paragraphs: number;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const words = new Intl.Segmenter(undefined, { granularity: 'word' });
const sentences = new Intl.Segmenter(undefined, { granularity: 'sentence' });

/** Counts the characters, words, sentences, lines and paragraphs of `text`. */
export function textStats(text: string): TextStats {
  let characters = 0;
  let spaces = 0;
  for (const { segment } of graphemes.segment(text)) {
    characters++;
    if (/^\s+$/u.test(segment)) spaces++;
  }
  let wordCount = 0;
  for (const segment of words.segment(text)) if (segment.isWordLike === true) wordCount++;
  let sentenceCount = 0;
  // A run of punctuation or white space is a segment too; only count those with a word in them.
  for (const { segment } of sentences.segment(text)) if (/[\p{L}\p{N}]/u.test(segment)) sentenceCount++;
  return {
    characters,
    charactersExcludingSpaces: characters - spaces,
    words: wordCount,
    sentences: sentenceCount,
    lines: text === '' ? 0 : text.split(/\r\n|\r|\n/).length,
    paragraphs: text.split(/(?:\r\n|\r|\n)[ \t]*(?:\r\n|\r|\n)/).filter((block) => block.trim() !== '').length,
  };
}
