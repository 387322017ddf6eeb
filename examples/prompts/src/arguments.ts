/**
 * Argument schemas shared by the prompts. Prompt arguments are strings on the wire; zod checks
 * them, trims them and turns an alias (`fr`, `Deutsch`) into the catalog's value, so a handler
 * only ever sees canonical values.
 *
 * @module
 */
import { detectMimeType } from '@mcpkit/server';
import * as z from 'zod';
import { findChoice, rankChoices, type Choice } from './catalog/choices.js';

/** A free-text argument of at most `maxLength` characters (the `maxArgumentLength` option). */
export function textArgument(maxLength: number, description: string) {
  return z
    .string()
    .min(1, 'must not be empty')
    .max(maxLength, `must be at most ${maxLength} characters (maxArgumentLength)`)
    .describe(description);
}

/**
 * An argument that must name one of `choices` (by value or alias, any case). Completion offers
 * the values; validation accepts what completion offers and the aliases users type.
 */
export function choiceArgument(choices: readonly Choice[], what: string, description: string) {
  const examples = choices.slice(0, 4).map((c) => c.value).join(', ');
  return z
    .string()
    .trim()
    .refine((value) => findChoice(choices, value) !== undefined, {
      error: (issue) => `unknown ${what} "${String(issue.input).slice(0, 60)}": use one of ${examples}, ... (completion/complete lists them)`,
    })
    .transform((value) => findChoice(choices, value) as string)
    .describe(description);
}

/** A completer over `choices` (ranked prefix matching). */
export function completeFrom(choices: readonly Choice[]): (value: string) => string[] {
  return (value) => rankChoices(choices, value);
}

/** Choices from plain values. */
export function plainChoices(values: readonly string[]): Choice[] {
  return values.map((value) => ({ value }));
}

const DATA_URL = /^data:(image\/(?:png|jpeg|gif|webp));base64,([A-Za-z0-9+/]+={0,2})$/;

/** An image given as a `data:` URL, decoded enough to check it. */
export interface DataUrlImage {
  /** `image/png`, `image/jpeg`, `image/gif` or `image/webp`. */
  mimeType: string;
  /** The base64 payload. */
  data: string;
}

/** Parses a `data:image/...;base64,...` URL, checking its size and that the bytes are the image type it claims. */
export function parseImageDataUrl(url: string, maxBytes: number): DataUrlImage | string {
  const match = DATA_URL.exec(url);
  if (match === null) return 'must be a data: URL of a PNG, JPEG, GIF or WebP image (data:image/png;base64,...)';
  const [, mimeType = '', data = ''] = match;
  if (data.length % 4 !== 0) return 'is not valid base64 (its length must be a multiple of 4)';
  const bytes = Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);
  if (bytes > maxBytes) return `is ${bytes} bytes; the limit is ${maxBytes} bytes (maxImageBytes)`;
  const head = Uint8Array.from(atob(data.slice(0, 24)), (c) => c.charCodeAt(0));
  if (detectMimeType(head) !== mimeType) return `does not hold ${mimeType} data`;
  return { mimeType, data };
}

/** An optional image argument given as a `data:` URL, at most `maxBytes` decoded. */
export function imageArgument(maxBytes: number, description: string) {
  return z
    .string()
    .transform((value, ctx) => {
      const parsed = parseImageDataUrl(value, maxBytes);
      if (typeof parsed !== 'string') return parsed;
      ctx.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    })
    .describe(description);
}
