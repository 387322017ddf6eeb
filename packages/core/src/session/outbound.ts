/**
 * The table of outbound requests waiting for a response: per-request timeouts (reset by progress),
 * a maximum total wait, `AbortSignal` cancellation and progress routing.
 *
 * @module
 */
import { McpError, McpkitError, McpkitErrorCode } from '../errors.js';
import { isJSONRPCResultResponse, type JSONRPCErrorResponse, type JSONRPCResponse, type RequestId } from '../schemas/jsonrpc.js';
import type { ProgressUpdate, RequestOptions, ResultObject, Timers } from './types.js';

/** Default of `SessionOptions.requestTimeout`: 60 s. */
export const DEFAULT_REQUEST_TIMEOUT = 60_000;

/** Longest delay timers honour; larger values (and `Infinity`) mean "no timeout" instead of overflowing to 1 ms. */
const MAX_TIMER_DELAY = 2_147_483_647;

/**
 * Checks a timeout option: a positive number of milliseconds. `Infinity` is allowed and disables
 * the timer. Returns the error to raise, if any.
 */
export function timeoutProblem(name: string, value: number | undefined): McpkitError | undefined {
  if (value === undefined || (typeof value === 'number' && value > 0)) return undefined;
  return new McpkitError(McpkitErrorCode.InvalidArgument, `${name} must be a positive number of milliseconds (or Infinity), got ${String(value)}`);
}

/** How many settled-early ids (cancelled, timed out) are remembered so their late responses are ignored. */
const ABANDONED_MEMORY = 256;

/** What the table needs from its session. */
export interface OutboundDeps {
  readonly timers: Timers;
  readonly requestTimeout: number;
  readonly maxTotalTimeout: number | undefined;
  readonly resetTimeoutOnProgress: boolean;
  /** Tells the peer a request was abandoned (`notifications/cancelled`). */
  sendCancelled(requestId: RequestId, reason: string, relatedRequestId: RequestId | undefined): void;
}

interface Pending {
  readonly id: RequestId;
  readonly method: string;
  readonly timeout: number;
  readonly resetOnProgress: boolean;
  readonly relatedRequestId: RequestId | undefined;
  readonly onprogress: ((progress: ProgressUpdate) => void) | undefined;
  readonly resolve: (result: ResultObject) => void;
  readonly reject: (error: Error) => void;
  timer: unknown;
  totalTimer: unknown;
  signal: AbortSignal | undefined;
  onabort: (() => void) | undefined;
}

/** The outcome of matching a response with the table. */
export type SettleOutcome = 'settled' | 'abandoned' | 'unknown';

function abortReason(signal: AbortSignal): string {
  return typeof signal.reason === 'string' ? signal.reason : 'Request cancelled';
}

/** Pending outbound requests of one session. Internal: the session is its only user. */
export class OutboundRequests {
  readonly #deps: OutboundDeps;
  #pending: Map<RequestId, Pending> | undefined;
  #abandoned: Set<RequestId> | undefined;

  constructor(deps: OutboundDeps) {
    this.#deps = deps;
  }

  /** True while a request with this id waits for its response. */
  has(id: RequestId): boolean {
    return this.#pending?.has(id) ?? false;
  }

  /** Number of requests waiting. */
  get size(): number {
    return this.#pending?.size ?? 0;
  }

