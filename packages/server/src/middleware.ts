/**
 * Middleware around every request: logging, auth checks, metrics.
 *
 * @module
 */
import type { CapabilitiesObject, Era, ImplementationInfo, MessageInfo, RequestId, ResultObject } from '@mcpkit/core';

/** What middleware sees of a request. */
export interface MiddlewareRequest {
  /** The method. */
  readonly method: string;
  /** The params as received. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The JSON-RPC id. */
  readonly requestId: RequestId;
  /** The era the request is served in. */
  readonly era: Era;
  /** Its protocol version. */
  readonly protocolVersion: string;
  /** The client, as far as known. */
  readonly client: { readonly info: ImplementationInfo | undefined; readonly capabilities: CapabilitiesObject };
  /** Transport facts (headers, auth info, session id). */
  readonly transport: MessageInfo | undefined;
}

/**
 * Runs around a request: call `next()` to continue, throw an `McpError` to refuse it.
 *
 * @example
 * ```ts
 * const requireAuth: Middleware = (req, next) => {
 *   if (req.transport?.authInfo === undefined) throw new McpError(ErrorCode.InvalidRequest, 'Unauthorized');
 *   return next();
 * };
 * ```
 */
export type Middleware = (request: MiddlewareRequest, next: () => Promise<ResultObject>) => Promise<ResultObject>;

/** One finished request, as {@link observe} reports it. */
export interface RequestEvent {
  /** The request. */
  readonly request: MiddlewareRequest;
  /** The result, when it succeeded. */
  readonly result?: ResultObject;
  /** The error, when it failed. */
  readonly error?: unknown;
  /** Wall time in ms. */
  readonly durationMs: number;
}

/**
 * A middleware that reports every request after it finished (method, params, result or error,
 * duration), for logs and metrics.
 *
 * @example
 * ```ts
 * new McpServer(info, { middleware: [observe((e) => console.error(e.request.method, e.durationMs))] });
 * ```
 */
export function observe(listener: (event: RequestEvent) => void, now: () => number = () => performance.now()): Middleware {
  return async (request, next) => {
    const start = now();
    try {
      const result = await next();
      listener({ request, result, durationMs: now() - start });
      return result;
    } catch (error) {
      listener({ request, error, durationMs: now() - start });
      throw error;
    }
  };
}

/** Composes middleware around `handler`, outermost first. */
export function compose(middleware: readonly Middleware[], request: MiddlewareRequest, handler: () => Promise<ResultObject>): Promise<ResultObject> {
  const step = (index: number): Promise<ResultObject> => {
    const current = middleware[index];
    if (current === undefined) return handler();
    let called = false;
    return current(request, () => {
      if (called) return Promise.reject(new Error('next() called twice'));
      called = true;
      return step(index + 1);
    });
  };
  return step(0);
}
