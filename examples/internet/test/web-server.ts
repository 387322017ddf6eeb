/** A real HTTP server on 127.0.0.1 (port 0) with the routes the tests need; it records every request. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/** A route handler. */
export type Route = (req: IncomingMessage, res: ServerResponse) => void;

/** A running test site. */
export interface TestSite {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  /** Requests received: path, Host header and User-Agent. */
  requests: { path: string; host: string; userAgent: string }[];
  close(): Promise<void>;
}

const PAGE = `<!doctype html><html><head><title>  The Test
 Page </title><style>body { color: red }</style><script>alert(1)</script></head>
<body><h1>Hello</h1><p>Some <strong>bold</strong> text and <a href="/next">a link</a>.</p><ul><li>one</li><li>two</li></ul></body></html>`;

/** The default routes; tests add or override some. */
export function defaultRoutes(): Record<string, Route> {
  return {
    '/robots.txt': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('User-agent: *\nDisallow: /private\nAllow: /private/open\n\nUser-agent: other-bot\nDisallow: /\n');
    },
    '/page.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE),
    '/notes.txt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('plain *text* stays as is\n'),
    '/data.json': (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"a":1}'),
    '/latin1.txt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain; charset=iso-8859-1' }).end(Buffer.from([0x63, 0x61, 0x66, 0xe9])),
    '/image.png': (_req, res) => res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(64)),
    '/big.txt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('x'.repeat(100_000)),
    '/gzip.html': (_req, res) => res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync('<p>compressed</p>')),
    '/bomb.txt': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(10_000_000, 0x61))),
    '/redirect': (_req, res) => res.writeHead(302, { location: '/page.html' }).end(),
    '/loop': (_req, res) => res.writeHead(301, { location: '/loop' }).end(),
    '/to-private': (_req, res) => res.writeHead(302, { location: 'http://10.0.0.1/secret' }).end(),
    '/private/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('secret'),
    '/private/open': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('open'),
    '/slow': () => undefined, // never answers
  };
}

/** Starts a site with `routes` (404 for anything else). */
export function startSite(routes: Record<string, Route> = defaultRoutes()): Promise<TestSite> {
  const requests: TestSite['requests'] = [];
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    requests.push({ path, host: req.headers.host ?? '', userAgent: req.headers['user-agent'] ?? '' });
    const route = routes[path.split('?')[0] ?? '/'];
    if (route === undefined) res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    else route(req, res);
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        origin: `http://127.0.0.1:${port}`,
        port,
        requests,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
