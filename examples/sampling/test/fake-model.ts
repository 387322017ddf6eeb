/**
 * A deterministic stand-in for the client's LLM (the real one cannot run in tests): it answers
 * from a script of replies and records every request it was sent.
 */
import type { CreateMessageRequestParams, CreateMessageResult } from '@mcpkit/core';

/** The text of the last user message of a sampling request. */
export function lastUserText(params: CreateMessageRequestParams): string {
  const message = [...params.messages].reverse().find((m) => m.role === 'user');
  const content = message === undefined ? undefined : Array.isArray(message.content) ? message.content[0] : message.content;
  return content?.type === 'text' ? content.text : '';
}

/** A fake model: `reply` maps each request to the answer's text. */
export class FakeModel {
  readonly requests: CreateMessageRequestParams[] = [];
  constructor(private readonly reply: (params: CreateMessageRequestParams, call: number) => string) {}

  /** The client's sampling handler. */
  readonly handler = (params: CreateMessageRequestParams): CreateMessageResult => {
    this.requests.push(params);
    return { role: 'assistant', model: 'fake-model-1', content: { type: 'text', text: this.reply(params, this.requests.length) }, stopReason: 'endTurn' };
  };
}
