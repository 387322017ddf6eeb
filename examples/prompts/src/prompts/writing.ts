/**
 * Prompts about prose: `summarise` and `translate`.
 *
 * @module
 */
import { text, type McpServer } from '@mcpkit/server';
import * as z from 'zod';
import { choiceArgument, completeFrom, plainChoices, textArgument } from '../arguments.js';
import { HUMAN_LANGUAGES, TONES } from '../catalog/catalogs.js';
import { findChoice, rankChoices } from '../catalog/choices.js';
import type { PromptsServerOptions } from '../limits.js';

const LENGTHS = plainChoices(['one sentence', 'one paragraph', 'bullet points', 'detailed']);

const LENGTH_INSTRUCTIONS: Record<string, string> = {
  'one sentence': 'in one sentence',
  'one paragraph': 'in one paragraph',
  'bullet points': 'as three to seven bullet points',
  detailed: 'in detail, section by section',
};

/** Target languages, without the source language the user already chose. */
function completeTarget(value: string, context: { arguments: Record<string, string> }): string[] {
  const source = findChoice(HUMAN_LANGUAGES, context.arguments['source_language'] ?? '');
  return rankChoices(HUMAN_LANGUAGES, value).filter((language) => language !== source);
}

/** Registers `summarise` and `translate`. */
export function registerWritingPrompts(server: McpServer, limits: Required<PromptsServerOptions>): void {
  server.prompt(
    'summarise',
    {
      title: 'Summarise',
      description: 'Summarise a text at the length and in the tone you choose.',
      argsSchema: z.object({
        text: textArgument(limits.maxArgumentLength, 'The text to summarise'),
        length: choiceArgument(LENGTHS, 'length', 'one sentence, one paragraph, bullet points or detailed').optional(),
        tone: choiceArgument(TONES, 'tone', 'The tone of the summary, e.g. neutral or formal (completed)').optional(),
      }),
      complete: { length: completeFrom(LENGTHS), tone: completeFrom(TONES) },
    },
    ({ text: body, length = 'one paragraph', tone = 'neutral' }) => ({
      description: `A ${tone} summary, ${LENGTH_INSTRUCTIONS[length] ?? length}`,
      messages: [
        {
          role: 'user',
          content: text(
            `Summarise the text below ${LENGTH_INSTRUCTIONS[length] ?? length}, in a ${tone} tone. ` +
              'Keep names, numbers and conclusions exact; add nothing that is not in the text.\n\n---\n\n' +
              body,
          ),
        },
      ],
    }),
  );

  server.prompt(
    'translate',
    {
      title: 'Translate',
      description: 'Translate a text into another language, keeping its meaning, formatting and tone.',
      argsSchema: z.object({
        text: textArgument(limits.maxArgumentLength, 'The text to translate'),
        target_language: choiceArgument(HUMAN_LANGUAGES, 'language', 'The language to translate into, by name or code: French, fr, Deutsch (completed)'),
        source_language: choiceArgument(HUMAN_LANGUAGES, 'language', 'The language of the text; detected when absent (completed)').optional(),
        tone: choiceArgument(TONES, 'tone', 'The tone of the translation (completed)').optional(),
      }),
      complete: { target_language: completeTarget, source_language: completeFrom(HUMAN_LANGUAGES), tone: completeFrom(TONES) },
    },
    ({ text: body, target_language, source_language, tone }) => ({
      description: `Translation ${source_language === undefined ? '' : `from ${source_language} `}into ${target_language}`,
      messages: [
        {
          role: 'user',
          content: text(
            `Translate the text below ${source_language === undefined ? '' : `from ${source_language} `}into ${target_language}` +
              `${tone === undefined ? '' : `, in a ${tone} tone`}. Keep the formatting (Markdown, line breaks, placeholders such as {name}) ` +
              'and answer with the translation only.\n\n---\n\n' +
              body,
          ),
        },
      ],
    }),
  );
}
