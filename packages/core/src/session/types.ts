/**
 * The public contract of the JSON-RPC session. `session.ts` implements it; roles (client, server)
 * hold a session and use only what is declared here.
 *
 * @module
 */
import type { JSONRPCNotification, JSONRPCRequest, RequestId } from '../schemas/jsonrpc.js';
import type { MessageInfo } from '../transport.js';

/** A result object as sent in a JSON-RPC result response. */
export type ResultObject = Record<string, unknown>;

/** Params of a request or notification (named parameters only). */
export type ParamsObject = Record<string, unknown>;

/** A progress update as received by {@link RequestOptions.onprogress}. */
export interface ProgressUpdate {
  /** Work done so far; increases with every update. */
  progress: number;
  /** Total work, if known. */
  total?: number;
  /** A human-readable status message. */
  message?: string;
}

/** Timers, injectable so tests and runtimes can control time. */
export interface Timers {
  /** Schedules `fn` after `ms` milliseconds. */
  setTimeout(fn: () => void, ms: number): unknown;
  /** Cancels a timer returned by `setTimeout`. */
  clearTimeout(handle: unknown): void;
}

/** Options of one outbound request. */
export interface RequestOptions {
  /** Aborts the request: rejects it locally and sends `notifications/cancelled` to the peer. */
  signal?: AbortSignal;
  /** Milliseconds to wait for the response (default from {@link SessionOptions.requestTimeout}, 60 000). */
  timeout?: number;
  /** Whether a progress notification restarts the timeout (default `true`). */
  resetTimeoutOnProgress?: boolean;
  /** Upper bound in milliseconds on the total wait, progress or not (default: none). */
  maxTotalTimeout?: number;
  /**
   * Receives progress notifications for this request. When set, the session puts a
   * `progressToken` in `params._meta`.
   */
  onprogress?: (progress: ProgressUpdate) => void;
  /** The inbound request this request is sent on behalf of (routes it on multiplexing transports). */
  relatedRequestId?: RequestId;
}

/** Options of one outbound notification. */
export interface NotificationOptions {
  /** The inbound request this notification belongs to (progress, log messages). */
  relatedRequestId?: RequestId;
}

/** What a request handler gets besides the request itself. */
export interface RequestContext {
  /** The id of the request being handled. */
  readonly requestId: RequestId;
  /** The method being handled. */
  readonly method: string;
  /** Aborted when the peer cancels the request, the connection closes or the handler times out. */
  readonly signal: AbortSignal;
  /** True once the request is cancelled; unlike reading `signal`, this creates no `AbortSignal`. */
  readonly aborted: boolean;
  /** Transport facts for the request (HTTP headers, auth, session id). */
  readonly info: MessageInfo | undefined;
  /** The session the request arrived on (roles keep per-connection state keyed by it). */
  readonly session: SessionApi;
  /** `params._meta.progressToken`, if the peer asked for progress. */
  readonly progressToken: string | number | undefined;
  /** Sends a notification tied to this request (routed with `relatedRequestId`). */
  notify(method: string, params?: ParamsObject): Promise<void>;
  /**
   * Sends `notifications/progress` for this request. A no-op when the peer sent no progress token.
   */
  progress(progress: number, total?: number, message?: string): Promise<void>;
  /** Sends a request to the peer on behalf of this request (legacy-era server-to-client requests). */
  request(method: string, params?: ParamsObject, options?: RequestOptions): Promise<ResultObject>;
}

/** Handles one inbound request. Return the result object, or throw (an `McpError` goes to the wire as is). */
export type RequestHandler = (request: JSONRPCRequest, ctx: RequestContext) => ResultObject | Promise<ResultObject>;

/** Handles one inbound notification. Errors thrown are reported to `onerror`, never to the peer. */
export type NotificationHandler = (notification: JSONRPCNotification, info: MessageInfo | undefined) => void | Promise<void>;

/**
 * Handlers shared by many sessions. A server builds one table and hands it to every session it
 * opens, so opening a session (one per stateless HTTP request) costs no handler registration.
 */
export interface HandlerTable {
  /** Request handlers by method. */
  readonly requests: ReadonlyMap<string, RequestHandler>;
  /** Notification handlers by method. */
  readonly notifications: ReadonlyMap<string, NotificationHandler>;
  /** Called for requests with no handler; when absent such requests get -32601 Method not found. */
  readonly fallbackRequest?: RequestHandler | undefined;
}

/** What roles use of a session. Implemented by `Session`. */
export interface SessionApi {
  /** Installs the transport callbacks and starts the transport. */
  start(): Promise<void>;
  /**
   * Sends a request and resolves with its result object. Rejects with an `McpError` for an error
   * response, or an `McpkitError` (`MCPKIT_TIMEOUT`, `MCPKIT_CANCELLED`, `MCPKIT_CONNECTION_CLOSED`,
   * `MCPKIT_NOT_CONNECTED`).
   */
  request(method: string, params?: ParamsObject, options?: RequestOptions): Promise<ResultObject>;
  /** Sends a notification. */
  notify(method: string, params?: ParamsObject, options?: NotificationOptions): Promise<void>;
  /** Registers (or replaces) this session's own handler for a method; it wins over the shared table. */
  setRequestHandler(method: string, handler: RequestHandler): void;
  /** Removes this session's own handler for a method. */
  removeRequestHandler(method: string): void;
  /** Registers (or replaces) this session's own notification handler for a method. */
  setNotificationHandler(method: string, handler: NotificationHandler): void;
  /** Closes the transport; every pending outbound request rejects with `MCPKIT_CONNECTION_CLOSED`. */
  close(): Promise<void>;
  /** True once the session has closed. */
  readonly closed: boolean;
  /** Called once after the session has closed. */
  onclose?: (() => void) | undefined;
  /** Called for errors that do not close the session (a handler threw, an unknown response id). */
  onerror?: ((error: Error) => void) | undefined;
}

/** Options of a session. Every limit has a default. */
export interface SessionOptions {
  /** Default timeout of outbound requests in ms. Default 60 000. */
  requestTimeout?: number;
  /** Default upper bound on total wait of outbound requests in ms. Default: none. */
  maxTotalTimeout?: number;
  /** Whether progress restarts the timeout by default. Default `true`. */
  resetTimeoutOnProgress?: boolean;
  /**
   * Inbound requests handled at once. Further requests wait in a queue. Default 64.
   */
  maxConcurrentRequests?: number;
  /**
   * Inbound requests allowed to wait for a free slot. Past this the request is answered at once
   * with an error. Default 1024.
   */
  maxQueuedRequests?: number;
  /** Generates ids of outbound requests. Default: increasing integers from 1. */
  generateId?: () => RequestId;
  /** Timers (default: the global `setTimeout`/`clearTimeout`). */
  timers?: Timers;
  /** A handler table shared with other sessions (looked up after the session's own handlers). */
  handlers?: HandlerTable;
}
