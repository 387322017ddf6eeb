/**
 * The matrix harness: one factory per transport that serves a test server and returns a connected
 * `Client`, the eras each transport runs in, and the capability table of what a combination cannot
 * do (and why). Not a test file.
 */
import { fileURLToPath } from 'node:url';
import { Client, type ClientOptions } from '@mcpkit/client';
import type { McpServer } from '@mcpkit/server';
import { serve } from '@mcpkit/transports/http';
import { createMemoryTransportPair } from '@mcpkit/transports/memory';
import { SseClientTransport, createSseHandler } from '@mcpkit/transports/sse';
import { StdioClientTransport } from '@mcpkit/transports/stdio';
import { FallbackHttpClientTransport, StreamableHttpClientTransport, createStreamableHttpHandler, type ResponseMode } from '@mcpkit/transports/streamable-http';
import { WebSocketClientTransport, createWebSocketServer } from '@mcpkit/transports/websocket';

/** The protocol versions the matrix runs: the modern one and two legacy ones. */
export const MODERN = '2026-07-28';
export type MatrixEra = typeof MODERN | '2025-11-25' | '2024-11-05';

/** Every behaviour the shared suite checks, one test each. */
export const FEATURES = [
  'tools/list',
  'tools/call',
  'tools/structured-output',
  'tools/input-validation',
  'resources/list',
  'resources/read-text-and-blob',
  'resources/template-read',
  'resources/subscribe',
  'prompts/list',
  'prompts/get',
  'completion',
  'progress',
  'cancellation',
  'elicitation',
  'sampling',
  'roots',
  'list-changed',
  'errors',
  'concurrency',
  'large-unicode-payload',
] as const;
export type Feature = (typeof FEATURES)[number];

/** A client connected to a served test server, and how to tear both down. */
export interface Connected {
  client: Client;
  close(): Promise<void>;
}

/** Serves `server` (or, for stdio, the same definition in a child) and connects a client with `options`. */
export type ConnectFactory = (server: McpServer, options: ClientOptions) => Promise<Connected>;

/** A transport of the matrix: its factory and the eras it runs in. */
export interface MatrixTransport {
  name: string;
  eras: readonly MatrixEra[];
  connect: ConnectFactory;
  /** True when the client is not pinned: it must find the era (and here the transport) by itself. */
  negotiates?: boolean;
}

