import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Cancellation, type CancelParent } from '../src/context/cancellation.js';
import { assertResultSize } from '../src/limits.js';

/** A stand-in for the request context: counts how often its signal is created. */
function fakeRequest(): CancelParent & { reads: number; cancel(reason: string): void } {
  const controller = new AbortController();
  return {
    reads: 0,
    get aborted() {
      return controller.signal.aborted;
    },
    get signal() {
      this.reads++;
      return controller.signal;
    },
    cancel: (reason) => controller.abort(reason),
  };
}

describe('Cancellation', () => {
  it('creates no signal, on itself or its parent, until one is read', () => {
    const request = fakeRequest();
    const child = new Cancellation(new Cancellation(request));
    request.cancel('gone');
    expect(child.aborted).toBe(true);
    expect(request.reads).toBe(0);
    expect(child.signal.aborted).toBe(true);
    expect(child.signal.reason).toBe('gone');
  });

  it('aborts a read signal when the request, or a token between, aborts', () => {
    const request = fakeRequest();
    const middle = new Cancellation(request);
    const leaf = new Cancellation(middle);
    const signal = leaf.signal;
    request.cancel('by the peer');
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe('by the peer');

    const other = new Cancellation(new Cancellation(fakeRequest()));
    const timedOut = new Error('timed out');
    const otherSignal = other.signal;
    other.abort(timedOut);
    expect(otherSignal.reason).toBe(timedOut);
  });

  it('stops following its parent once detached, and tells listeners once', () => {
    const request = fakeRequest();
    const token = new Cancellation(request);
    const heard: unknown[] = [];
    token.onAbort((reason) => heard.push(reason));
    const unsubscribe = token.onAbort(() => heard.push('unsubscribed'));
    unsubscribe();
    token.detach();
    request.cancel('late');
    expect(token.aborted).toBe(false);
    token.abort('own');
    token.abort('again');
    expect(heard).toEqual(['own']);
  });
});

describe('assertResultSize', () => {
  const exactBytes = (value: unknown): number => new TextEncoder().encode(JSON.stringify(value)).byteLength;

  it('agrees with the exact size whatever the shortcut decides', () => {
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.string({ unit: 'binary' }), fc.double(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 5 }),
      object: fc.dictionary(fc.string(), tie('value'), { maxKeys: 5 }),
    }));
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json.value, { maxKeys: 4 }), fc.integer({ min: 0, max: 600 }), (result, maxBytes) => {
        const over = exactBytes(result) > maxBytes;
        if (over) expect(() => assertResultSize(result, maxBytes)).toThrow(/Result too large/);
        else expect(() => assertResultSize(result, maxBytes)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('measures values with toJSON as JSON.stringify does', () => {
    const result = { content: [], when: { toJSON: () => 'x'.repeat(100) } };
    expect(() => assertResultSize(result, 50)).toThrow(/Result too large/);
    expect(() => assertResultSize(result, 200)).not.toThrow();
  });
});
