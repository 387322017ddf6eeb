/**
 * `summarise`: asks the client's LLM for a summary of at most N words.
 *
 * @module
 */
import type { McpServer } from '@mcpkit/server';
import * as z from 'zod';
import { askModel } from './ask-model.js';
import { limitWords } from './model-answer.js';
import type { SamplingLimits } from './options.js';

/** About how many tokens a word costs, generously, so the answer is never cut short by the client. */
const TOKENS_PER_WORD = 2;

/** Registers `summarise` on `server`. */
export function registerSummarise(server: McpServer, limits: SamplingLimits): void {
  server.tool(
    'summarise',
    {
      title: 'Summarise',
      description: "Summarise a text in at most maxWords words, using the client's LLM.",
      inputSchema: z.object({
        text: z.string().min(1).max(limits.maxInputChars).describe('The text to summarise'),
        maxWords: z.number().int().min(1).max(limits.maxSummaryWords).default(100).describe('Longest summary, in words'),
      }),
      outputSchema: z.object({ summary: z.string(), words: z.number(), truncated: z.boolean(), model: z.string() }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ text, maxWords }, ctx) => {
      const answer = await askModel(ctx, {
        systemPrompt: `You summarise texts. Answer with the summary only, in at most ${maxWords} words.`,
        messages: [{ role: 'user', content: { type: 'text', text } }],
        maxTokens: Math.min(limits.maxTokens, maxWords * TOKENS_PER_WORD + 16),
        modelPreferences: { speedPriority: 0.5, intelligencePriority: 0.5 },
      });
      // The model may not count well; the limit is the tool's promise, so it is enforced here.
      const summary = limitWords(answer.text, maxWords);
      return {
        content: [{ type: 'text', text: summary.text }],
        structuredContent: { summary: summary.text, words: summary.words, truncated: summary.truncated, model: answer.model },
      };
    },
  );
}
