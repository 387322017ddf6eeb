/**
 * Test helpers: a server driven by a raw core `Session` over the in-memory transport, in either era.
 */
import { Session, buildRequestMeta, type CapabilitiesObject, type JSONRPCNotification, type ParamsObject, type RequestHandler, type ResultObject } from '@mcpkit/core';
import { createMemoryTransportPair } from '@mcpkit/transports/memory';
import type { McpServer } from '@mcpkit/server';

/** A raw client session plus the notifications it received. */
export interface RawClient {
  session: Session;
  notifications: JSONRPCNotification[];
  /** A modern request: `_meta` envelope added. */
  modern(method: string, params?: ParamsObject, options?: { capabilities?: CapabilitiesObject; meta?: Record<string, unknown> }): Promise<ResultObject>;
  /** A legacy request on the initialized connection. */
  legacy(method: string, params?: ParamsObject): Promise<ResultObject>;
  /** Sends `initialize` (+ `notifications/initialized`). */
  initialize(capabilities?: CapabilitiesObject, version?: string): Promise<ResultObject>;
  close(): Promise<void>;
}

const CAPTURED = [
  'notifications/message',
  'notifications/progress',
  'notifications/tools/list_changed',
  'notifications/prompts/list_changed',
  'notifications/resources/list_changed',
  'notifications/resources/updated',
  'notifications/subscriptions/acknowledged',
];

/** Connects a raw session to `server`; `handlers` answer server-to-client requests. */
export async function connect(server: McpServer, handlers: Record<string, RequestHandler> = {}): Promise<RawClient> {
  const [clientEnd, serverEnd] = createMemoryTransportPair();
  await server.connect(serverEnd);
  const session = new Session(clientEnd);
  const notifications: JSONRPCNotification[] = [];
  for (const method of CAPTURED) session.setNotificationHandler(method, (n) => void notifications.push(n));
  for (const [method, handler] of Object.entries(handlers)) session.setRequestHandler(method, handler);
  await session.start();
  return {
    session,
    notifications,
    modern(method, params = {}, options = {}) {
      const meta = buildRequestMeta({ protocolVersion: '2026-07-28', clientCapabilities: options.capabilities ?? {}, clientInfo: { name: 'test', version: '1' } });
      return session.request(method, { ...params, _meta: { ...meta, ...options.meta } });
    },
    legacy: (method, params) => session.request(method, params),
    async initialize(capabilities = {}, version = '2025-11-25') {
      const result = await session.request('initialize', { protocolVersion: version, capabilities, clientInfo: { name: 'test', version: '1' } });
      await session.notify('notifications/initialized');
      return result;
    },
    close: () => session.close(),
  };
}

/** Resolves after pending microtasks and one macrotask (lets in-memory messages land). */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 5));
}

/** Waits until `check` passes (polling on macrotasks), failing after `tries`. */
export async function until(check: () => boolean, tries = 200): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (check()) return;
    await settle();
  }
  throw new Error('condition not met');
}

/** The wire error of a rejected request. */
export async function wireError(promise: Promise<unknown>): Promise<{ code: number; message: string; data?: unknown }> {
  try {
    await promise;
  } catch (error) {
    return error as { code: number; message: string; data?: unknown };
  }
  throw new Error('expected the request to fail');
}

/** The two eras, for `describe.each`. */
export const ERAS = ['modern', 'legacy'] as const;

/** Opens a client in `era` (legacy: initialized with `capabilities`) and returns a request function. */
export async function open(
  server: McpServer,
  era: (typeof ERAS)[number],
  capabilities: CapabilitiesObject = {},
  handlers: Record<string, RequestHandler> = {},
): Promise<RawClient & { call(method: string, params?: ParamsObject): Promise<ResultObject> }> {
  const client = await connect(server, handlers);
  if (era === 'legacy') await client.initialize(capabilities);
  return {
    ...client,
    call: (method, params) => (era === 'modern' ? client.modern(method, params, { capabilities }) : client.legacy(method, params)),
  };
}
