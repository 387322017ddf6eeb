/**
 * One round of a modern request that may need client input: verify the retry's `requestState`,
 * replay the answers, run the handler, and end with its result or an `input_required` result.
 *
 * @module
 */
import { ErrorCode, McpError, type CapabilitiesObject, type ResultObject } from '@mcpkit/core';
import { Cancellation } from '../context/cancellation.js';
import type { InputChannel, InputRequest } from './input-channel.js';
import { ReplayChannel } from './replay-channel.js';
import type { RequestStateCodec } from './request-state.js';

/** The outcome of a round: the handler's value, or the interim `input_required` result. */
export type RoundOutcome<T> = { kind: 'complete'; value: T } | { kind: 'input_required'; result: ResultObject };

/** What {@link runRound} needs. */
export interface RoundOptions<T> {
  /** `inputResponses` of the request, as received. */
  inputResponses: unknown;
  /** `requestState` of the request, as received. */
  requestState: unknown;
  /** Binds the state to this request (see `bindingOf`); computed only when a state is opened or sealed. */
  binding: () => Promise<string>;
  /** The client's capabilities for this request. */
  capabilities: CapabilitiesObject;
  /** Signs and verifies states. */
  codec: RequestStateCodec;
  /** Lifetime of a new state in ms. */
  ttlMs: number;
  /** The request's own cancellation. */
  cancellation: Cancellation;
  /** Runs the handler with the round's channel and cancellation (aborted when the round ends). */
  run: (channel: InputChannel, cancellation: Cancellation) => Promise<T>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the shape of `inputResponses`: an object whose values are result objects. */
export function readInputResponses(value: unknown): Record<string, unknown> {
  if (value === undefined) return {};
  if (!isPlainObject(value)) throw new McpError(ErrorCode.InvalidParams, 'inputResponses must be an object');
  for (const [key, response] of Object.entries(value)) {
    if (!isPlainObject(response)) throw new McpError(ErrorCode.InvalidParams, `inputResponses["${key}"] must be a result object`);
  }
  return value;
}

async function collectAnswers(options: RoundOptions<unknown>): Promise<Record<string, unknown>> {
  const fresh = readInputResponses(options.inputResponses);
  if (options.requestState === undefined) return { ...fresh };
  if (typeof options.requestState !== 'string') throw new McpError(ErrorCode.InvalidParams, 'requestState must be a string');
  const state = await options.codec.open(options.requestState, await options.binding());
  const answers: Record<string, unknown> = { ...state.responses };
  // Only answers to what the last round asked for count; anything else is ignored (spec: SHOULD ignore).
  for (const key of state.pending) if (Object.prototype.hasOwnProperty.call(fresh, key)) answers[key] = fresh[key];
  return answers;
}

/** Runs one round of a modern request. */
export async function runRound<T>(options: RoundOptions<T>): Promise<RoundOutcome<T>> {
  const answers = await collectAnswers(options as RoundOptions<unknown>);
  const channel = new ReplayChannel(answers, options.capabilities);
  // Stays linked after the round: a run handed over to a task still obeys the caller's cancellation.
  const cancellation = new Cancellation(options.cancellation);
  const running = options.run(channel, cancellation).then((value) => ({ kind: 'complete' as const, value }));
  // A macrotask lets concurrent requests (Promise.all) join the same round.
  const asked = channel.inputNeeded.then(() => new Promise<'input'>((resolve) => setTimeout(() => resolve('input'), 0)));
  const first = await Promise.race([running, asked]);
  if (first !== 'input') return first;
  cancellation.abort(new Error('input required'));
  running.catch(() => undefined);
  const inputRequests: Record<string, InputRequest> = { ...channel.needed };
  const requestState = await options.codec.seal({
    responses: { ...answersUsedBefore(answers, channel.used) },
    pending: Object.keys(inputRequests),
    binding: await options.binding(),
    exp: options.codec.now() + options.ttlMs,
  });
  return { kind: 'input_required', result: { resultType: 'input_required', inputRequests, requestState } };
}

function answersUsedBefore(answers: Record<string, unknown>, used: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(used).map((k) => [k, answers[k]]));
}
