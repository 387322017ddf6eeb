/**
 * One behavioural suite over every transport × era (issue 5). The combinations and the capability
 * table live in harness.ts; the checks in behaviours.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientOptions } from '@mcpkit/client';
import { BEHAVIOURS } from './behaviours.js';
import { FEATURES, TRANSPORTS, eraOptions, expectedFailure, tableProblems, type Connected } from './harness.js';
import { buildTestServer } from './test-server.js';

// The same client handlers in every era: legacy server-to-client requests and modern input rounds alike.
const handlers: ClientOptions = {
  elicitation: { form: () => ({ action: 'accept', content: { name: 'Ada' } }) },
  sampling: { handler: () => ({ role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'test-model' }) },
  roots: { list: () => [{ uri: 'file:///work/a' }, { uri: 'file:///work/b' }] },
};

it('the capability tables name only real transports, eras and features', () => {
  expect(tableProblems()).toEqual([]);
});

for (const transport of TRANSPORTS) {
  for (const era of transport.eras) {
    describe(`${transport.name} @ ${era}`, () => {
      let connection: Connected | undefined;

      // One connection per combination keeps the suite fast; the checks share no state but the server's.
      beforeAll(async () => {
        connection = await transport.connect(buildTestServer(), { ...eraOptions(transport, era), ...handlers, requestTimeout: 10_000 });
      });
      afterAll(async () => {
        await connection?.close();
      });

      for (const feature of FEATURES) {
        const why = expectedFailure(transport.name, era, feature);
        const run = async (): Promise<void> => {
          if (connection === undefined) throw new Error('not connected');
          await BEHAVIOURS[feature]({ client: connection.client, transport: transport.name, era });
        };
        if (why === undefined) it(feature, run);
        else it.fails(`${feature} — expected to fail (${why})`, run);
      }
    });
  }
}
