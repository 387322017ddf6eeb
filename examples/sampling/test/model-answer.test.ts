import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerText, limitWords, matchLabel, parseJsonObject, pickFields } from '../src/model-answer.js';

describe('reading model answers', () => {
  it('joins the text blocks of a result and ignores other blocks', () => {
    expect(answerText({ role: 'assistant', model: 'm', content: { type: 'text', text: '  hi ' } })).toBe('hi');
    expect(
      answerText({ role: 'assistant', model: 'm', content: [{ type: 'text', text: 'a' }, { type: 'image', data: 'AA==', mimeType: 'image/png' }, { type: 'text', text: 'b' }] }),
    ).toBe('a\nb');
    expect(answerText({ role: 'assistant', model: 'm', content: { type: 'image', data: 'AA==', mimeType: 'image/png' } })).toBeUndefined();
  });

  it('matches labels exactly, ignoring case, quotes and punctuation, or by the one label mentioned', () => {
    const labels = ['Bug report', 'feature-request', 'question'];
    expect(matchLabel('bug report', labels)).toBe('Bug report');
    expect(matchLabel('"Feature request."', labels)).toBe('feature-request');
    expect(matchLabel('I would say this is a question.', labels)).toBe('question');
    expect(matchLabel('a question or a bug report', labels)).toBeUndefined();
    expect(matchLabel('questionable', labels)).toBeUndefined();
    expect(matchLabel('', labels)).toBeUndefined();
  });

  it('finds the JSON object in bare, fenced and chatty answers', () => {
    expect(parseJsonObject('{"a": 1}')).toEqual({ a: 1 });
    expect(parseJsonObject('```json\n{"a": "}{"}\n```')).toEqual({ a: '}{' });
    expect(parseJsonObject('Here {not json} and then {"b": [1, {"c": 2}]} done')).toEqual({ b: [1, { c: 2 }] });
    expect(parseJsonObject('[1, 2]')).toBeUndefined();
    expect(parseJsonObject('{"a": ')).toBeUndefined();
    expect(parseJsonObject('no object')).toBeUndefined();
  });

  it('never throws on any answer, and finds any object embedded in prose', () => {
    fc.assert(fc.property(fc.string(), (answer) => void parseJsonObject(answer)));
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('{')), fc.dictionary(fc.string(), fc.jsonValue()), (prose, object) => {
        expect(parseJsonObject(`${prose}${JSON.stringify(object)}`)).toEqual(JSON.parse(JSON.stringify(object)));
      }),
    );
  });

  it('keeps exactly the requested fields', () => {
    expect(pickFields({ a: 1, b: 2 }, ['a', 'c'])).toEqual({ a: 1, c: null });
    expect(pickFields(JSON.parse('{"__proto__": 1}') as Record<string, unknown>, ['toString'])).toEqual({ toString: null });
  });

  it('limits words without losing the line breaks of a short enough text', () => {
    expect(limitWords(' one\ntwo ', 2)).toEqual({ text: 'one\ntwo', words: 2, truncated: false });
    expect(limitWords('one two\nthree four', 3)).toEqual({ text: 'one two\nthree…', words: 3, truncated: true });
  });
});
