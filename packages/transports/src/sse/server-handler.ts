/**
 * The HTTP+SSE (2024-11-05) server end, Web-standard: GET opens a stream whose first event,
 * `endpoint`, names the URL to POST messages to; each POST is answered 202 and the responses
 * travel on the stream.
 *
 * @module
 */
import { ErrorCode, type MessageInfo, type Timers } from '@mcpkit/core';
import { runAuthenticate, type Authenticate, type AuthInfo } from '../http/authenticate.js';
import { accepts, isJsonContentType } from '../http/content-negotiation.js';
import { corsHeaders, preflightResponse, withHeaders, type CorsOptions } from '../http/cors.js';
import { parseJsonRpcBody } from '../http/parse-body.js';
import { readBodyText } from '../http/read-body.js';
import { emptyResponse, jsonResponse, jsonRpcErrorResponse } from '../http/responses.js';
import { checkHostAndOrigin, type DnsRebindingOptions } from '../http/security.js';
import { createSseWriter, sseResponse } from '../http/sse-writer.js';
import { randomSessionId } from '../streamable-http/legacy-sessions.js';
import type { ConnectableServer } from '../streamable-http/options.js';
import { SseServerTransport } from './server-transport.js';

/** Options of {@link createSseHandler}. Secure by default. */
export interface SseHandlerOptions {
  /** Path messages are POSTed to (sent in the `endpoint` event). Default: the GET's own path. */
  messagesPath?: string;
  /** `Host`/`Origin` allow-lists (403 otherwise). Default: loopback only. `false` disables. */
  dnsRebindingProtection?: DnsRebindingOptions | false;
  /** CORS for browser clients. Default: off. */
  cors?: CorsOptions;
  /** Largest accepted POST body in bytes (413 past it). Default 4 MiB. */
  maxBodyBytes?: number;
  /** Streams open at once; a GET past this gets 503. Default 10 000. */
  maxConnections?: number;
  /** Keep-alive comment interval in ms; 0 disables. Default 15 000. */
  keepAliveMs?: number;
  /** Session id generator. Default: 128 random bits as hex. */
  generateSessionId?: () => string;
  /** Timers (default: the global ones). */
  timers?: Timers;
  /** Authenticates every request; its facts reach handlers as `authInfo`. Throw to refuse (401). */
  authenticate?: Authenticate;
}

/** An HTTP+SSE endpoint handler; `close()` ends every stream. */
export interface SseHandler {
  /** Serves one HTTP request. Never rejects. */
  (request: Request): Promise<Response>;
  /** Closes every connection. */
  close(): Promise<void>;
  /** Connections open now. */
  readonly size: number;
}

/**
 * Creates a handler for the deprecated HTTP+SSE transport, for clients that speak only
 * 2024-11-05. Mount it on the GET path and the messages path.
 *
 * @example
 * ```ts
 * const sse = createSseHandler(server, { messagesPath: '/messages' });
 * // route GET /sse and POST /messages to `sse`
 * ```
 */
export function createSseHandler(server: ConnectableServer, options: SseHandlerOptions = {}): SseHandler {
  const connections = new Map<string, SseServerTransport>();
  const maxBodyBytes = options.maxBodyBytes ?? 4 * 1024 * 1024;

  const open = async (request: Request, headers: Record<string, string>): Promise<Response> => {
    if (!accepts(request.headers.get('accept'), 'text/event-stream')) {
      return jsonRpcErrorResponse(406, ErrorCode.InvalidRequest, 'Not acceptable: Accept must allow text/event-stream', null, headers);
    }
    if (connections.size >= (options.maxConnections ?? 10_000)) {
      return jsonRpcErrorResponse(503, ErrorCode.InternalError, 'Too many connections; try again later', null, headers);
    }
    const id = (options.generateSessionId ?? randomSessionId)();
    let transport: SseServerTransport | undefined;
    const writer = createSseWriter({
      keepAliveMs: options.keepAliveMs ?? 15_000,
      timers: options.timers,
      onCancel: () => void transport?.close(),
    });
    transport = new SseServerTransport(id, writer);
    connections.set(id, transport);
    try {
      await server.connect(transport);
    } catch {
      connections.delete(id);
      writer.close();
      return jsonRpcErrorResponse(500, ErrorCode.InternalError, 'Internal error', null, headers);
    }
    const serverClose = transport.onclose;
    transport.onclose = () => {
      serverClose?.();
      connections.delete(id);
    };
    const endpoint = `${options.messagesPath ?? new URL(request.url).pathname}?sessionId=${encodeURIComponent(id)}`;
    writer.write({ event: 'endpoint', data: endpoint });
    return sseResponse(writer, headers);
  };

  const receive = async (request: Request, headers: Record<string, string>, authInfo: AuthInfo | undefined): Promise<Response> => {
    const id = new URL(request.url).searchParams.get('sessionId');
    if (id === null) return jsonRpcErrorResponse(400, ErrorCode.InvalidRequest, 'Bad request: sessionId query parameter is required', null, headers);
    const transport = connections.get(id);
    if (transport === undefined) return jsonRpcErrorResponse(404, ErrorCode.InvalidRequest, 'Session not found', null, headers);
    if (!isJsonContentType(request.headers.get('content-type'))) {
      return jsonRpcErrorResponse(415, ErrorCode.InvalidRequest, 'Unsupported media type: Content-Type must be application/json', null, headers);
    }
    const body = await readBodyText(request, maxBodyBytes);
    if (!body.ok) {
      return body.reason === 'too-large'
        ? jsonRpcErrorResponse(413, ErrorCode.InvalidRequest, `Request body larger than ${maxBodyBytes} bytes`, null, headers)
        : jsonRpcErrorResponse(400, ErrorCode.ParseError, 'Parse error: the body could not be read', null, headers);
    }
    const parsed = parseJsonRpcBody(body.text);
    if (!parsed.ok) return jsonResponse(parsed.body, 400, headers);
    const requestHeaders: Record<string, string> = {};
    request.headers.forEach((v, k) => {
      requestHeaders[k] = v;
    });
    const info: MessageInfo = { headers: requestHeaders, sessionId: id, ...(authInfo === undefined ? {} : { authInfo }) };
    for (const message of parsed.messages) transport.deliver(message, info);
    return new Response('Accepted', { status: 202, headers });
  };

  const dispatch = async (request: Request): Promise<Response> => {
    const cors = corsHeaders(request, options.cors);
    if (request.method === 'OPTIONS' && options.cors !== undefined) return preflightResponse(request, options.cors);
    const refused = checkHostAndOrigin(request, options.dnsRebindingProtection);
    if (refused !== undefined) return jsonRpcErrorResponse(403, ErrorCode.InvalidRequest, `Forbidden: ${refused === 'host' ? 'Host' : 'Origin'} not allowed`, null, cors);
    const auth = await runAuthenticate(options.authenticate, request);
    if (!auth.ok) return withHeaders(auth.response, cors);
    if (request.method === 'GET') return open(request, cors);
    if (request.method === 'POST') return receive(request, cors, auth.authInfo);
    return emptyResponse(405, { ...cors, allow: 'GET, POST' });
  };

  const handler = async (request: Request): Promise<Response> => {
    try {
      return await dispatch(request);
    } catch {
      return withHeaders(jsonRpcErrorResponse(500, ErrorCode.InternalError, 'Internal error'), corsHeaders(request, options.cors));
    }
  };
  const result = Object.assign(handler, {
    close: async () => {
      await Promise.all([...connections.values()].map((t) => t.close()));
    },
  });
  Object.defineProperty(result, 'size', { get: () => connections.size });
  return result as SseHandler;
}
