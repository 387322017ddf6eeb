/**
 * The modern era's input channel: the handler is re-run on every retry; answers collected so far
 * are replayed by key, and the first unanswered requests end the round with `input_required`.
 *
 * @module
 */
import type { CapabilitiesObject, ResultObject } from '@mcpkit/core';
import { assertModernCapability, checkInputResponse, type InputChannel, type InputRequest } from './input-channel.js';

/** Replays known answers and collects unanswered input requests of one round. */
export class ReplayChannel implements InputChannel {
  /** Input requests of this round that have no answer yet, by key. */
  readonly needed: Record<string, InputRequest> = {};
  /** Answers the handler consumed, by key (kept in the next `requestState`). */
  readonly used: Record<string, unknown> = {};
  readonly #answers: Record<string, unknown>;
  readonly #capabilities: CapabilitiesObject;
  #counter = 0;
  #signalNeeded: (() => void) | undefined;
  /** Settles when the handler asked for input that has no answer. */
  readonly inputNeeded: Promise<void>;

  /**
   * @param answers - answers from `requestState` and this retry's `inputResponses`
   * @param capabilities - the client's capabilities for this request
   */
  constructor(answers: Record<string, unknown>, capabilities: CapabilitiesObject) {
    this.#answers = answers;
    this.#capabilities = capabilities;
    this.inputNeeded = new Promise((resolve) => {
      this.#signalNeeded = resolve;
    });
  }

  request(input: InputRequest, key: string | undefined): Promise<ResultObject> {
    // The index advances on every call, so default keys stay stable across replays.
    const index = this.#counter++;
    const id = key ?? `${input.method.split('/')[0]}_${index}`;
    assertModernCapability(input, this.#capabilities);
    if (Object.prototype.hasOwnProperty.call(this.#answers, id)) {
      const answer = checkInputResponse(input, id, this.#answers[id]);
      this.used[id] = answer;
      return Promise.resolve(answer);
    }
    this.needed[id] = input;
    this.#signalNeeded?.();
    // Never settles: the round ends and this run of the handler is abandoned.
    return new Promise<ResultObject>(() => undefined);
  }
}