  /**
   * Adds a request before it is sent. The promise settles with the response, a timeout, an abort
   * or {@link rejectAll}. Fails at once if `options.signal` is already aborted.
   */
  add(id: RequestId, method: string, options: RequestOptions | undefined): Promise<ResultObject> {
    return new Promise<ResultObject>((resolve, reject) => {
      const problem = timeoutProblem('timeout', options?.timeout) ?? timeoutProblem('maxTotalTimeout', options?.maxTotalTimeout);
      if (problem !== undefined) {
        reject(problem);
        return;
      }
      const signal = options?.signal;
      if (signal?.aborted) {
        reject(new McpkitError(McpkitErrorCode.Cancelled, `Request ${method} was cancelled before it was sent`, { cause: signal.reason }));
        return;
      }
      const entry: Pending = {
        id,
        method,
        timeout: options?.timeout ?? this.#deps.requestTimeout,
        resetOnProgress: options?.resetTimeoutOnProgress ?? this.#deps.resetTimeoutOnProgress,
        relatedRequestId: options?.relatedRequestId,
        onprogress: options?.onprogress,
        resolve,
        reject,
        timer: undefined,
        totalTimer: undefined,
        signal,
        onabort: undefined,
      };
      (this.#pending ??= new Map()).set(id, entry);
      this.#arm(entry);
      const maxTotal = options?.maxTotalTimeout ?? this.#deps.maxTotalTimeout;
      if (maxTotal !== undefined && maxTotal <= MAX_TIMER_DELAY) {
        entry.totalTimer = this.#deps.timers.setTimeout(() => this.#timedOut(entry, maxTotal, 'maximum total timeout'), maxTotal);
      }
      if (signal !== undefined) {
        entry.onabort = () => this.#abandon(entry, new McpkitError(McpkitErrorCode.Cancelled, `Request ${method} was cancelled`, { cause: signal.reason }), abortReason(signal));
        signal.addEventListener('abort', entry.onabort, { once: true });
      }
    });
  }

  /** Matches a response with its request. `abandoned`: a late answer to a cancelled or timed-out request. */
  settle(response: JSONRPCResponse): SettleOutcome {
    const id = response.id;
    if (id === undefined || id === null) return 'unknown';
    const entry = this.#pending?.get(id);
    if (entry === undefined) return this.#abandoned?.has(id) ? 'abandoned' : 'unknown';
    this.#remove(entry);
    if (isJSONRPCResultResponse(response)) entry.resolve(response.result);
    else entry.reject(McpError.fromWire((response as JSONRPCErrorResponse).error));
    return 'settled';
  }

  /**
   * Routes a progress notification to its request, restarting the timeout if asked. False when no
   * waiting request has this token.
   */
  progress(token: RequestId, update: ProgressUpdate): boolean {
    const entry = this.#pending?.get(token);
    if (entry === undefined || entry.onprogress === undefined) return false;
    if (entry.resetOnProgress && entry.timer !== undefined) {
      this.#deps.timers.clearTimeout(entry.timer);
      this.#arm(entry);
    }
    entry.onprogress(update);
    return true;
  }

  /** Rejects one request (its send failed) without telling the peer. */
  fail(id: RequestId, error: Error): void {
    const entry = this.#pending?.get(id);
    if (entry === undefined) return;
    this.#remove(entry);
    entry.reject(error);
  }

  /** Rejects every waiting request with the error `makeError` builds (the connection closed). */
  rejectAll(makeError: () => Error): void {
    const pending = this.#pending;
    this.#pending = undefined;
    // The error is built only when someone waits: capturing a stack costs more than opening a session.
    if (pending === undefined || pending.size === 0) return;
    const error = makeError();
    for (const entry of pending.values()) {
      this.#clear(entry);
      entry.reject(error);
    }
  }

  #arm(entry: Pending): void {
    if (entry.timeout > MAX_TIMER_DELAY) return;
    entry.timer = this.#deps.timers.setTimeout(() => this.#timedOut(entry, entry.timeout, 'timeout'), entry.timeout);
  }

  #timedOut(entry: Pending, ms: number, which: string): void {
    const error = new McpkitError(McpkitErrorCode.Timeout, `Request ${entry.method} timed out after ${ms} ms (${which})`, { data: { timeout: ms } });
    this.#abandon(entry, error, `Request timed out after ${ms} ms`);
  }

  #abandon(entry: Pending, error: McpkitError, reason: string): void {
    if (this.#pending?.get(entry.id) !== entry) return;
    this.#remove(entry);
    this.#remember(entry.id);
    // The spec forbids cancelling initialize; the request is only forgotten locally.
    if (entry.method !== 'initialize') this.#deps.sendCancelled(entry.id, reason, entry.relatedRequestId);
    entry.reject(error);
  }

  #remember(id: RequestId): void {
    const abandoned = (this.#abandoned ??= new Set());
    abandoned.add(id);
    if (abandoned.size > ABANDONED_MEMORY) {
      const oldest = abandoned.values().next();
      if (oldest.done !== true) abandoned.delete(oldest.value);
    }
  }

  #remove(entry: Pending): void {
    this.#pending?.delete(entry.id);
    this.#clear(entry);
  }

  #clear(entry: Pending): void {
    if (entry.timer !== undefined) this.#deps.timers.clearTimeout(entry.timer);
    if (entry.totalTimer !== undefined) this.#deps.timers.clearTimeout(entry.totalTimer);
    if (entry.onabort !== undefined) entry.signal?.removeEventListener('abort', entry.onabort);
  }
}
