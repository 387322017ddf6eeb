/**
 * Reading what the client's LLM answered: its text, a label from a fixed set, a JSON object.
 * Models wrap answers in prose, quotes and code fences; these parsers look past that.
 *
 * @module
 */
import type { CreateMessageResult } from '@mcpkit/core';

/** The text of a sampling result: its text blocks joined, or `undefined` when it has none. */
export function answerText(result: CreateMessageResult): string | undefined {
  const blocks = Array.isArray(result.content) ? result.content : [result.content];
  const texts = blocks.flatMap((block) => (block.type === 'text' && typeof block.text === 'string' ? [block.text] : []));
  const joined = texts.join('\n').trim();
  return joined === '' ? undefined : joined;
}

function normalise(value: string): string {
  return value
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ')
    .replace(/^[\s"'`*.:([{]+|[\s"'`*.!:)\]}]+$/g, '')
    .trim();
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The label an answer names: an exact (case- and punctuation-insensitive) match first, then the one
 * label that appears as a whole phrase in the answer. `undefined` when none or several do.
 */
export function matchLabel(answer: string, labels: readonly string[]): string | undefined {
  const wanted = normalise(answer);
  const exact = labels.find((label) => normalise(label) === wanted);
  if (exact !== undefined) return exact;
  const mentioned = labels.filter((label) => {
    const phrase = normalise(label);
    return phrase !== '' && new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(phrase)}($|[^\\p{L}\\p{N}])`, 'u').test(wanted);
  });
  return mentioned.length === 1 ? mentioned[0] : undefined;
}

/** The first balanced `{…}` in `text`, skipping braces inside JSON strings. */
function firstObjectText(text: string, from: number): { json: string; end: number } | undefined {
  const start = text.indexOf('{', from);
  if (start < 0) return undefined;
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return { json: text.slice(start, i + 1), end: i + 1 };
  }
  return undefined;
}

/**
 * The first JSON object in a model's answer, whether it is bare, in a ```json fence or inside
 * prose. `undefined` when there is none that parses.
 */
export function parseJsonObject(answer: string): Record<string, unknown> | undefined {
  let from = 0;
  for (;;) {
    const candidate = firstObjectText(answer, from);
    if (candidate === undefined) return undefined;
    try {
      const value: unknown = JSON.parse(candidate.json);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // Prose such as "{see below}" is not JSON; look for the next object.
    }
    from = candidate.end;
  }
}

/** Keeps exactly the requested fields of an extracted object; a missing field becomes `null`. */
export function pickFields(object: Record<string, unknown>, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of fields) out[field] = Object.prototype.hasOwnProperty.call(object, field) ? object[field] : null;
  return out;
}

/** Shortens `text` to at most `maxWords` words; `truncated` says whether it had to. */
export function limitWords(text: string, maxWords: number): { text: string; words: number; truncated: boolean } {
  const words = [...text.trim().matchAll(/\S+/g)];
  if (words.length <= maxWords) return { text: text.trim(), words: words.length, truncated: false };
  const last = words[maxWords - 1];
  // Cut after the last allowed word so the summary keeps its own line breaks.
  const end = last === undefined ? 0 : last.index + last[0].length;
  return { text: `${text.trim().slice(0, end)}…`, words: maxWords, truncated: true };
}
