/**
 * The Streamable HTTP server end: a Web-standard `(Request) => Promise<Response>` that serves the
 * modern era (stateless, per-request transports) and the legacy era (sessions, GET stream,
 * resumption) from one endpoint.
 *
 * @module
 */
import { ErrorCode, LEGACY_PROTOCOL_VERSIONS, MODERN_PROTOCOL_VERSIONS, MetaKey, eraOf, isJSONRPCRequest, isSupportedProtocolVersion, type JSONRPCMessage, type MessageInfo } from '@mcpkit/core';
import { runAuthenticate, type AuthInfo } from '../http/authenticate.js';
import { accepts, isJsonContentType } from '../http/content-negotiation.js';
import { corsHeaders, preflightResponse, withHeaders } from '../http/cors.js';
import { parseJsonRpcBody } from '../http/parse-body.js';
import { readBodyText } from '../http/read-body.js';
import { emptyResponse, jsonResponse, jsonRpcErrorResponse } from '../http/responses.js';
import { checkHostAndOrigin } from '../http/security.js';
import { LegacySessions } from './legacy-sessions.js';
import type { LegacySessionTransport } from './legacy-session.js';
import { handleModernPost, inFlightLimiter } from './modern-handler.js';
import { STREAMABLE_HTTP_DEFAULTS, type ConnectableServer, type ResolvedHandlerOptions, type StreamableHttpHandlerOptions } from './options.js';
import type { ResponseMode } from './post-responder.js';
import { readHeaderParams, type HeaderParam } from './x-mcp-header.js';

/** A Streamable HTTP endpoint: call it with each `Request`; `close()` ends every legacy session. */
export interface StreamableHttpHandler {
  /** Serves one HTTP request. Never rejects: every failure is an HTTP error response. */
  (request: Request): Promise<Response>;
  /** Closes every legacy session. */
  close(): Promise<void>;
  /** The transport of an open legacy session (for `closeSseStream`). */
  session(sessionId: string): LegacySessionTransport | undefined;
}

function bodyVersionOf(message: JSONRPCMessage | undefined): string | undefined {
  if (message === undefined || !('method' in message)) return undefined;
  const meta = (message.params as Record<string, unknown> | undefined)?._meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const version = (meta as Record<string, unknown>)[MetaKey.ProtocolVersion];
  return typeof version === 'string' ? version : undefined;
}

/** True for a request whose `params._meta` carries a `progressToken`. */
function asksForProgress(message: JSONRPCMessage): boolean {
  if (!isJSONRPCRequest(message)) return false;
  const meta: unknown = message.params?._meta;
  if (typeof meta !== 'object' || meta === null) return false;
  const token = (meta as Record<string, unknown>).progressToken;
  return typeof token === 'string' || typeof token === 'number';
}

/** `x-mcp-header` lookups from the server's tool schemas, parsed once per schema object. */
function headerParamsFromServer(server: ConnectableServer): ((tool: string) => readonly HeaderParam[] | undefined) | undefined {
  if (typeof server.toolInputSchema !== 'function') return undefined;
  const cache = new WeakMap<object, readonly HeaderParam[] | undefined>();
  return (tool) => {
    const schema = server.toolInputSchema?.(tool);
    if (typeof schema !== 'object' || schema === null) return undefined;
    if (!cache.has(schema)) {
      const read = readHeaderParams(schema);
      cache.set(schema, read.ok ? read.params : undefined);
    }
    return cache.get(schema);
  };
}

function headerRecord(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = value;
  });
  return out;
}

/**
 * Creates the handler of an MCP endpoint. Mount it at one path (e.g. `/mcp`) of any server that
 * speaks the Fetch API (Hono, Workers, Bun, Deno) or of node:http through `toNodeListener`.
 *
 * @example
 * ```ts
 * const handler = createStreamableHttpHandler(server, { cors: { origins: ['https://app.example'] } });
 * const served = await serve(handler, { port: 3000 }); // http://127.0.0.1:3000
 * ```
 */
