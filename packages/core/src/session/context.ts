/**
 * The `ctx` a request handler receives.
 *
 * @module
 */
import { isPlainObject, isRequestId } from '../jsonrpc/envelope.js';
import type { JSONRPCRequest, RequestId } from '../schemas/jsonrpc.js';
import type { MessageInfo } from '../transport.js';
import type { ParamsObject, RequestContext, RequestOptions, ResultObject, SessionApi } from './types.js';

/** Reads `params._meta.progressToken` when it is a valid token (a string or an integer). */
export function readProgressToken(request: JSONRPCRequest): RequestId | undefined {
  const meta = request.params?._meta;
  if (!isPlainObject(meta)) return undefined;
  const token = meta.progressToken;
  return isRequestId(token) ? token : undefined;
}

/** Where a context gets its cancellation state; the signal is read only when a handler asks. */
export interface SignalSource {
  readonly signal: AbortSignal;
  readonly aborted: boolean;
}

/** The {@link RequestContext} of one inbound request. Internal: built by the session. */
export class HandlerContext implements RequestContext {
  /** The id of the request being handled. */
  readonly requestId: RequestId;
  /** The method being handled. */
  readonly method: string;
  /** Transport facts of the request. */
  readonly info: MessageInfo | undefined;
  /** The session the request arrived on. */
  readonly session: SessionApi;
  /** `params._meta.progressToken`, when valid. */
  readonly progressToken: RequestId | undefined;
  #finished = false;

  readonly #signalSource: SignalSource;

  /** @param signalSource - gives the request's signal; read lazily because most handlers never need it */
  constructor(session: SessionApi, request: JSONRPCRequest, signalSource: SignalSource, info: MessageInfo | undefined) {
    this.session = session;
    this.requestId = request.id;
    this.method = request.method;
    this.#signalSource = signalSource;
    this.info = info;
    this.progressToken = readProgressToken(request);
  }

  /** Aborted when the request is cancelled or the connection closes. */
  get signal(): AbortSignal {
    return this.#signalSource.signal;
  }

  /** True once the request is cancelled or the connection closed (no signal is created). */
  get aborted(): boolean {
    return this.#signalSource.aborted;
  }

  /** Marks the request answered: later progress is dropped, as the spec requires. */
  finish(): void {
    this.#finished = true;
  }

  /** Sends a notification routed with this request's id. */
  notify(method: string, params?: ParamsObject): Promise<void> {
    return this.session.notify(method, params, { relatedRequestId: this.requestId });
  }

  /** Sends `notifications/progress`; a no-op without a token, after the response or after cancellation. */
  async progress(progress: number, total?: number, message?: string): Promise<void> {
    const progressToken = this.progressToken;
    if (progressToken === undefined || this.#finished || this.#signalSource.aborted) return;
    const params: ParamsObject = { progressToken, progress };
    if (total !== undefined) params.total = total;
    if (message !== undefined) params.message = message;
    await this.notify('notifications/progress', params);
  }

  /** Sends a request to the peer on behalf of this request; it is cancelled with it. */
  request(method: string, params?: ParamsObject, options?: RequestOptions): Promise<ResultObject> {
    // The nested request dies with the request it serves, unless the caller chose another signal.
    const signal = options?.signal === undefined ? this.signal : AbortSignal.any([this.signal, options.signal]);
    return this.session.request(method, params, { ...options, signal, relatedRequestId: this.requestId });
  }
}
