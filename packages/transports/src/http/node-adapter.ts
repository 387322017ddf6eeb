/**
 * The `node:http` adapter: runs a Web-standard `(Request) => Promise<Response>` handler on
 * `IncomingMessage`/`ServerResponse` (plain node:http, Express, Fastify's raw objects).
 * The only file of the HTTP transports that imports `node:*`.
 *
 * @module
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Web-standard HTTP handler. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** A node:http request listener. */
export type NodeRequestListener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/**
 * The request body as a Web stream. Not `Readable.toWeb`: cancelling that on Node 20 throws
 * "Controller is already closed" later. A cancelled body is drained and the connection closed
 * after the response, so unread bytes are never parsed as the next request.
 */
function bodyOf(req: IncomingMessage, res: ServerResponse): ReadableStream<Uint8Array> {
  let done = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer) => {
        if (done) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 1) <= 0) req.pause();
      });
      req.on('end', () => {
        if (done) return;
        done = true;
        controller.close();
      });
      const fail = (error: Error): void => {
        if (done) return;
        done = true;
        controller.error(error);
      };
      req.on('error', fail);
      // A client that disconnects mid-upload may emit only 'close'.
      req.on('close', () => fail(new Error('The client disconnected before sending the whole body')));
      req.pause();
    },
    pull() {
      req.resume();
    },
    cancel() {
      done = true;
      if (!req.complete) res.setHeader('connection', 'close');
      req.resume();
    },
  });
}

function toRequest(req: IncomingMessage, res: ServerResponse): Request {
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `http://${host}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    else headers.set(name, value);
  }
  const controller = new AbortController();
  // The socket closing before the response finished is the client going away.
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal: controller.signal };
  if (method !== 'GET' && method !== 'HEAD') {
    // Express and Fastify may have parsed the body already; re-serialise it then.
    const parsed = (req as IncomingMessage & { body?: unknown }).body;
    if (parsed !== undefined) {
      init.body = typeof parsed === 'string' ? parsed : parsed instanceof Uint8Array ? new TextDecoder().decode(parsed) : JSON.stringify(parsed);
      headers.delete('content-length');
    } else {
      init.body = bodyOf(req, res);
      init.duplex = 'half';
    }
  }
  return new Request(url, init);
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const close = res.getHeader('connection');
  if (close !== undefined) headers.connection = String(close);
  res.writeHead(response.status, headers);
  if (response.body === null) {
    res.end();
    return;
  }
  res.flushHeaders();
  const reader = response.body.getReader();
  const onClose = (): void => void reader.cancel().catch(() => undefined);
  res.on('close', onClose);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          res.once('drain', resolve);
          res.once('close', resolve);
        });
      }
      if (res.destroyed) break;
    }
  } catch {
    // The handler's stream errored or the client left; nothing more can be written.
  } finally {
    res.off('close', onClose);
    res.end();
  }
}

/**
 * Adapts a Web-standard handler to node:http, Express (`app.all('/mcp', toNodeListener(h))`) or
 * Fastify (`reply.hijack(); await listener(request.raw, reply.raw)`).
 */
export function toNodeListener(handler: FetchHandler): NodeRequestListener {
  return async (req, res) => {
    let response: Response;
    try {
      response = await handler(toRequest(req, res));
    } catch {
      response = new Response(null, { status: 500 });
    }
    await writeResponse(response, res);
  };
}

/** Options of {@link serve}. */
export interface ServeOptions {
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** Address to bind. Default `127.0.0.1` (localhost only). */
  host?: string;
}

/** A running server started by {@link serve}. */
export interface ServedHandler {
  /** The base URL, e.g. `http://127.0.0.1:53121/`. */
  readonly url: URL;
  /** The bound port. */
  readonly port: number;
  /** The bound address. */
  readonly host: string;
  /** The underlying node:http server. */
  readonly server: Server;
  /** Stops listening and drops open connections (SSE streams included). */
  close(): Promise<void>;
}

/**
 * Development helper: serves `handler` on node:http, bound to localhost unless told otherwise.
 *
 * @example
 * ```ts
 * const served = await serve(createStreamableHttpHandler(server), { port: 0 });
 * console.log(`MCP endpoint: ${new URL('/mcp', served.url)}`);
 * ```
 */
export function serve(handler: FetchHandler, options: ServeOptions = {}): Promise<ServedHandler> {
  const host = options.host ?? '127.0.0.1';
  const listener = toNodeListener(handler);
  const server = createServer((req, res) => void listener(req, res));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      const urlHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve({
        url: new URL(`http://${urlHost}:${address.port}/`),
        port: address.port,
        host: address.address,
        server,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
