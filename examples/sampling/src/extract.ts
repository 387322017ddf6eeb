/**
 * `extract`: asks the client's LLM for named fields of a text as one JSON object, and reads the
 * object out of whatever the model wrapped it in.
 *
 * @module
 */
import type { CreateMessageRequestParams } from '@mcpkit/core';
import { ToolError, type McpServer } from '@mcpkit/server';
import * as z from 'zod';
import { askModel } from './ask-model.js';
import { parseJsonObject, pickFields } from './model-answer.js';
import type { SamplingLimits } from './options.js';

const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_ -]{0,63}$/;

function extractRequest(text: string, fields: readonly string[], previous: string | undefined, maxTokens: number): CreateMessageRequestParams {
  const messages: CreateMessageRequestParams['messages'] = [{ role: 'user', content: { type: 'text', text } }];
  if (previous !== undefined) {
    messages.push(
      { role: 'assistant', content: { type: 'text', text: previous } },
      { role: 'user', content: { type: 'text', text: 'That was not a JSON object. Answer with the JSON object only.' } },
    );
  }
  return {
    systemPrompt:
      `Extract these fields from the text: ${fields.map((f) => JSON.stringify(f)).join(', ')}. ` +
      'Answer with one JSON object whose keys are exactly these fields; use null for a field the text does not give.',
    messages,
    maxTokens,
    temperature: 0,
  };
}

/** Registers `extract` on `server`. */
export function registerExtract(server: McpServer, limits: SamplingLimits): void {
  server.tool(
    'extract',
    {
      title: 'Extract fields',
      description: "Extract named fields from a text as a JSON object, using the client's LLM. Fields the text lacks are null.",
      inputSchema: z.object({
        text: z.string().min(1).max(limits.maxInputChars).describe('The text to read'),
        fields: z
          .array(z.string().regex(FIELD_NAME, 'a field name is a letter or _ then up to 63 letters, digits, spaces, _ or -'))
          .min(1)
          .max(limits.maxFields)
          .refine((fields) => new Set(fields).size === fields.length, 'fields must be distinct')
          .describe('Names of the fields to extract'),
      }),
      outputSchema: z.object({ fields: z.record(z.string(), z.unknown()), model: z.string(), attempts: z.number() }),
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ text, fields }, ctx) => {
      const maxTokens = Math.min(limits.maxTokens, 256 + fields.length * 64);
      let previous: string | undefined;
      for (let attempt = 1; attempt <= limits.maxAttempts; attempt++) {
        const answer = await askModel(ctx, extractRequest(text, fields, previous, maxTokens));
        const object = parseJsonObject(answer.text);
        if (object !== undefined) {
          const picked = pickFields(object, fields);
          return { content: [{ type: 'text', text: JSON.stringify(picked) }], structuredContent: { fields: picked, model: answer.model, attempts: attempt } };
        }
        previous = answer.text;
      }
      throw new ToolError(`The model did not answer with a JSON object after ${limits.maxAttempts} attempts; its last answer began ${JSON.stringify((previous ?? '').slice(0, 200))}.`);
    },
  );
}
