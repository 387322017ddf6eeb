/**
 * The text processor: counts and case changes.
 *
 * @module
 */
import type { McpServer } from '@mcpkit/server';
import * as z from 'zod';
import { checkInputSize, type ToolsServerOptions } from './limits.js';
import { CASES, changeCase } from './text/change-case.js';
import { textStats } from './text/text-stats.js';

const PURE = { readOnlyHint: true, idempotentHint: true, openWorldHint: false } as const;

/** Registers `text_stats` and `change_case` on `server`. */
export function registerTextTools(server: McpServer, limits: Required<ToolsServerOptions>): void {
  server.tool(
    'text_stats',
    {
      title: 'Text statistics',
      description: 'Count the characters, words, sentences, lines and paragraphs of a text (any language).',
      inputSchema: z.object({ text: z.string().describe('The text to count') }),
      outputSchema: z.object({
        characters: z.number().int(),
        charactersExcludingSpaces: z.number().int(),
        words: z.number().int(),
        sentences: z.number().int(),
        lines: z.number().int(),
        paragraphs: z.number().int(),
      }),
      annotations: PURE,
    },
    ({ text }) => {
      checkInputSize(text, 'text', limits.maxInputBytes);
      return { structuredContent: textStats(text) };
    },
  );

  server.tool(
    'change_case',
    {
      title: 'Change case',
      description:
        'Change the case of a text: upper, lower, title ("The Old Man"), snake ("old_man"), ' +
        'kebab ("old-man"), camel ("oldMan") or pascal ("OldMan").',
      inputSchema: z.object({
        text: z.string().describe('The text to convert'),
        to: z.enum(CASES).describe('The case to convert to'),
      }),
      outputSchema: z.object({ result: z.string() }),
      annotations: PURE,
    },
    ({ text, to }) => {
      checkInputSize(text, 'text', limits.maxInputBytes);
      return { structuredContent: { result: changeCase(text, to) } };
    },
  );
}
