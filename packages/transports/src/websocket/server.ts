/**
 * The WebSocket server end (not a spec transport; a documented extra): a `ws` server that hands
 * each connection to `server.connect` as a {@link WebSocketServerTransport}.
 *
 * @module
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { WebSocket as WsSocket, WebSocketServer as WsServer } from 'ws';
import type { Timers } from '@mcpkit/core';
import { runAuthenticate, type Authenticate, type AuthInfo } from '../http/authenticate.js';
import { checkHostAndOrigin, type DnsRebindingOptions } from '../http/security.js';
import type { ConnectableServer } from '../streamable-http/options.js';
import { MCP_SUBPROTOCOL, WebSocketCloseCode } from './close-codes.js';
import { WebSocketServerTransport } from './server-transport.js';

/** Options of {@link createWebSocketServer}. Secure by default. */
export interface WebSocketServerOptions {
  /** Port to listen on (0 picks one). Ignored with `httpServer`. Default 0. */
  port?: number;
  /** Address to bind. Default `127.0.0.1`. Ignored with `httpServer`. */
  host?: string;
  /** Attach to an existing node:http server's upgrades instead of listening. */
  httpServer?: HttpServer;
  /** Only upgrades to this path are accepted. Default `/mcp`. */
  path?: string;
  /** Largest accepted message in bytes; a bigger one closes the connection with 1009. Default 4 MiB. */
  maxPayload?: number;
  /**
   * Largest message sent to a client, in bytes (its `maxPayload`); a bigger one fails only its
   * request instead of closing the connection. Default 4 MiB.
   */
  maxOutboundPayload?: number;
  /** Connections open at once; further upgrades get 503. Default 10 000. */
  maxConnections?: number;
  /** Ping interval in ms (0 disables). Default 30 000. */
  pingIntervalMs?: number;
  /** Outbound bytes buffered before reading pauses. Default 1 MiB. */
  maxBufferedBytes?: number;
  /** Inbound messages queued per connection before reading pauses. Default 256. */
  maxQueuedMessages?: number;
  /** `Host`/`Origin` allow-lists for the upgrade (403 otherwise). Default: loopback only. */
  dnsRebindingProtection?: DnsRebindingOptions | false;
  /** Authenticates the upgrade; its facts reach handlers as `authInfo`. Throw to refuse (401). */
  authenticate?: Authenticate;
  /** Timers (default: the global ones). */
  timers?: Timers;
}

/** A running WebSocket MCP server. */
export interface RunningWebSocketServer {
  /** `ws://host:port/path` of the endpoint. */
  readonly url: URL;
  /** Connections open now. */
  readonly size: number;
  /** Closes every connection (1001) and stops accepting. */
  close(): Promise<void>;
}

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function toRequest(req: IncomingMessage): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
  return new Request(`http://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`, { headers });
}

/**
 * Serves MCP over WebSocket (subprotocol `mcp`). Loads `ws` on demand, so importing this module
 * costs nothing in a browser bundle that only uses the client.
 *
 * @example
 * ```ts
 * const wss = await createWebSocketServer(server, { port: 0 });
 * const client = new WebSocketClientTransport(wss.url);
 * ```
 */
export async function createWebSocketServer(server: ConnectableServer, options: WebSocketServerOptions = {}): Promise<RunningWebSocketServer> {
  const { WebSocketServer } = await import('ws');
  const path = options.path ?? '/mcp';
  const maxConnections = options.maxConnections ?? 10_000;
  const wss: WsServer = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxPayload ?? 4 * 1024 * 1024,
    handleProtocols: (protocols) => (protocols.has(MCP_SUBPROTOCOL) ? MCP_SUBPROTOCOL : false),
  });
  const { createServer } = await import('node:http');
  const http = options.httpServer ?? createServer((_req, res) => res.writeHead(426, { connection: 'close' }).end());

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const request = toRequest(req);
    if (new URL(request.url).pathname !== path) return refuse(socket, 404, 'Not Found');
    if (checkHostAndOrigin(request, options.dnsRebindingProtection) !== undefined) return refuse(socket, 403, 'Forbidden');
    const offered = (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim());
    if (!offered.includes(MCP_SUBPROTOCOL)) return refuse(socket, 400, 'Bad Request');
    if (wss.clients.size >= maxConnections) return refuse(socket, 503, 'Service Unavailable');
    void runAuthenticate(options.authenticate, request).then((auth) => {
      if (!auth.ok) return refuse(socket, auth.response.status, auth.response.statusText || 'Unauthorized');
      wss.handleUpgrade(req, socket, head, (ws: WsSocket) => void accept(ws, req, auth.authInfo));
    });
  };

  const accept = async (ws: WsSocket, req: IncomingMessage, authInfo: AuthInfo | undefined): Promise<void> => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
    const transport = new WebSocketServerTransport(ws, {
      pingIntervalMs: options.pingIntervalMs,
      maxBufferedBytes: options.maxBufferedBytes,
      maxQueuedMessages: options.maxQueuedMessages,
      maxOutboundPayload: options.maxOutboundPayload,
      timers: options.timers,
      info: authInfo === undefined ? { headers } : { headers, authInfo },
    });
    try {
      await server.connect(transport);
    } catch {
      ws.close(WebSocketCloseCode.InternalError, 'Internal error');
    }
  };

  http.on('upgrade', onUpgrade);
  if (options.httpServer === undefined) {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
  }
  const address = http.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: new URL(`ws://${host}:${address.port}${path}`),
    get size() {
      return wss.clients.size;
    },
    close: async () => {
      http.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.close(WebSocketCloseCode.GoingAway, 'Server closing');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      if (options.httpServer === undefined) {
        http.closeAllConnections();
        await new Promise<void>((resolve) => http.close(() => resolve()));
      }
    },
  };
}
