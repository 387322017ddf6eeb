import type { CallToolResult } from '@mcpkit/core';
import { describe, expect, it } from 'vitest';
import { connect } from './harness.js';

function textOf(result: CallToolResult): string {
  const first = result.content[0];
  return first?.type === 'text' ? first.text : '';
}

/** A sampling handler whose user declines the first request and accepts later ones. */
function decliningOnce(): () => { role: 'assistant'; model: string; content: { type: 'text'; text: string } } {
  let calls = 0;
  return () => {
    if (++calls === 1) throw new Error('The user declined the sampling request');
    return { role: 'assistant', model: 'fake-model-1', content: { type: 'text', text: 'short' } };
  };
}

describe('a client whose user declines sampling', () => {
  it('legacy era: the server gets an error response and answers with a clear tool error, then keeps serving', async () => {
    const { client, close } = await connect({ protocolVersion: '2025-11-25', sampling: { handler: decliningOnce() } });
    try {
      const refused = await client.callTool({ name: 'summarise', arguments: { text: 'Some long text.' } });
      expect(refused.isError).toBe(true);
      expect(textOf(refused)).toMatch(/^The client's LLM did not answer: The client answered sampling\/createMessage with an error/);
      const next = await client.callTool({ name: 'summarise', arguments: { text: 'Some long text.' } });
      expect(textOf(next)).toBe('short');
    } finally {
      await close();
    }
  });

  it('modern era: the client simply does not retry (spec: no error goes back), and the server keeps serving', async () => {
    const { client, close } = await connect({ sampling: { handler: decliningOnce() } });
    try {
      await expect(client.callTool({ name: 'summarise', arguments: { text: 'Some long text.' } })).rejects.toThrow('The user declined the sampling request');
      const next = await client.callTool({ name: 'summarise', arguments: { text: 'Some long text.' } });
      expect(textOf(next)).toBe('short');
    } finally {
      await close();
    }
  });
});
