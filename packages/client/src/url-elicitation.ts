/**
 * Legacy era (2025-11-25): a request refused with `URLElicitationRequiredError` (-32042) is retried
 * once, after the user accepted every URL elicitation in the error and the server reported each
 * one complete (`notifications/elicitation/complete`).
 *
 * @module
 */
import { ErrorCode, McpError, McpkitError, McpkitErrorCode, type Timers } from '@mcpkit/core';
import type { InputContext } from './input-handlers.js';
import { isRecord } from './is-record.js';

/** What the retry needs from the connection. */
export interface UrlElicitationDeps {
  /** Answers `elicitation/create` with the client's handlers. */
  fulfil: (method: string, params: unknown, ctx: InputContext) => Promise<Record<string, unknown>>;
  /** Resolves when `notifications/elicitation/complete` arrives for `elicitationId` (same promise per id). */
  completed: (elicitationId: string) => Promise<void>;
  /** How long to wait for the completions, ms. */
  timeout: number;
  /** Timers for that wait. */
  timers: Timers;
}

/** The URL elicitations a -32042 error asks for, or `undefined` if it is not such an error. */
export function requiredElicitations(error: unknown): Array<Record<string, unknown>> | undefined {
  if (!(error instanceof McpError) || error.code !== ErrorCode.UrlElicitationRequired || !isRecord(error.data)) return undefined;
  const list = error.data['elicitations'];
  if (!Array.isArray(list) || list.length === 0) return undefined;
  const valid = list.filter((e): e is Record<string, unknown> => isRecord(e) && typeof e['url'] === 'string' && typeof e['elicitationId'] === 'string');
  return valid.length === list.length ? valid : undefined;
}

/**
 * Runs the URL elicitations of a -32042 error. Resolves `true` when the request may be retried
 * (every elicitation accepted and completed in time), `false` when the user declined one.
 */
export async function runUrlElicitations(elicitations: Array<Record<string, unknown>>, deps: UrlElicitationDeps, signal: AbortSignal): Promise<boolean> {
  const ids: string[] = [];
  const completions: Array<Promise<void>> = [];
  for (const params of elicitations) {
    const id = String(params['elicitationId']);
    // Listen before asking: the completion may arrive while the user is still in the browser.
    completions.push(deps.completed(id));
    const answer = await deps.fulfil('elicitation/create', { ...params, mode: 'url' }, { signal, era: 'legacy' });
    if (answer['action'] !== 'accept') return false;
    ids.push(id);
  }
  let timer: unknown;
  try {
    await Promise.race([
      Promise.all(completions),
      new Promise<never>((_, reject) => {
        timer = deps.timers.setTimeout(
          () => reject(new McpkitError(McpkitErrorCode.Timeout, `URL elicitation not completed within ${deps.timeout} ms`, { data: { elicitationIds: ids } })),
          deps.timeout,
        );
      }),
    ]);
  } finally {
    if (timer !== undefined) deps.timers.clearTimeout(timer);
  }
  return true;
}