const stdioServer = fileURLToPath(new URL('./stdio-server.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

async function connected(client: Client, transport: Parameters<Client['connect']>[0], teardown: () => Promise<void>): Promise<Connected> {
  try {
    await client.connect(transport);
  } catch (error) {
    await teardown();
    throw error;
  }
  return {
    client,
    close: async () => {
      await client.close();
      await teardown();
    },
  };
}

const memory: ConnectFactory = async (server, options) => {
  const [clientTransport, serverTransport] = createMemoryTransportPair();
  await server.connect(serverTransport);
  return connected(new Client({ name: 'matrix', version: '1' }, options), clientTransport, () => server.close());
};

// The server runs in a real child built from the same definition (stdio-server.ts); `server` is unused.
const stdio: ConnectFactory = async (_server, options) => {
  const transport = new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', stdioServer], cwd: repoRoot, stderr: 'inherit' });
  return connected(new Client({ name: 'matrix', version: '1' }, options), transport, async () => undefined);
};

function streamableHttp(responseMode: ResponseMode): ConnectFactory {
  return async (server, options) => {
    const handler = createStreamableHttpHandler(server, { responseMode });
    const served = await serve(handler);
    const transport = new StreamableHttpClientTransport(new URL('/mcp', served.url));
    return connected(new Client({ name: 'matrix', version: '1' }, options), transport, async () => {
      await handler.close();
      await served.close();
      await server.close();
    });
  };
}

const legacySse: ConnectFactory = async (server, options) => {
  const handler = createSseHandler(server, { messagesPath: '/messages' });
  const served = await serve(handler);
  const transport = new SseClientTransport(new URL('/sse', served.url));
  return connected(new Client({ name: 'matrix', version: '1' }, options), transport, async () => {
    await handler.close();
    await served.close();
    await server.close();
  });
};

// A client that knows only a URL: Streamable HTTP is tried first, then HTTP+SSE on the same URL.
const fallbackToSse: ConnectFactory = async (server, options) => {
  const handler = createSseHandler(server, { messagesPath: '/messages' });
  const served = await serve(handler);
  const transport = new FallbackHttpClientTransport(new URL('/sse', served.url));
  return connected(new Client({ name: 'matrix', version: '1' }, options), transport, async () => {
    await handler.close();
    await served.close();
    await server.close();
  });
};

const websocket: ConnectFactory = async (server, options) => {
  const wss = await createWebSocketServer(server, { pingIntervalMs: 0 });
  const transport = new WebSocketClientTransport(wss.url);
  return connected(new Client({ name: 'matrix', version: '1' }, options), transport, async () => {
    await wss.close();
    await server.close();
  });
};

/** The transports and the eras each runs in. Legacy HTTP+SSE predates the modern era: legacy only. */
export const TRANSPORTS: readonly MatrixTransport[] = [
  { name: 'memory', eras: [MODERN, '2025-11-25', '2024-11-05'], connect: memory },
  { name: 'stdio', eras: [MODERN, '2025-11-25'], connect: stdio },
  { name: 'streamable-http/json', eras: [MODERN, '2025-11-25', '2024-11-05'], connect: streamableHttp('json') },
  { name: 'streamable-http/sse', eras: [MODERN, '2025-11-25'], connect: streamableHttp('sse') },
  { name: 'http+sse', eras: ['2025-11-25', '2024-11-05'], connect: legacySse },
  { name: 'websocket', eras: [MODERN, '2025-11-25'], connect: websocket },
  // Unpinned: server/discover fails over HTTP, initialize falls back to HTTP+SSE; the server picks 2025-11-25.
  { name: 'fallback→http+sse', eras: ['2025-11-25'], connect: fallbackToSse, negotiates: true },
];

/**
 * What a combination cannot do by design, keyed `transport@era` (`*` matches any), with the reason.
 * These tests still run, as `it.fails`: when a combination starts to support the feature the test
 * goes red and the entry must be removed, so the table cannot rot.
 */
export const UNSUPPORTED: Readonly<Record<string, Partial<Record<Feature, string>>>> = {};

/**
 * SDK bugs this suite found and that are not fixed yet, keyed like {@link UNSUPPORTED}. These tests
 * run as `it.fails` so the suite stays green and honest; fixing the bug turns them red.
 */
export const KNOWN_BUGS: Readonly<Record<string, Partial<Record<Feature, string>>>> = {};

function lookup(table: Readonly<Record<string, Partial<Record<Feature, string>>>>, transport: string, era: MatrixEra, feature: Feature): string | undefined {
  return table[`${transport}@${era}`]?.[feature] ?? table[`*@${era}`]?.[feature] ?? table[`${transport}@*`]?.[feature];
}

/** Why `feature` is expected to fail on `transport` in `era` (by design or by a known bug), if it is. */
export function expectedFailure(transport: string, era: MatrixEra, feature: Feature): string | undefined {
  const unsupported = lookup(UNSUPPORTED, transport, era, feature);
  if (unsupported !== undefined) return `unsupported: ${unsupported}`;
  const bug = lookup(KNOWN_BUGS, transport, era, feature);
  return bug === undefined ? undefined : `known bug: ${bug}`;
}

/** Checks the tables name only real transports, eras and features, so a typo cannot hide a test. */
export function tableProblems(): string[] {
  const problems: string[] = [];
  const names = new Set(['*', ...TRANSPORTS.map((t) => t.name)]);
  const eras = new Set<string>(['*', MODERN, '2025-11-25', '2024-11-05']);
  for (const table of [UNSUPPORTED, KNOWN_BUGS]) {
    for (const [key, features] of Object.entries(table)) {
      const [transport = '', era = ''] = key.split('@');
      if (!names.has(transport) || !eras.has(era)) problems.push(`unknown combination ${key}`);
      for (const feature of Object.keys(features)) {
        if (!(FEATURES as readonly string[]).includes(feature)) problems.push(`unknown feature ${feature} in ${key}`);
      }
    }
  }
  return problems;
}

/** The client options of an era: the modern one is negotiated by default, legacy ones are pinned. */
export function eraOptions(transport: MatrixTransport, era: MatrixEra): ClientOptions {
  return era === MODERN || transport.negotiates === true ? {} : { protocolVersion: era };
}
