/**
 * The JSON-RPC session: correlates responses with requests and dispatches inbound requests and
 * notifications to handlers. It composes the outbound table, the inbound tracker and the handler
 * context; roles (client, server) hold a session and never extend it.
 *
 * @module
 */
import { ErrorCode, McpError, McpkitError, McpkitErrorCode, toWireError } from '../errors.js';
import { isPlainObject } from '../jsonrpc/envelope.js';
import { errorResponse, errorResponseFrom, internalError, methodNotFound } from '../jsonrpc/responses.js';
import {
  isJSONRPCErrorResponse,
  isJSONRPCNotification,
  isJSONRPCRequest,
  type JSONRPCMessage,
  type JSONRPCNotification,
  type JSONRPCRequest,
  type JSONRPCResponse,
  type RequestId,
} from '../schemas/jsonrpc.js';
import type { MessageInfo, Transport, TransportSendOptions } from '../transport.js';
import { HandlerContext } from './context.js';
import { DEFAULT_MAX_CONCURRENT_REQUESTS, DEFAULT_MAX_QUEUED_REQUESTS, InboundRequests, type InboundEntry } from './inbound.js';
import { readCancelledParams, readProgressParams } from './notification-params.js';
import { checkOptions, globalTimers } from './options.js';
import { DEFAULT_REQUEST_TIMEOUT, OutboundRequests } from './outbound.js';
import type {
  NotificationHandler,
  NotificationOptions,
  ParamsObject,
  RequestHandler,
  RequestOptions,
  ResultObject,
  SessionApi,
  SessionOptions,
} from './types.js';

/** The wire message of a request refused because the queue is full. */
const OVERLOADED_MESSAGE = 'Too many requests in flight; retry later';

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

function sendFailure(error: unknown): Error {
  if (error instanceof McpkitError) return error;
  return new McpkitError(McpkitErrorCode.Transport, 'The transport failed to send the request', { cause: error });
}

function withProgressToken(params: ParamsObject | undefined, token: RequestId): ParamsObject {
  const meta = params?._meta;
  return { ...params, _meta: { ...(isPlainObject(meta) ? meta : undefined), progressToken: token } };
}

/**
 * A JSON-RPC session over one {@link Transport}. Opening one is cheap: handler maps and request
 * tables are created on first use, and shared handlers come from a {@link HandlerTable}.
 *
 * Inbound requests are looked up in the session's own handlers, then the shared table, then its
 * `fallbackRequest`; anything else gets -32601. Handler errors go to the wire through `toWireError`
 * (an `McpError` as is, anything else as a bare -32603) and to `onerror`.
 *
 * @example
 * ```ts
 * const session = new Session(transport, { requestTimeout: 10_000 });
 * session.setRequestHandler('ping', () => ({}));
 * await session.start();
 * const result = await session.request('tools/list', {}, { signal: AbortSignal.timeout(5_000) });
 * ```
 */
export class Session implements SessionApi {
  onclose?: (() => void) | undefined;
  onerror?: ((error: Error) => void) | undefined;
  readonly #transport: Transport;
  readonly #options: SessionOptions;
  readonly #outbound: OutboundRequests;
  readonly #inbound: InboundRequests;
  #requestHandlers: Map<string, RequestHandler> | undefined;
  #notificationHandlers: Map<string, NotificationHandler> | undefined;
  #nextId = 1;
  #started = false;
  #closed = false;

