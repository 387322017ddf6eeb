/**
 * The Multi Round-Trip Request loop (2026-07-28): while the server answers `input_required`,
 * fulfil its `inputRequests` with the client's handlers and retry the request with
 * `inputResponses` and the echoed `requestState`.
 *
 * @module
 */
import { McpError, McpkitError, McpkitErrorCode } from '@mcpkit/core';
import type { InputContext } from './input-handlers.js';
import { isRecord } from './is-record.js';

/** Default of {@link InputLoopOptions.maxRounds}. */
export const DEFAULT_MAX_INPUT_ROUNDS = 10;

/** Methods on which a server may answer `input_required`. */
export const INPUT_REQUIRED_METHODS: ReadonlySet<string> = new Set(['tools/call', 'prompts/get', 'resources/read']);

/** How the loop sends a round and answers input requests. */
export interface InputLoopOptions {
  /** Input rounds allowed before giving up with `MCPKIT_TOO_MANY_ROUNDS`. */
  maxRounds: number;
  /** Answers one input request (the client's shared dispatch). */
  fulfil: (method: string, params: unknown, ctx: InputContext) => Promise<Record<string, unknown>>;
  /** Aborts the loop between rounds and is handed to handlers. */
  signal?: AbortSignal | undefined;
}

type Params = Record<string, unknown>;

/** True if a result asks for input. Results without `resultType` are complete (legacy servers). */
export function isInputRequired(result: Params): boolean {
  return result['resultType'] === 'input_required';
}

function invalid(message: string, data?: unknown): McpkitError {
  return new McpkitError(McpkitErrorCode.InvalidResponse, message, data === undefined ? undefined : { data });
}

async function answer(requests: Params, options: InputLoopOptions, ctx: InputContext): Promise<Params> {
  const responses: Params = {};
  // One at a time: each request may put a dialog in front of the user.
  for (const [key, request] of Object.entries(requests)) {
    if (!isRecord(request) || typeof request['method'] !== 'string') {
      throw invalid(`Input request "${key}" is not a request object`);
    }
    try {
      responses[key] = await options.fulfil(request['method'], request['params'], ctx);
    } catch (error) {
      if (!(error instanceof McpError)) throw error;
      const data = isRecord(error.data) ? error.data : {};
      if (typeof data['capability'] === 'string') {
        throw new McpkitError(
          McpkitErrorCode.CapabilityMissing,
          `The server asked for ${request['method']}, which needs the undeclared client capability ${data['capability']}`,
          { cause: error, data: { capability: data['capability'], inputKey: key } },
        );
      }
      throw invalid(`The server sent an invalid input request "${key}": ${error.message}`, { inputKey: key, code: error.code });
    }
  }
  return responses;
}

/**
 * Sends `params` with `send` and runs input rounds until the result is complete.
 *
 * @param send - sends one round (a new JSON-RPC request each time) and returns its result
 * @param params - the original request params, without `inputResponses`/`requestState`
 * @param options - round limit, dispatch and signal
 * @throws McpkitError `MCPKIT_TOO_MANY_ROUNDS` past `maxRounds`, `MCPKIT_CAPABILITY_MISSING` when the
 * server asks for an undeclared capability, `MCPKIT_INVALID_RESPONSE` for a malformed interim result
 */
export async function runInputLoop(send: (params: Params) => Promise<Params>, params: Params, options: InputLoopOptions): Promise<Params> {
  const signal = options.signal ?? new AbortController().signal;
  let round: Params = params;
  for (let rounds = 0; ; rounds++) {
    const result = await send(round);
    if (!isInputRequired(result)) return result;
    if (rounds >= options.maxRounds) {
      throw new McpkitError(McpkitErrorCode.TooManyRounds, `The server still needed input after ${options.maxRounds} rounds (maxInputRounds)`);
    }
    const requests = result['inputRequests'];
    const state = result['requestState'];
    if ((requests !== undefined && !isRecord(requests)) || (state !== undefined && typeof state !== 'string')) {
      throw invalid('Malformed input_required result: inputRequests must be an object and requestState a string');
    }
    if (requests === undefined && state === undefined) {
      throw invalid('Malformed input_required result: neither inputRequests nor requestState is present');
    }
    const responses = requests === undefined ? undefined : await answer(requests, options, { signal, era: 'modern' });
    if (signal.aborted) throw new McpkitError(McpkitErrorCode.Cancelled, 'The request was cancelled while answering input requests');
    // Rebuilt from the original params each round: a stale requestState is never resent.
    round = { ...params };
    if (responses !== undefined) round['inputResponses'] = responses;
    if (state !== undefined) round['requestState'] = state;
  }
}
