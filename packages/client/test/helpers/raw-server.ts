/**
 * A hand-rolled MCP server on a raw core Session, for client tests: speaks the modern era
 * (`server/discover`, `_meta` envelope) and/or the legacy one (`initialize`), records what it got.
 */
import { ErrorCode, McpError, MetaKey, Session, type JSONRPCRequest, type RequestContext, type Transport } from '@mcpkit/core';
import { createMemoryTransportPair } from '@mcpkit/transports/memory';

export type Handler = (params: Record<string, unknown>, ctx: RequestContext, request: JSONRPCRequest) => unknown;

export interface RawServerOptions {
  /** Answer server/discover. Default true. */
  modern?: boolean;
  /** Answer initialize. Default true. */
  legacy?: boolean;
  /** Never answer server/discover (a silent legacy server). */
  silentDiscover?: boolean;
  supportedVersions?: string[];
  capabilities?: Record<string, unknown>;
  instructions?: string;
  handlers?: Record<string, Handler>;
}

export interface RawServer {
  clientTransport: Transport;
  session: Session;
  /** Every request received, in order. */
  received: JSONRPCRequest[];
  /** Methods received, in order. */
  methods(): string[];
  /** Notifications received. */
  notifications: Array<{ method: string; params: unknown }>;
  close(): Promise<void>;
}

export const DEFAULT_CAPS = {
  tools: { listChanged: true },
  resources: { subscribe: true, listChanged: true },
  prompts: { listChanged: true },
  completions: {},
  logging: {},
};

/** Starts a raw server; returns the client's end of the transport pair. */
export async function startRawServer(options: RawServerOptions = {}): Promise<RawServer> {
  const [clientTransport, serverTransport] = createMemoryTransportPair();
  const session = new Session(serverTransport);
  const received: JSONRPCRequest[] = [];
  const notifications: Array<{ method: string; params: unknown }> = [];
  const caps = options.capabilities ?? DEFAULT_CAPS;
  const supported = options.supportedVersions ?? ['2026-07-28', '2025-11-25'];
  const handlers: Record<string, Handler> = {
    'server/discover': () => {
      if (options.modern === false) throw new McpError(ErrorCode.MethodNotFound, 'Method not found');
      return {
        resultType: 'complete',
        supportedVersions: supported,
        capabilities: caps,
        ttlMs: 0,
        cacheScope: 'public',
        ...(options.instructions === undefined ? {} : { instructions: options.instructions }),
        _meta: { [MetaKey.ServerInfo]: { name: 'raw-server', version: '1.0.0' } },
      };
    },
    initialize: (params) => {
      if (options.legacy === false) throw new McpError(ErrorCode.MethodNotFound, 'Method not found');
      const requested = String(params['protocolVersion']);
      const legacy = supported.filter((v) => v <= '2025-11-25');
      return {
        protocolVersion: legacy.includes(requested) ? requested : (legacy[0] ?? '2025-11-25'),
        capabilities: caps,
        serverInfo: { name: 'raw-server', version: '1.0.0' },
        ...(options.instructions === undefined ? {} : { instructions: options.instructions }),
      };
    },
    ping: () => ({}),
    ...options.handlers,
  };
  for (const [method, handler] of Object.entries(handlers)) {
    session.setRequestHandler(method, async (request, ctx) => {
      received.push(request);
      if (method === 'server/discover' && options.silentDiscover === true) {
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
        throw new McpError(ErrorCode.InternalError, 'gone');
      }
      return (await handler(request.params ?? {}, ctx, request)) as Record<string, unknown>;
    });
  }
  for (const method of ['notifications/initialized', 'notifications/roots/list_changed', 'notifications/cancelled']) {
    session.setNotificationHandler(method, (n) => {
      notifications.push({ method: n.method, params: n.params });
    });
  }
  await session.start();
  return {
    clientTransport,
    session,
    received,
    notifications,
    methods: () => received.map((r) => r.method),
    close: () => session.close(),
  };
}

/** The `_meta` of a received request. */
export function metaOf(request: JSONRPCRequest | undefined): Record<string, unknown> {
  const meta = request?.params?.['_meta'];
  return typeof meta === 'object' && meta !== null ? (meta as Record<string, unknown>) : {};
}
