/**
 * Modern-era (2026-07-28) POST handling: stateless, one fresh transport per request.
 *
 * @module
 */
import {
  ErrorCode,
  McpError,
  MetaKey,
  readRequestMeta,
  isJSONRPCErrorResponse,
  isJSONRPCRequest,
  isJSONRPCResponse,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type MessageInfo,
  type WireError,
} from '@mcpkit/core';
import { emptyResponse, jsonRpcErrorResponse } from '../http/responses.js';
import type { ConnectableServer, ModernRequestOptions, ResolvedHandlerOptions } from './options.js';
import { PostResponder, type ResponseMode } from './post-responder.js';
import { RequestTransport } from './request-transport.js';
import { checkRequestMetadataHeaders } from './request-metadata.js';

/** What the dispatcher knows about a modern POST. */
export interface ModernPost {
  readonly request: Request;
  readonly message: JSONRPCMessage;
  readonly bodyVersion: string | undefined;
  readonly mode: ResponseMode;
  readonly headers: Record<string, string>;
  readonly info: MessageInfo;
}

const HTTP_400_CODES = new Set<number>([
  ErrorCode.HeaderMismatch,
  ErrorCode.UnsupportedProtocolVersion,
  ErrorCode.MissingRequiredClientCapability,
  ErrorCode.InvalidRequest,
  ErrorCode.ParseError,
]);

/** HTTP status of a modern JSON answer: the spec maps some JSON-RPC errors to 400 and 404. */
export function modernStatusFor(responses: readonly JSONRPCMessage[]): number {
  const first = responses[0];
  if (first === undefined || !isJSONRPCResponse(first) || !isJSONRPCErrorResponse(first)) return 200;
  if (first.error.code === ErrorCode.MethodNotFound) return 404;
  return HTTP_400_CODES.has(first.error.code) ? 400 : 200;
}

/** Counts modern requests in flight against `maxConcurrentRequests`. */
export interface InFlightLimiter {
  /** Takes a slot; false when none is free. */
  acquire(): boolean;
  /** Gives a slot back. */
  release(): void;
}

/** A limiter of `max` slots. */
export function inFlightLimiter(max: number): InFlightLimiter {
  let used = 0;
  return {
    acquire: () => (used < max ? (used++, true) : false),
    release: () => {
      used = Math.max(0, used - 1);
    },
  };
}

/** Why a modern request's `_meta` envelope is unusable, as a wire error, or `undefined`. */
function envelopeProblem(message: JSONRPCRequest): WireError | undefined {
  try {
    if (readRequestMeta(message.params) !== undefined) return undefined;
  } catch (error) {
    if (error instanceof McpError) return error.toWire();
    return { code: ErrorCode.InvalidParams, message: 'Invalid params: malformed _meta' };
  }
  return { code: ErrorCode.InvalidParams, message: `Invalid params: _meta["${MetaKey.ProtocolVersion}"] is required` };
}

/** Serves one modern POST on a fresh {@link RequestTransport}. */
export async function handleModernPost(
  server: ConnectableServer,
  post: ModernPost,
  options: ModernRequestOptions,
  resolved: ResolvedHandlerOptions,
  limiter: InFlightLimiter,
): Promise<Response> {
  const { message, request, headers } = post;
  if (isJSONRPCResponse(message)) {
    return jsonRpcErrorResponse(400, ErrorCode.InvalidRequest, 'Invalid request: clients do not send responses in this protocol version', null, headers);
  }
  if (isJSONRPCRequest(message)) {
    // A modern request without its _meta envelope is invalid params, answered by the binding with 400.
    const invalid = envelopeProblem(message);
    if (invalid !== undefined) return jsonRpcErrorResponse(400, invalid.code, invalid.message, message.id, headers, invalid.data);
    const name = message.method === 'tools/call' ? message.params?.name : undefined;
    const params = typeof name === 'string' ? options.headerParams?.(name) : undefined;
    const problem = checkRequestMetadataHeaders(request.headers, message, post.bodyVersion, params);
    if (problem !== undefined) return jsonRpcErrorResponse(400, ErrorCode.HeaderMismatch, problem, message.id, headers);
  }
  if (!limiter.acquire()) {
    const id = isJSONRPCRequest(message) ? message.id : null;
    return jsonRpcErrorResponse(503, ErrorCode.InternalError, 'Server busy; retry later', id, { ...headers, 'retry-after': '1' });
  }
  const abort = new AbortController();
  const info: MessageInfo = { ...post.info, signal: abort.signal };
  let transport: RequestTransport;
  if (!isJSONRPCRequest(message)) {
    transport = new RequestTransport(undefined, undefined);
  } else {
    const responder = new PostResponder({
      mode: post.mode,
      batch: false,
      headers,
      statusFor: modernStatusFor,
      keepAliveMs: resolved.keepAliveMs,
      timers: resolved.timers,
      // Closing the response stream is the cancellation signal of this era.
      onCancel: () => {
        abort.abort();
        void transport.close();
      },
    });
    transport = new RequestTransport(message.id, responder, () => limiter.release());
    request.signal.addEventListener('abort', () => {
      if (!responder.finished) {
        abort.abort();
        void transport.close();
      }
    }, { once: true });
    try {
      await server.connect(transport);
    } catch {
      limiter.release();
      return jsonRpcErrorResponse(500, ErrorCode.InternalError, 'Internal error', message.id, headers);
    }
    transport.deliver(message, info);
    return responder.response;
  }
  try {
    await server.connect(transport);
    transport.deliver(message, info);
  } finally {
    await transport.close();
    limiter.release();
  }
  return emptyResponse(202, headers);
}
