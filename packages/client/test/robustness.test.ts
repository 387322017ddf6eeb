/** Whatever a server answers, a call settles with a result or an mcpkit error, never anything else. */
import fc from 'fast-check';
import { McpError, McpkitError } from '@mcpkit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@mcpkit/client';
import { startRawServer, type RawServer } from './helpers/raw-server.js';

const info = { name: 'test-client', version: '0.0.1' };
let server: RawServer;
let client: Client;
let next: unknown = {};

beforeAll(async () => {
  const answer = () => next;
  server = await startRawServer({
    handlers: { 'tools/list': answer, 'tools/call': answer, 'resources/read': answer, 'prompts/get': answer, 'completion/complete': answer },
  });
  client = new Client(info, {
    cache: false,
    maxInputRounds: 2,
    elicitation: { form: () => ({ action: 'decline' }), url: () => ({ action: 'decline' }) },
    sampling: { handler: () => ({ role: 'assistant', model: 'm', content: { type: 'text', text: 'x' } }) },
  });
  await client.connect(server.clientTransport);
});

afterAll(async () => {
  await client.close();
  await server.close();
});

const inputRequired = fc.record(
  {
    resultType: fc.constant('input_required'),
    requestState: fc.oneof(fc.string(), fc.integer()),
    inputRequests: fc.dictionary(
      fc.string({ maxLength: 5 }),
      fc.oneof(
        fc.record({ method: fc.constantFrom('elicitation/create', 'sampling/createMessage', 'roots/list', 'x/y'), params: fc.jsonValue() }),
        fc.jsonValue(),
      ),
    ),
  },
  { requiredKeys: ['resultType'] },
);

const settles = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (error: unknown) => {
      if (error instanceof McpkitError || error instanceof McpError) return 'error';
      throw error;
    },
  );

describe('robustness against arbitrary server results', () => {
  it('every call settles with a result or an McpkitError/McpError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), inputRequired, fc.dictionary(fc.string(), fc.jsonValue())), async (value) => {
        next = value;
        await expect(settles(client.listTools())).resolves.toMatch(/ok|error/);
        await expect(settles(client.callTool({ name: 't' }))).resolves.toMatch(/ok|error/);
        await expect(settles(client.readResource({ uri: 'x://y' }))).resolves.toMatch(/ok|error/);
        await expect(settles(client.getPrompt({ name: 'p' }))).resolves.toMatch(/ok|error/);
      }),
      { numRuns: 60 },
    );
  });
});
