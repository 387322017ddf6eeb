/**
 * `subscriptions/listen` (modern) and `resources/subscribe` / `resources/unsubscribe` (legacy).
 *
 * @module
 */
import { MetaKey, type ResultObject } from '@mcpkit/core';
import type { Call, MethodHandler, ServerCore } from '../server-core.js';
import type { ListKind } from './listen-hub.js';

const LIST_FILTERS: ReadonlyArray<[string, ListKind]> = [
  ['toolsListChanged', 'tools'],
  ['promptsListChanged', 'prompts'],
  ['resourcesListChanged', 'resources'],
];

/** `subscriptions/listen`: acknowledges, then stays open until cancelled or the server closes. */
export const listen: MethodHandler = async (core: ServerCore, call: Call): Promise<ResultObject> => {
  const filter = (call.params.notifications ?? {}) as Record<string, unknown>;
  const id = call.rctx.requestId;
  const lists = new Set<ListKind>();
  const accepted: Record<string, unknown> = {};
  for (const [key, kind] of LIST_FILTERS) {
    if (filter[key] === true) {
      lists.add(kind);
      accepted[key] = true;
    }
  }
  const uris = Array.isArray(filter.resourceSubscriptions) ? (filter.resourceSubscriptions as unknown[]).filter((u): u is string => typeof u === 'string') : [];
  if (uris.length > 0) accepted.resourceSubscriptions = uris;
  const taskIds = Array.isArray(filter.taskIds) ? (filter.taskIds as unknown[]).filter((t): t is string => typeof t === 'string') : [];
  if (taskIds.length > 0) accepted.taskIds = taskIds;
  const meta = { [MetaKey.SubscriptionId]: id };
  let end: () => void = () => undefined;
  const ended = new Promise<void>((resolve) => {
    end = resolve;
  });
  // The acknowledgement goes first: no notification of this stream may precede it.
  await call.rctx.notify('notifications/subscriptions/acknowledged', { _meta: meta, notifications: accepted });
  const remove = core.listeners.add({
    id,
    lists,
    resources: new Set(uris),
    tasks: new Set(taskIds),
    send: (method, params) => call.rctx.notify(method, params),
    end,
  });
  const onAbort = (): void => end();
  call.rctx.signal.addEventListener('abort', onAbort, { once: true });
  try {
    if (!call.rctx.signal.aborted) await ended;
  } finally {
    remove();
    call.rctx.signal.removeEventListener('abort', onAbort);
  }
  return { _meta: meta };
};

/** `resources/subscribe` (legacy): remembered on the connection until it closes. */
export const subscribe: MethodHandler = async (_core, call) => {
  call.era.connection?.subscriptions.add(call.params.uri as string);
  return {};
};

/** `resources/unsubscribe` (legacy). */
export const unsubscribe: MethodHandler = async (_core, call) => {
  call.era.connection?.subscriptions.delete(call.params.uri as string);
  return {};
};
