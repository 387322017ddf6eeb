import type { Client } from '@mcpkit/client';
import { ErrorCode, McpError } from '@mcpkit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPromptsServer } from '../src/server.js';
import { connect, ERAS } from './connect.js';

// A real 1×1 PNG.
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP438AAAAQBAYDFKhhdAAAAAElFTkSuQmCC';

async function rejection(promise: Promise<unknown>): Promise<McpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(McpError);
    return error as McpError;
  }
  throw new Error('expected the call to fail');
}

describe.each(ERAS)('the prompts server, $era era', ({ era, options }) => {
  let client: Client;

  beforeEach(async () => {
    client = await connect(createPromptsServer({ maxArgumentLength: 1000, maxImageBytes: 100 }), options);
    expect(client.era).toBe(era);
  });
  afterEach(async () => {
    await client.close();
  });

  const complete = async (name: string, argument: string, value: string, context?: Record<string, string>) =>
    (await client.complete({ ref: { type: 'ref/prompt', name }, argument: { name: argument, value }, ...(context === undefined ? {} : { context: { arguments: context } }) })).completion;

  it('lists the prompts with their arguments, and declares completions', async () => {
    const prompts = [];
    for await (const prompt of client.prompts()) prompts.push(prompt);
    expect(prompts.map((p) => p.name)).toEqual(['bug_report', 'code_review', 'commit_message', 'explain_code', 'summarise', 'translate']);
    expect(prompts.find((p) => p.name === 'translate')?.arguments).toEqual([
      { name: 'text', required: true, description: 'The text to translate' },
      { name: 'target_language', required: true, description: 'The language to translate into, by name or code: French, fr, Deutsch (completed)' },
      { name: 'source_language', required: false, description: 'The language of the text; detected when absent (completed)' },
      { name: 'tone', required: false, description: 'The tone of the translation (completed)' },
    ]);
    expect(client.serverCapabilities?.['completions']).toEqual({});
  });

  it('renders code_review with the code as an embedded resource, canonicalising aliases', async () => {
    const result = await client.getPrompt({ name: 'code_review', arguments: { code: 'let x = 1', language: 'ts', framework: 'React', focus: 'SECURITY' } });
    expect(result.description).toBe('Review of TypeScript with React code, focusing on security');
    expect(result.messages).toHaveLength(2);
    const [instructions, code] = result.messages;
    expect(instructions?.content).toMatchObject({ type: 'text', text: expect.stringContaining('Please review the TypeScript with React code in the attached resource, focusing on security.') });
    expect(code).toEqual({ role: 'user', content: { type: 'resource', resource: { uri: 'prompt-input://code_review/code', mimeType: 'text/plain', text: 'let x = 1' } } });
    // Unknown languages are fine: completion only suggests them.
    const cobol = await client.getPrompt({ name: 'explain_code', arguments: { code: 'DISPLAY "HI"', language: 'COBOL', audience: 'beginner' } });
    expect(cobol.messages[0]?.content).toMatchObject({ text: expect.stringContaining('Explain the COBOL code in the attached resource to a beginner programmer') });
  });

  it('renders translate, summarise and commit_message', async () => {
    const translated = await client.getPrompt({ name: 'translate', arguments: { text: 'Guten Tag', target_language: 'fr', source_language: 'Deutsch', tone: 'informal' } });
    expect(translated.description).toBe('Translation from German into French');
    expect(translated.messages[0]?.content).toMatchObject({ text: expect.stringMatching(/^Translate the text below from German into French, in a casual tone\..*\n\nGuten Tag$/s) });
    const summary = await client.getPrompt({ name: 'summarise', arguments: { text: 'A long story.', length: 'bullet points' } });
    expect(summary.description).toBe('A neutral summary, as three to seven bullet points');
    const commit = await client.getPrompt({ name: 'commit_message', arguments: { diff: '--- a\n+++ b', style: 'gitmoji' } });
    expect(commit.messages[1]?.content).toMatchObject({ type: 'resource', resource: { mimeType: 'text/x-diff', text: '--- a\n+++ b' } });
  });

  it('renders bug_report with a template resource and the screenshot as an image', async () => {
    const result = await client.getPrompt({ name: 'bug_report', arguments: { summary: 'Save button does nothing', severity: 'high', screenshot: `data:image/png;base64,${PNG}` } });
    expect(result.description).toBe('Bug report (high)');
    expect(result.messages.map((m) => m.content.type)).toEqual(['text', 'resource', 'image']);
    expect(result.messages[1]?.content).toMatchObject({ resource: { uri: 'prompt-template://bug_report/template.md', mimeType: 'text/markdown', text: expect.stringContaining('## Steps to reproduce') } });
    expect(result.messages[2]?.content).toEqual({ type: 'image', data: PNG, mimeType: 'image/png' });
  });

  it('refuses invalid arguments with -32602 naming the argument, and keeps serving', async () => {
    const missing = await rejection(client.getPrompt({ name: 'code_review', arguments: { language: 'Go' } }));
    expect(missing.code).toBe(ErrorCode.InvalidParams);
    expect(missing.message).toMatch(/^Invalid arguments for prompt "code_review": .*code/);
    const tone = await rejection(client.getPrompt({ name: 'summarise', arguments: { text: 'x', tone: 'shouty' } }));
    expect(tone.code).toBe(ErrorCode.InvalidParams);
    expect(tone.message).toContain('unknown tone "shouty": use one of neutral, formal, casual, friendly, ... (completion/complete lists them)');
    const language = await rejection(client.getPrompt({ name: 'translate', arguments: { text: 'x', target_language: 'Klingon' } }));
    expect(language.message).toContain('unknown language "Klingon"');
    const long = await rejection(client.getPrompt({ name: 'summarise', arguments: { text: 'x'.repeat(1001) } }));
    expect(long.message).toContain('must be at most 1000 characters (maxArgumentLength)');
    const notImage = await rejection(client.getPrompt({ name: 'bug_report', arguments: { summary: 'x', screenshot: 'data:image/png;base64,R0lGODlhAQABAAAAACw=' } }));
    expect(notImage.message).toContain('does not hold image/png data');
    const big = await rejection(client.getPrompt({ name: 'bug_report', arguments: { summary: 'x', screenshot: `data:image/png;base64,${PNG}${'A'.repeat(200)}` } }));
    expect(big.message).toMatch(/is \d+ bytes; the limit is 100 bytes \(maxImageBytes\)/);
    const unknown = await rejection(client.getPrompt({ name: 'poem', arguments: {} }));
    expect(unknown.code).toBe(ErrorCode.InvalidParams);
    expect((await client.getPrompt({ name: 'summarise', arguments: { text: 'still here' } })).messages).toHaveLength(1);
  });

  it('completes enum-like arguments by ranked prefix match', async () => {
    expect((await complete('code_review', 'language', 'py')).values).toEqual(['Python']);
    expect((await complete('code_review', 'language', 'c')).values.slice(0, 4)).toEqual(['C', 'C#', 'C++', 'Clojure']);
    expect((await complete('code_review', 'language', 'golang')).values).toEqual(['Go']);
    expect((await complete('code_review', 'framework', 'f', { language: 'py' })).values).toEqual(['Flask', 'FastAPI']);
    expect((await complete('code_review', 'focus', 'se')).values).toEqual(['security']);
    expect((await complete('translate', 'target_language', 'port')).values).toEqual(['Portuguese', 'Brazilian Portuguese']);
    expect((await complete('translate', 'target_language', 'fr')).values).toEqual(['French']);
    expect((await complete('translate', 'target_language', 'fra')).values).toEqual(['French']);
    expect((await complete('translate', 'target_language', 'chi', { source_language: 'Chinese (Simplified)' })).values).toEqual(['Chinese (Traditional)']);
    expect((await complete('summarise', 'tone', 'f')).values).toEqual(['formal', 'friendly', 'playful']);
    const all = await complete('translate', 'source_language', '');
    expect(all).toMatchObject({ total: all.values.length, hasMore: false });
    expect(all.values.length).toBeGreaterThan(30);
    expect((await complete('summarise', 'text', 'any')).values).toEqual([]);
  });
});

describe('options', () => {
  it('refuses a limit that is not a positive integer', () => {
    expect(() => createPromptsServer({ maxImageBytes: -1 })).toThrow(new RangeError('maxImageBytes must be a positive integer, got -1'));
  });
});
