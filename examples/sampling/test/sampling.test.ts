import type { CallToolResult } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import { FakeModel, lastUserText } from './fake-model.js';
import { connect, ERAS } from './harness.js';

function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}

const REVIEW = 'The battery lasts two days and the screen is bright, but the case cracked after a week.';

describe.each(ERAS)('sampling server ($era era)', ({ era, options }) => {
  it('lists its three tools and runs in the expected era', async () => {
    const { client, close } = await connect({ ...options, sampling: { handler: new FakeModel(() => '').handler } });
    try {
      expect(client.era).toBe(era);
      const names: string[] = [];
      for await (const tool of client.tools()) names.push(tool.name);
      expect(names.sort()).toEqual(['classify', 'extract', 'summarise']);
    } finally {
      await close();
    }
  });

  it('summarise sends the text, the word limit and a token budget, and returns the summary', async () => {
    const model = new FakeModel(() => 'Good battery and screen, fragile case.');
    const { client, close } = await connect({ ...options, sampling: { handler: model.handler } });
    try {
      const result = await client.callTool({ name: 'summarise', arguments: { text: REVIEW, maxWords: 8 } });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toEqual({ summary: 'Good battery and screen, fragile case.', words: 6, truncated: false, model: 'fake-model-1' });
      expect(model.requests).toHaveLength(1);
      const request = model.requests[0]!;
      expect(request.systemPrompt).toBe('You summarise texts. Answer with the summary only, in at most 8 words.');
      expect(request.messages).toEqual([{ role: 'user', content: { type: 'text', text: REVIEW } }]);
      expect(request.maxTokens).toBe(8 * 2 + 16);
    } finally {
      await close();
    }
  });

  it('summarise enforces the word limit when the model talks too much', async () => {
    const model = new FakeModel(() => 'one two three four five six seven');
    const { client, close } = await connect({ ...options, sampling: { handler: model.handler } });
    try {
      const result = await client.callTool({ name: 'summarise', arguments: { text: REVIEW, maxWords: 3 } });
      expect(textOf(result)).toBe('one two three…');
      expect(result.structuredContent).toMatchObject({ words: 3, truncated: true });
    } finally {
      await close();
    }
  });

  it('classify returns the label the model named, matched against the labels', async () => {
    const model = new FakeModel(() => '"Mixed."');
    const { client, close } = await connect({ ...options, sampling: { handler: model.handler } });
    try {
      const result = await client.callTool({ name: 'classify', arguments: { text: REVIEW, labels: ['positive', 'negative', 'mixed'] } });
      expect(result.structuredContent).toEqual({ label: 'mixed', model: 'fake-model-1', attempts: 1 });
      const request = model.requests[0]!;
      expect(request.systemPrompt).toBe('Classify the text into exactly one of these labels: positive, negative, mixed. Answer with the label only.');
      expect(lastUserText(request)).toBe(REVIEW);
      expect(request.maxTokens).toBe(16 + 'positive'.length);
      expect(request.temperature).toBe(0);
    } finally {
      await close();
    }
  });

  it('classify asks again once when the answer is not a label, telling the model why', async () => {
    const model = new FakeModel((_params, call) => (call === 1 ? 'It is hard to say.' : 'negative'));
    const { client, close } = await connect({ ...options, sampling: { handler: model.handler } });
    try {
      const result = await client.callTool({ name: 'classify', arguments: { text: REVIEW, labels: ['positive', 'negative'] } });
      expect(result.structuredContent).toEqual({ label: 'negative', model: 'fake-model-1', attempts: 2 });
      // Modern rounds replay answers they already have, so the model is asked exactly twice in both eras.
      expect(model.requests).toHaveLength(2);
      expect(model.requests[1]!.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
      expect(lastUserText(model.requests[1]!)).toBe('That is not one of the labels. Answer with exactly one of: positive, negative.');
    } finally {
      await close();
    }
  });

  it('classify fails with a clear tool error when the model never names a label, and keeps serving', async () => {
    const model = new FakeModel(() => 'both positive and negative');
    const { client, close } = await connect({ ...options, sampling: { handler: model.handler } });
    try {
      const result = await client.callTool({ name: 'classify', arguments: { text: REVIEW, labels: ['positive', 'negative'] } });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toBe('The model\'s answer "both positive and negative" is not one of the labels (positive, negative), after 2 attempts.');
      const next = await client.callTool({ name: 'summarise', arguments: { text: REVIEW } });
      expect(next.isError).toBeFalsy();
    } finally {
      await close();
    }
  });

  it('extract reads the JSON object out of a fenced, chatty answer and keeps exactly the fields asked for', async () => {
    const model = new FakeModel(() => 'Sure! Here it is:\n```json\n{"battery": "two days", "price": null, "colour": "red"}\n```\nAnything else?');
    const { client, close } = await connect({ ...options, sampling: { handler: model.handler } });
    try {
      const result = await client.callTool({ name: 'extract', arguments: { text: REVIEW, fields: ['battery', 'price', 'screen'] } });
      expect(result.structuredContent).toEqual({ fields: { battery: 'two days', price: null, screen: null }, model: 'fake-model-1', attempts: 1 });
      expect(JSON.parse(textOf(result))).toEqual({ battery: 'two days', price: null, screen: null });
      const request = model.requests[0]!;
      expect(request.systemPrompt).toContain('Extract these fields from the text: "battery", "price", "screen".');
      expect(request.maxTokens).toBe(256 + 3 * 64);
    } finally {
      await close();
    }
  });

  it('extract fails with a clear tool error when no JSON object comes back', async () => {
    const model = new FakeModel(() => 'I cannot do that.');
    const { client, close } = await connect({ ...options, sampling: { handler: model.handler } });
    try {
      const result = await client.callTool({ name: 'extract', arguments: { text: REVIEW, fields: ['battery'] } });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toContain('did not answer with a JSON object after 2 attempts');
      expect(model.requests).toHaveLength(2);
    } finally {
      await close();
    }
  });

  it('refuses bad arguments with a tool error and keeps serving', async () => {
    const model = new FakeModel(() => 'positive');
    const { client, close } = await connect({ ...options, sampling: { handler: model.handler } }, { maxInputChars: 20 });
    try {
      const tooLong = await client.callTool({ name: 'summarise', arguments: { text: REVIEW } });
      expect(tooLong.isError).toBe(true);
      expect(textOf(tooLong)).toContain('Invalid arguments for tool "summarise"');
      const oneLabel = await client.callTool({ name: 'classify', arguments: { text: 'fine', labels: ['positive'] } });
      expect(oneLabel.isError).toBe(true);
      const badField = await client.callTool({ name: 'extract', arguments: { text: 'fine', fields: ['{evil}'] } });
      expect(badField.isError).toBe(true);
      expect(model.requests).toHaveLength(0);
      const ok = await client.callTool({ name: 'classify', arguments: { text: 'fine', labels: ['positive', 'negative'] } });
      expect(ok.structuredContent).toMatchObject({ label: 'positive' });
    } finally {
      await close();
    }
  });

  it('answers a client without sampling support with a clear tool error', async () => {
    const { client, close } = await connect({ ...options });
    try {
      const result = await client.callTool({ name: 'summarise', arguments: { text: REVIEW } });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toBe('This tool asks your LLM for help, but this client does not support sampling (capability "sampling" not declared).');
    } finally {
      await close();
    }
  });
});
