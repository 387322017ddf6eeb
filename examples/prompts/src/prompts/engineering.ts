/**
 * Prompts about the engineering workflow: `commit_message` (the diff as an embedded resource) and
 * `bug_report` (an embedded report template, and an optional screenshot as an image).
 *
 * @module
 */
import { embeddedResource, image, text, type McpServer } from '@mcpkit/server';
import type { PromptMessage } from '@mcpkit/core';
import * as z from 'zod';
import { choiceArgument, completeFrom, imageArgument, plainChoices, textArgument } from '../arguments.js';
import type { PromptsServerOptions } from '../limits.js';

const STYLES = plainChoices(['conventional', 'plain', 'gitmoji']);
const SEVERITIES = plainChoices(['low', 'medium', 'high', 'critical']);

const STYLE_INSTRUCTIONS: Record<string, string> = {
  conventional: 'Use Conventional Commits: `type(scope): summary` (feat, fix, docs, refactor, test, chore, perf), a blank line, then the body.',
  plain: 'Write a summary line in the imperative mood, a blank line, then the body.',
  gitmoji: 'Start the summary line with the gitmoji that fits (✨ feature, 🐛 fix, 📝 docs, ♻️ refactor, ✅ tests), then the body.',
};

/** The template the model fills in; embedded so clients can show it, and the model copies its shape. */
export const BUG_REPORT_TEMPLATE = `## Summary

## Steps to reproduce
1.

## Expected behaviour

## Actual behaviour

## Environment

## Severity
`;

/** Registers `commit_message` and `bug_report`. */
export function registerEngineeringPrompts(server: McpServer, limits: Required<PromptsServerOptions>): void {
  server.prompt(
    'commit_message',
    {
      title: 'Commit message',
      description: 'Write a commit message for a diff: a summary line of at most 72 characters, then why.',
      argsSchema: z.object({
        diff: textArgument(limits.maxArgumentLength, 'The output of `git diff --staged`'),
        style: choiceArgument(STYLES, 'style', 'conventional, plain or gitmoji (completed)').optional(),
        scope: z.string().trim().max(50).optional().describe('The area the change touches, e.g. parser'),
      }),
      complete: { style: completeFrom(STYLES) },
    },
    ({ diff, style = 'conventional', scope }) => ({
      description: `A ${style} commit message`,
      messages: [
        {
          role: 'user',
          content: text(
            `Write a commit message for the attached diff. ${STYLE_INSTRUCTIONS[style] ?? ''} ` +
              `${scope === undefined ? '' : `The scope is "${scope}". `}` +
              'Keep the summary under 72 characters; in the body say why the change was made, not what the diff already shows.',
          ),
        },
        { role: 'user', content: embeddedResource({ uri: 'prompt-input://commit_message/diff', mimeType: 'text/x-diff', text: diff }) },
      ],
    }),
  );

  server.prompt(
    'bug_report',
    {
      title: 'Bug report',
      description: 'Turn notes about a bug (and optionally a screenshot) into a clear, reproducible bug report.',
      argsSchema: z.object({
        summary: textArgument(limits.maxArgumentLength, 'What goes wrong, in a sentence or a few notes'),
        steps: textArgument(limits.maxArgumentLength, 'How to make it happen').optional(),
        expected: textArgument(limits.maxArgumentLength, 'What should happen').optional(),
        actual: textArgument(limits.maxArgumentLength, 'What happens instead').optional(),
        severity: choiceArgument(SEVERITIES, 'severity', 'low, medium, high or critical (completed)').optional(),
        screenshot: imageArgument(limits.maxImageBytes, 'A screenshot as a data: URL (data:image/png;base64,...)').optional(),
      }),
      complete: { severity: completeFrom(SEVERITIES) },
    },
    ({ summary, steps, expected, actual, severity, screenshot }) => {
      const notes = [`Summary: ${summary}`];
      if (steps !== undefined) notes.push(`Steps: ${steps}`);
      if (expected !== undefined) notes.push(`Expected: ${expected}`);
      if (actual !== undefined) notes.push(`Actual: ${actual}`);
      if (severity !== undefined) notes.push(`Severity: ${severity}`);
      const messages: PromptMessage[] = [
        {
          role: 'user',
          content: text(
            'Write a bug report from my notes below, following the attached template. Ask about anything ' +
              `the template needs that the notes do not say${screenshot === undefined ? '' : ', and describe what the attached screenshot shows'}.\n\n` +
              notes.join('\n'),
          ),
        },
        { role: 'user', content: embeddedResource({ uri: 'prompt-template://bug_report/template.md', mimeType: 'text/markdown', text: BUG_REPORT_TEMPLATE }) },
      ];
      if (screenshot !== undefined) messages.push({ role: 'user', content: image(screenshot.data, screenshot.mimeType) });
      return { description: `Bug report${severity === undefined ? '' : ` (${severity})`}`, messages };
    },
  );
}