export function createStreamableHttpHandler(
  server: ConnectableServer,
  options: StreamableHttpHandlerOptions = {},
): StreamableHttpHandler {
  const resolved: ResolvedHandlerOptions = {
    responseMode: options.responseMode ?? 'auto',
    keepAliveMs: options.keepAliveMs ?? STREAMABLE_HTTP_DEFAULTS.keepAliveMs,
    timers: options.timers,
  };
  const maxBodyBytes = options.maxBodyBytes ?? STREAMABLE_HTTP_DEFAULTS.maxBodyBytes;
  const sessions = options.legacy === false ? undefined : new LegacySessions(server, options.legacy ?? {}, resolved);
  const modern = options.modern === false ? undefined : (options.modern ?? {});
  const headerParams = modern?.headerParams ?? headerParamsFromServer(server);
  const modernOptions = modern === undefined ? undefined : { ...modern, headerParams };
  const limiter = inFlightLimiter(modern?.maxConcurrentRequests ?? STREAMABLE_HTTP_DEFAULTS.maxConcurrentRequests);

  const post = async (request: Request, headers: Record<string, string>, authInfo: AuthInfo | undefined): Promise<Response> => {
    if (!isJsonContentType(request.headers.get('content-type'))) {
      return jsonRpcErrorResponse(415, ErrorCode.InvalidRequest, 'Unsupported media type: Content-Type must be application/json', null, headers);
    }
    const accept = request.headers.get('accept');
    const json = accepts(accept, 'application/json');
    const sse = accepts(accept, 'text/event-stream');
    if (!json && !sse) {
      return jsonRpcErrorResponse(406, ErrorCode.InvalidRequest, 'Not acceptable: Accept must allow application/json and text/event-stream', null, headers);
    }
    const body = await readBodyText(request, maxBodyBytes);
    if (!body.ok) {
      return body.reason === 'too-large'
        ? jsonRpcErrorResponse(413, ErrorCode.InvalidRequest, `Request body larger than ${maxBodyBytes} bytes`, null, headers)
        : jsonRpcErrorResponse(400, ErrorCode.ParseError, 'Parse error: the body could not be read', null, headers);
    }
    const parsed = parseJsonRpcBody(body.text);
    if (!parsed.ok) return jsonResponse(parsed.body, 400, headers);
    // A JSON answer holds the response alone, so progress could only travel apart from it and arrive
    // after it (or, modern, nowhere): a client that accepts SSE and asks for progress gets it on the POST.
    const preferred = resolved.responseMode === 'json' && parsed.messages.some(asksForProgress) ? 'auto' : resolved.responseMode;
    const mode: ResponseMode = !sse ? 'json' : !json ? 'sse' : preferred;
    const info: MessageInfo = { headers: headerRecord(request.headers), ...(authInfo === undefined ? {} : { authInfo }) };
    const single = parsed.batch ? undefined : parsed.messages[0];
    const bodyVersion = bodyVersionOf(single);
    const headerVersion = request.headers.get('mcp-protocol-version');
    const isModern = (bodyVersion !== undefined && eraOf(bodyVersion) === 'modern') || (headerVersion !== null && eraOf(headerVersion) === 'modern');
    if (isModern) {
      if (modernOptions === undefined || single === undefined) {
        const reason = single === undefined ? 'Invalid request: batches are not supported in this protocol version' : 'This server speaks only the legacy protocol versions';
        const code = single === undefined ? ErrorCode.InvalidRequest : ErrorCode.UnsupportedProtocolVersion;
        return jsonRpcErrorResponse(400, code, reason, null, headers, single === undefined ? undefined : { supported: [...LEGACY_PROTOCOL_VERSIONS] });
      }
      // A listen stream is an SSE answer by definition (2026-07-28); a JSON preference would leave it unacknowledged.
      const modernMode: ResponseMode = sse && isJSONRPCRequest(single) && single.method === 'subscriptions/listen' ? 'sse' : mode;
      return handleModernPost(server, { request, message: single, bodyVersion, mode: modernMode, headers, info }, modernOptions, resolved, limiter);
    }
    if (sessions === undefined) {
      return jsonRpcErrorResponse(400, ErrorCode.UnsupportedProtocolVersion, 'This server speaks only protocol version 2026-07-28', null, headers, { supported: [...MODERN_PROTOCOL_VERSIONS] });
    }
    if (headerVersion !== null && !isSupportedProtocolVersion(headerVersion)) {
      return jsonRpcErrorResponse(400, ErrorCode.InvalidRequest, `Bad request: unsupported MCP-Protocol-Version ${headerVersion}`, null, headers);
    }
    if (parsed.batch && headerVersion !== null && headerVersion !== '2025-03-26') {
      return jsonRpcErrorResponse(400, ErrorCode.InvalidRequest, 'Invalid request: batches are only part of protocol version 2025-03-26', null, headers);
    }
    return sessions.handlePost({ request, messages: parsed.messages, batch: parsed.batch, mode, headers, info });
  };

  const dispatch = async (request: Request): Promise<Response> => {
    const cors = corsHeaders(request, options.cors);
    if (request.method === 'OPTIONS' && options.cors !== undefined) return preflightResponse(request, options.cors);
    const refused = checkHostAndOrigin(request, options.dnsRebindingProtection);
    if (refused !== undefined) {
      return jsonRpcErrorResponse(403, ErrorCode.InvalidRequest, `Forbidden: ${refused === 'host' ? 'Host' : 'Origin'} not allowed`, null, cors);
    }
    const version = request.headers.get('mcp-protocol-version');
    if (request.method !== 'POST' && version !== null && !isSupportedProtocolVersion(version)) {
      return jsonRpcErrorResponse(400, ErrorCode.InvalidRequest, `Bad request: unsupported MCP-Protocol-Version ${version}`, null, cors);
    }
    const auth = await runAuthenticate(options.authenticate, request);
    if (!auth.ok) return withHeaders(auth.response, cors);
    switch (request.method) {
      case 'POST':
        return post(request, cors, auth.authInfo);
      case 'GET':
        if (sessions === undefined) return emptyResponse(405, { ...cors, allow: 'POST' });
        if (!accepts(request.headers.get('accept'), 'text/event-stream')) {
          return jsonRpcErrorResponse(406, ErrorCode.InvalidRequest, 'Not acceptable: Accept must allow text/event-stream', null, cors);
        }
        return sessions.handleGet(request, cors);
      case 'DELETE':
        if (sessions === undefined) return emptyResponse(405, { ...cors, allow: 'POST' });
        return sessions.handleDelete(request, cors);
      default:
        return emptyResponse(405, { ...cors, allow: sessions === undefined ? 'POST' : 'GET, POST, DELETE' });
    }
  };

  const handler = async (request: Request): Promise<Response> => {
    try {
      return await dispatch(request);
    } catch {
      // Never let a failure reach the HTTP server, nor its message reach the peer.
      return withHeaders(jsonRpcErrorResponse(500, ErrorCode.InternalError, 'Internal error'), corsHeaders(request, options.cors));
    }
  };
  return Object.assign(handler, {
    close: () => sessions?.closeAll() ?? Promise.resolve(),
    session: (id: string) => sessions?.session(id),
  });
}
