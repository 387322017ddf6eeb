// The sending-side size check of the WebSocket transports counts UTF-8 bytes exactly.
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { McpkitErrorCode } from '@mcpkit/core';
import { assertOutboundSize } from '../../src/websocket/outbound-limit.js';

const utf8 = new TextEncoder();

describe('assertOutboundSize', () => {
  it('refuses exactly the texts whose UTF-8 is over the limit', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.nat({ max: 200 }), (value, limit) => {
        // Through JSON.stringify, as the transports send it: lone surrogates come out escaped.
        const text = JSON.stringify(value);
        const bytes = utf8.encode(text).length;
        if (bytes <= limit) expect(() => assertOutboundSize(text, limit)).not.toThrow();
        else expect(() => assertOutboundSize(text, limit)).toThrow(expect.objectContaining({ code: McpkitErrorCode.MessageTooLarge }));
      }),
      { numRuns: 500 },
    );
  });

  it('counts a lone surrogate as JSON.stringify writes it, and accepts anything under Infinity', () => {
    const text = JSON.stringify('\ud800');
    expect(text).toBe('"\\ud800"');
    expect(() => assertOutboundSize(text, text.length)).not.toThrow();
    expect(() => assertOutboundSize('x'.repeat(10_000), Number.POSITIVE_INFINITY)).not.toThrow();
  });
});
