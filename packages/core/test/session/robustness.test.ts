import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryTransportPair } from '../../src/memory-transport.js';
import type { JSONRPCMessage } from '../../src/schemas/jsonrpc.js';
import { Session } from '../../src/session/index.js';
import { flush } from './helpers.js';

const methods = fc.constantFrom('ping', 'notifications/progress', 'notifications/cancelled', 'x');
const anything = fc.jsonValue({ maxDepth: 3 });
/** Message-shaped values with wrong member types, plus arbitrary JSON. */
const hostile = fc.oneof(
  anything,
  fc.record({ jsonrpc: fc.constant('2.0'), id: anything, method: fc.oneof(methods, anything), params: anything }, { requiredKeys: [] }),
  fc.record({ jsonrpc: fc.constant('2.0'), id: anything, result: anything, error: anything }, { requiredKeys: [] }),
);

describe('Session robustness', () => {
  it('survives whatever a misbehaving transport delivers, and keeps answering', async () => {
    const [a, b] = createMemoryTransportPair();
    const session = new Session(b);
    session.setRequestHandler('ping', () => ({}));
    let errors = 0;
    session.onerror = () => errors++;
    await session.start();
    await a.start();
    const deliver = b.onmessage;
    expect(deliver).toBeDefined();
    await fc.assert(
      fc.asyncProperty(fc.array(hostile, { maxLength: 5 }), async (values) => {
        for (const value of values) deliver?.(value as JSONRPCMessage);
        await flush();
      }),
      { numRuns: 300 },
    );
    const answers: JSONRPCMessage[] = [];
    a.onmessage = (m) => answers.push(m);
    await a.send({ jsonrpc: '2.0', id: 'final', method: 'ping' });
    await flush();
    expect(answers).toContainEqual({ jsonrpc: '2.0', id: 'final', result: {} });
    expect(session.closed).toBe(false);
    expect(errors).toBeGreaterThan(0);
  });
});
