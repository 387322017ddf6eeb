/**
 * Change notifications, one API for both eras: `subscriptions/listen` streams (2026-07-28) and
 * `resources/subscribe` plus unsolicited list-changed notifications (legacy).
 *
 * @module
 */
import {
  McpkitError,
  McpkitErrorCode,
  MetaKey,
  type Timers,
  type JSONRPCNotification,
  type RequestId,
  type SessionApi,
} from '@mcpkit/core';
import type { ResponseCache } from './cache.js';
import { globalTimers } from './timers.js';
import type { ClientEventEmitter } from './events.js';
import type { CallOptions, Requester } from './requester.js';
import { isRecord } from './is-record.js';

/** What to listen for. Every field is opt-in. */
export interface ListenFilter {
  /** `notifications/tools/list_changed`. */
  toolsListChanged?: boolean;
  /** `notifications/prompts/list_changed`. */
  promptsListChanged?: boolean;
  /** `notifications/resources/list_changed`. */
  resourcesListChanged?: boolean;
  /** `notifications/resources/updated` for these URIs. */
  resourceSubscriptions?: string[];
}

/** An open subscription. Events arrive through `client.on(...)`. */
export interface Subscription {
  /** What the server agreed to send (may be a subset of what was asked). */
  readonly acknowledged: ListenFilter;
  /** Resolves when the subscription has ended (closed by either side or the connection). */
  readonly ended: Promise<void>;
  /** Ends the subscription. Idempotent. */
  close(): Promise<void>;
}

/** The largest delay timers accept: a listen stream has no timeout of its own. */
const LISTEN_TIMEOUT = 2_147_483_647;

function readFilter(value: unknown): ListenFilter {
  if (!isRecord(value)) return {};
  const out: ListenFilter = {};
  for (const key of ['toolsListChanged', 'promptsListChanged', 'resourcesListChanged'] as const) {
    if (value[key] === true) out[key] = true;
  }
  const uris = value['resourceSubscriptions'];
  if (Array.isArray(uris)) out.resourceSubscriptions = uris.filter((u): u is string => typeof u === 'string');
  return out;
}

/** Routes change notifications to events and cache invalidation, and opens subscriptions. */
export class Subscriptions {
  readonly #acks = new Map<RequestId, (filter: ListenFilter) => void>();

  /**
   * @param events - where change events go
   * @param cache - invalidated by change notifications, if caching is on
   * @param lastRequestId - the id of the request the session sent last (ties an ack to its listen)
   * @param timers - for the acknowledgment timeout (default: the global timers)
   */
  constructor(
    private readonly events: ClientEventEmitter,
    private readonly cache: ResponseCache | undefined,
    private readonly lastRequestId: () => RequestId | undefined,
    private readonly timers: Timers = globalTimers,
  ) {}

  /** Installs the notification handlers on a session. */
  install(session: SessionApi, onToolsChanged: () => void): void {
    const on = (method: string, fn: (params: Record<string, unknown>) => void) =>
      session.setNotificationHandler(method, (n: JSONRPCNotification) => fn(isRecord(n.params) ? n.params : {}));
    on('notifications/tools/list_changed', () => {
      this.cache?.invalidateMethod('tools/list');
      onToolsChanged();
      this.events.emit('toolsListChanged', undefined);
    });
    on('notifications/prompts/list_changed', () => {
      this.cache?.invalidateMethod('prompts/list');
      this.events.emit('promptsListChanged', undefined);
    });
    on('notifications/resources/list_changed', () => {
      this.cache?.invalidateMethod('resources/list');
      this.cache?.invalidateMethod('resources/templates/list');
      this.events.emit('resourcesListChanged', undefined);
    });
    on('notifications/resources/updated', (params) => {
      if (typeof params['uri'] !== 'string') return;
      this.cache?.invalidateResource(params['uri']);
      this.events.emit('resourceUpdated', { uri: params['uri'] });
    });
    on('notifications/message', (params) => {
      if (typeof params['level'] !== 'string') return;
      const event = { level: params['level'], data: params['data'] };
      this.events.emit('log', typeof params['logger'] === 'string' ? { ...event, logger: params['logger'] } : event);
    });
    on('notifications/elicitation/complete', (params) => {
      if (typeof params['elicitationId'] === 'string') this.events.emit('elicitationComplete', { elicitationId: params['elicitationId'] });
    });
    on('notifications/subscriptions/acknowledged', (params) => {
      const meta = isRecord(params['_meta']) ? params['_meta'] : {};
      const id = meta[MetaKey.SubscriptionId];
      if (typeof id !== 'string' && typeof id !== 'number') return;
      this.#acks.get(id)?.(readFilter(params['notifications']));
    });
  }

  /** Opens a `subscriptions/listen` stream and resolves once the server acknowledges it. */
  async listenModern(requester: Requester, filter: ListenFilter, options: CallOptions & { ackTimeout: number }): Promise<Subscription> {
    const controller = new AbortController();
    const signal = options.signal === undefined ? controller.signal : AbortSignal.any([controller.signal, options.signal]);
    const stream = requester.raw('subscriptions/listen', { notifications: { ...filter } }, { ...options, signal, timeout: LISTEN_TIMEOUT });
    const id = this.lastRequestId();
    const ended = stream.then(
      () => undefined,
      () => undefined,
    );
    let timer: unknown;
    try {
      const acknowledged = await new Promise<ListenFilter>((resolve, reject) => {
        if (id !== undefined) this.#acks.set(id, resolve);
        stream.then(
          () => reject(new McpkitError(McpkitErrorCode.InvalidResponse, 'The server ended the subscription before acknowledging it')),
          reject,
        );
        timer = this.timers.setTimeout(
          () => reject(new McpkitError(McpkitErrorCode.Timeout, `subscriptions/listen was not acknowledged within ${options.ackTimeout} ms`)),
          options.ackTimeout,
        );
      });
      return { acknowledged, ended, close: async () => controller.abort() };
    } catch (error) {
      controller.abort();
      throw error;
    } finally {
      if (timer !== undefined) this.timers.clearTimeout(timer);
      if (id !== undefined) this.#acks.delete(id);
    }
  }

  /**
   * The legacy equivalent of a listen stream: `resources/subscribe` for each URI; list-changed
   * notifications need no request in the legacy era.
   */
  async listenLegacy(requester: Requester, filter: ListenFilter, capabilities: Record<string, unknown> | undefined, options: CallOptions): Promise<Subscription> {
    const uris = filter.resourceSubscriptions ?? [];
    for (const uri of uris) await requester.request('resources/subscribe', { uri }, options);
    const acknowledged: ListenFilter = {};
    for (const [key, cap] of [['toolsListChanged', 'tools'], ['promptsListChanged', 'prompts'], ['resourcesListChanged', 'resources']] as const) {
      const declared = capabilities?.[cap];
      if (filter[key] === true && isRecord(declared) && declared['listChanged'] === true) acknowledged[key] = true;
    }
    if (uris.length > 0) acknowledged.resourceSubscriptions = [...uris];
    let done: () => void = () => undefined;
    const ended = new Promise<void>((resolve) => (done = resolve));
    let closed = false;
    return {
      acknowledged,
      ended,
      close: async () => {
        if (closed) return;
        closed = true;
        try {
          for (const uri of uris) await requester.request('resources/unsubscribe', { uri });
        } finally {
          done();
        }
      },
    };
  }
}
