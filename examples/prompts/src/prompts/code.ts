/**
 * Prompts about code: `code_review` and `explain_code`. The code travels as an embedded resource,
 * so a client can show it as a file rather than pasted text.
 *
 * @module
 */
import { embeddedResource, text, type McpServer } from '@mcpkit/server';
import * as z from 'zod';
import { choiceArgument, completeFrom, plainChoices, textArgument } from '../arguments.js';
import { FRAMEWORKS, PROGRAMMING_LANGUAGES } from '../catalog/catalogs.js';
import { findChoice, rankChoices } from '../catalog/choices.js';
import type { PromptsServerOptions } from '../limits.js';

const FOCUS = plainChoices(['everything', 'correctness', 'security', 'performance', 'readability', 'tests']);
const AUDIENCES = plainChoices(['beginner', 'intermediate', 'expert']);

/** Any language is accepted (completion only suggests); known ones are spelled the catalog's way. */
function languageArgument() {
  return z
    .string()
    .trim()
    .min(1)
    .max(50)
    .transform((value) => findChoice(PROGRAMMING_LANGUAGES, value) ?? value)
    .describe('The programming language, e.g. TypeScript (completed)');
}

/** Frameworks of the language chosen so far (`context.arguments.language`), or of every language. */
function completeFramework(value: string, context: { arguments: Record<string, string> }): string[] {
  const language = findChoice(PROGRAMMING_LANGUAGES, context.arguments['language'] ?? '');
  const names = language !== undefined ? (FRAMEWORKS[language] ?? []) : [...new Set(Object.values(FRAMEWORKS).flat())];
  return rankChoices(plainChoices(names), value);
}

// The code is embedded as a resource, so clients can show it as a file and the model sees its bounds.
function codeBlock(prompt: string, code: string) {
  return embeddedResource({ uri: `prompt-input://${prompt}/code`, mimeType: 'text/plain', text: code });
}

/** Registers `code_review` and `explain_code`. */
export function registerCodePrompts(server: McpServer, limits: Required<PromptsServerOptions>): void {
  server.prompt(
    'code_review',
    {
      title: 'Code review',
      description: 'Review code for bugs, security issues, performance and readability, with concrete fixes.',
      argsSchema: z.object({
        code: textArgument(limits.maxArgumentLength, 'The code to review'),
        language: languageArgument().optional(),
        framework: z.string().trim().max(50).optional().describe('The framework in use, e.g. React (completed from the language)'),
        focus: choiceArgument(FOCUS, 'focus', 'What to look at most: everything, correctness, security, performance, readability or tests').optional(),
      }),
      complete: { language: completeFrom(PROGRAMMING_LANGUAGES), framework: completeFramework, focus: completeFrom(FOCUS) },
    },
    ({ code, language, framework, focus = 'everything' }) => {
      const subject = [language, framework].filter((part) => part !== undefined).join(' with ');
      const lens = focus === 'everything' ? 'correctness, security, performance and readability' : focus;
      return {
        description: `Review of ${subject === '' ? 'code' : `${subject} code`}, focusing on ${lens}`,
        messages: [
          {
            role: 'user',
            content: text(
              `Please review the ${subject === '' ? '' : `${subject} `}code in the attached resource, focusing on ${lens}. ` +
                'List each problem with its line, why it matters and a concrete fix, most serious first. ' +
                'End with what is done well.',
            ),
          },
          { role: 'user', content: codeBlock('code_review', code) },
        ],
      };
    },
  );

  server.prompt(
    'explain_code',
    {
      title: 'Explain code',
      description: 'Explain what a piece of code does, pitched at a beginner, intermediate or expert reader.',
      argsSchema: z.object({
        code: textArgument(limits.maxArgumentLength, 'The code to explain'),
        language: languageArgument().optional(),
        audience: choiceArgument(AUDIENCES, 'audience', 'Who the explanation is for: beginner, intermediate or expert').optional(),
      }),
      complete: { language: completeFrom(PROGRAMMING_LANGUAGES), audience: completeFrom(AUDIENCES) },
    },
    ({ code, language, audience = 'intermediate' }) => ({
      description: `Explanation for a${audience === 'intermediate' || audience === 'expert' ? 'n' : ''} ${audience} reader`,
      messages: [
        {
          role: 'user',
          content: text(
            `Explain the ${language === undefined ? '' : `${language} `}code in the attached resource to a${audience === 'beginner' ? '' : 'n'} ${audience} programmer: ` +
              'first what it does in one or two sentences, then how, step by step' +
              (audience === 'beginner' ? ', defining every term you use.' : audience === 'expert' ? ', dwelling on subtleties, edge cases and complexity.' : '.'),
          ),
        },
        { role: 'user', content: codeBlock('explain_code', code) },
      ],
    }),
  );
}