  /**
   * @param transport - the channel; the session installs its callbacks in {@link start}
   * @param options - timeouts, limits, id generator, timers and shared handlers
   * @throws McpkitError `MCPKIT_INVALID_ARGUMENT` when a limit is out of range
   */
  constructor(transport: Transport, options: SessionOptions = {}) {
    checkOptions(options);
    this.#transport = transport;
    this.#options = options;
    this.#outbound = new OutboundRequests({
      timers: options.timers ?? globalTimers,
      requestTimeout: options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT,
      maxTotalTimeout: options.maxTotalTimeout,
      resetTimeoutOnProgress: options.resetTimeoutOnProgress ?? true,
      sendCancelled: (requestId, reason, relatedRequestId) => this.#sendCancelled(requestId, reason, relatedRequestId),
    });
    this.#inbound = new InboundRequests({
      maxConcurrentRequests: options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS,
      maxQueuedRequests: options.maxQueuedRequests ?? DEFAULT_MAX_QUEUED_REQUESTS,
      run: (entry) => this.#run(entry),
    });
  }

  /** True once the session has closed. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Outbound requests waiting for a response. */
  get pendingRequestCount(): number {
    return this.#outbound.size;
  }

  /** Inbound requests running or queued. */
  get activeRequestCount(): number {
    return this.#inbound.size;
  }

  /** Installs the transport callbacks (keeping any set before) and starts the transport. */
  async start(): Promise<void> {
    if (this.#closed) throw new McpkitError(McpkitErrorCode.NotConnected, 'The session is closed; open a new one');
    if (this.#started) return;
    this.#started = true;
    const transport = this.#transport;
    const previousClose = transport.onclose;
    const previousError = transport.onerror;
    transport.onmessage = (message, info) => this.#receive(message, info);
    transport.onclose = () => {
      this.#guard(previousClose);
      this.#teardown();
    };
    transport.onerror = (error) => {
      this.#guard(previousError && (() => previousError(error)));
      this.#report(error);
    };
    await transport.start();
  }

  /**
   * Sends a request and resolves with its result. With `onprogress`, a `progressToken` (the request
   * id) is added to a copy of `params._meta`. Rejects with `McpError` (error response) or
   * `McpkitError` (`MCPKIT_TIMEOUT`, `MCPKIT_CANCELLED`, `MCPKIT_CONNECTION_CLOSED`,
   * `MCPKIT_NOT_CONNECTED`, `MCPKIT_TRANSPORT`, `MCPKIT_INVALID_ARGUMENT`).
   */
  request(method: string, params?: ParamsObject, options?: RequestOptions): Promise<ResultObject> {
    if (this.#closed) return Promise.reject(this.#notConnected());
    const id = this.#options.generateId?.() ?? this.#nextId++;
    if (this.#outbound.has(id)) {
      return Promise.reject(new McpkitError(McpkitErrorCode.InvalidArgument, `generateId returned id ${String(id)}, which is still in use`));
    }
    const sentParams = options?.onprogress === undefined ? params : withProgressToken(params, id);
    const message: JSONRPCRequest = sentParams === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params: sentParams };
    const result = this.#outbound.add(id, method, options);
    if (this.#outbound.has(id)) {
      this.#transport.send(message, sendOptions(options?.relatedRequestId)).catch((error: unknown) => this.#outbound.fail(id, sendFailure(error)));
    }
    return result;
  }

  /** Sends a notification; rejects with `MCPKIT_NOT_CONNECTED` after close. */
  async notify(method: string, params?: ParamsObject, options?: NotificationOptions): Promise<void> {
    if (this.#closed) throw this.#notConnected();
    const message: JSONRPCNotification = params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params };
    await this.#transport.send(message, sendOptions(options?.relatedRequestId));
  }

  /** Registers (or replaces) this session's own handler for a method; it wins over the shared table. */
  setRequestHandler(method: string, handler: RequestHandler): void {
    (this.#requestHandlers ??= new Map()).set(method, handler);
  }

  /** Removes this session's own handler for a method (the shared table still applies). */
  removeRequestHandler(method: string): void {
    this.#requestHandlers?.delete(method);
  }

  /** Registers (or replaces) this session's own notification handler for a method. */
  setNotificationHandler(method: string, handler: NotificationHandler): void {
    (this.#notificationHandlers ??= new Map()).set(method, handler);
  }

  /** Removes this session's own notification handler for a method. */
  removeNotificationHandler(method: string): void {
    this.#notificationHandlers?.delete(method);
  }

  /**
   * Closes the session and its transport. Pending outbound requests reject with
   * `MCPKIT_CONNECTION_CLOSED` and running handlers are aborted, at once.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#teardown();
    try {
      await this.#transport.close();
    } catch (error) {
      this.#report(asError(error));
    }
  }

  #receive(message: JSONRPCMessage, info: MessageInfo | undefined): void {
    if (this.#closed) return;
    try {
      if (isJSONRPCRequest(message)) this.#handleRequest(message, info);
      else if (isJSONRPCNotification(message)) this.#handleNotification(message, info);
      else this.#handleResponse(message as JSONRPCResponse);
    } catch (error) {
      // Only a misbehaving transport (a malformed message) gets here; the peer cannot crash us.
      this.#report(asError(error));
    }
  }

  #handleResponse(response: JSONRPCResponse): void {
    const outcome = this.#outbound.settle(response);
    if (outcome !== 'unknown') return;
    if (isJSONRPCErrorResponse(response) && (response.id === undefined || response.id === null)) {
      this.#report(new McpkitError(McpkitErrorCode.InvalidResponse, `The peer reported an error: ${response.error.message}`, { data: response.error }));
      return;
    }
    this.#report(new McpkitError(McpkitErrorCode.InvalidResponse, `Received a response for unknown request id ${String(response.id)}`));
  }

  #handleRequest(request: JSONRPCRequest, info: MessageInfo | undefined): void {
    const refusal = this.#inbound.accept(request, info);
    if (refusal === undefined) return;
    const response = refusal === 'duplicate'
      ? errorResponse(request.id, ErrorCode.InvalidRequest, 'Invalid request: id is already in use by a request in progress')
      : errorResponse(request.id, ErrorCode.InternalError, OVERLOADED_MESSAGE);
    this.#send(response, request.id);
  }

  async #run(entry: InboundEntry): Promise<void> {
    const { request } = entry;
    const ctx = new HandlerContext(this, request, entry, entry.info);
    let response: JSONRPCMessage;
    try {
      const handler = this.#requestHandler(request.method);
      if (handler === undefined) throw methodNotFound(request.method);
      const result = await handler(request, ctx);
      if (!isPlainObject(result)) throw new TypeError(`The handler of ${request.method} returned no result object`);
      response = { jsonrpc: '2.0', id: request.id, result };
    } catch (error) {
      if (!(error instanceof McpError)) this.#report(asError(error));
      response = errorResponseFrom(request.id, toWireError(error));
    }
    ctx.finish();
    // A cancelled request gets no response (spec: cancellation).
    if (!this.#inbound.isLive(entry)) return;
    try {
      await this.#transport.send(response, { relatedRequestId: request.id });
    } catch (error) {
      this.#report(asError(error));
      // A result that cannot be sent (not serialisable) must still answer the peer.
      if ('result' in response && !this.#closed) this.#send(errorResponseFrom(request.id, internalError().toWire()), request.id);
    }
  }

  #requestHandler(method: string): RequestHandler | undefined {
    const table = this.#options.handlers;
    return this.#requestHandlers?.get(method) ?? table?.requests.get(method) ?? table?.fallbackRequest;
  }

  #handleNotification(notification: JSONRPCNotification, info: MessageInfo | undefined): void {
    if (notification.method === 'notifications/progress') {
      const progress = readProgressParams(notification.params);
      if (progress === undefined) return this.#reportBadNotification(notification.method);
      if (this.#outbound.progress(progress.token, progress.update)) return;
    } else if (notification.method === 'notifications/cancelled') {
      const cancelled = readCancelledParams(notification.params);
      if (cancelled === undefined) return this.#reportBadNotification(notification.method);
      this.#inbound.cancel(cancelled.requestId, cancelled.reason);
      // Also dispatched: a client learns of a torn-down subscriptions/listen stream this way.
    }
    const handler = this.#notificationHandlers?.get(notification.method) ?? this.#options.handlers?.notifications.get(notification.method);
    if (handler === undefined) return;
    try {
      const done = handler(notification, info);
      if (done instanceof Promise) done.catch((error: unknown) => this.#report(asError(error)));
    } catch (error) {
      this.#report(asError(error));
    }
  }

  #reportBadNotification(method: string): void {
    this.#report(new McpkitError(McpkitErrorCode.InvalidResponse, `Ignored ${method} with invalid params`));
  }

  #sendCancelled(requestId: RequestId, reason: string, relatedRequestId: RequestId | undefined): void {
    if (this.#closed) return;
    this.notify('notifications/cancelled', { requestId, reason }, { relatedRequestId }).catch((error: unknown) => this.#report(asError(error)));
  }

  #send(message: JSONRPCMessage, relatedRequestId: RequestId): void {
    this.#transport.send(message, { relatedRequestId }).catch((error: unknown) => this.#report(asError(error)));
  }

  #teardown(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#outbound.rejectAll(() => new McpkitError(McpkitErrorCode.ConnectionClosed, 'The connection closed before the response arrived'));
    this.#inbound.abortAll('The connection closed');
    try {
      this.onclose?.();
    } catch (error) {
      this.#report(asError(error));
    }
  }

  #notConnected(): McpkitError {
    return new McpkitError(McpkitErrorCode.NotConnected, 'The session is closed; open a new one');
  }

  #guard(callback: (() => void) | undefined): void {
    try {
      callback?.();
    } catch (error) {
      this.#report(asError(error));
    }
  }

  #report(error: Error): void {
    try {
      this.onerror?.(error);
    } catch {
      // A throwing onerror must not take the session down with it.
    }
  }
}

function sendOptions(relatedRequestId: RequestId | undefined): TransportSendOptions | undefined {
  return relatedRequestId === undefined ? undefined : { relatedRequestId };
}
