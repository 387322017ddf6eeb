/**
 * `classify`: asks the client's LLM which one of the given labels fits a text, and checks the
 * answer is one of them (asking again once when it is not).
 *
 * @module
 */
import type { CreateMessageRequestParams } from '@mcpkit/core';
import { ToolError, type McpServer } from '@mcpkit/server';
import * as z from 'zod';
import { askModel } from './ask-model.js';
import { matchLabel } from './model-answer.js';
import type { SamplingLimits } from './options.js';

/** Builds the sampling request for one attempt; a retry tells the model what went wrong. */
function classifyRequest(text: string, labels: readonly string[], previous: string | undefined, maxTokens: number): CreateMessageRequestParams {
  const messages: CreateMessageRequestParams['messages'] = [{ role: 'user', content: { type: 'text', text } }];
  if (previous !== undefined) {
    messages.push(
      { role: 'assistant', content: { type: 'text', text: previous } },
      { role: 'user', content: { type: 'text', text: `That is not one of the labels. Answer with exactly one of: ${labels.join(', ')}.` } },
    );
  }
  return {
    systemPrompt: `Classify the text into exactly one of these labels: ${labels.join(', ')}. Answer with the label only.`,
    messages,
    maxTokens,
    temperature: 0,
  };
}

/** Registers `classify` on `server`. */
export function registerClassify(server: McpServer, limits: SamplingLimits): void {
  server.tool(
    'classify',
    {
      title: 'Classify',
      description: "Pick the one label that fits a text best, using the client's LLM.",
      inputSchema: z.object({
        text: z.string().min(1).max(limits.maxInputChars).describe('The text to classify'),
        labels: z
          .array(z.string().trim().min(1).max(100))
          .min(2)
          .max(limits.maxLabels)
          .refine((labels) => new Set(labels.map((l) => l.toLowerCase())).size === labels.length, 'labels must be distinct')
          .describe('The labels to choose from'),
      }),
      outputSchema: z.object({ label: z.string(), model: z.string(), attempts: z.number() }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ text, labels }, ctx) => {
      const maxTokens = Math.min(limits.maxTokens, 16 + Math.max(...labels.map((l) => l.length)));
      let previous: string | undefined;
      for (let attempt = 1; attempt <= limits.maxAttempts; attempt++) {
        const answer = await askModel(ctx, classifyRequest(text, labels, previous, maxTokens));
        const label = matchLabel(answer.text, labels);
        if (label !== undefined) {
          return { content: [{ type: 'text', text: label }], structuredContent: { label, model: answer.model, attempts: attempt } };
        }
        previous = answer.text;
      }
      throw new ToolError(`The model's answer ${JSON.stringify(previous)} is not one of the labels (${labels.join(', ')}), after ${limits.maxAttempts} attempts.`);
    },
  );
}
