/**
 * Builds the one `HandlerTable` an `McpServer` shares with every connection: per request it
 * resolves the era, checks the method and params, runs middleware and limits around the method
 * handler, and stamps the result for the era.
 *
 * @module
 */
import {
  ErrorCode,
  McpError,
  MetaKey,
  REQUEST_SCHEMAS,
  isRequestMethod,
  type HandlerTable,
  type JSONRPCRequest,
  type NotificationHandler,
  type RequestContext,
  type RequestHandler,
  type ResultObject,
} from '@mcpkit/core';
import { Cancellation } from './context/cancellation.js';
import { LEGACY_ONLY_METHODS, MODERN_ONLY_METHODS, resolveEra, type RequestEra } from './context/era.js';
import { complete } from './handlers/completion.js';
import { discover, initialize, ping, setLevel } from './handlers/lifecycle.js';
import { listPrompts, listResources, listTemplates, listTools } from './handlers/lists.js';
import { getPrompt } from './handlers/prompts.js';
import { readResource } from './handlers/resources.js';
import { listen, subscribe, unsubscribe } from './handlers/subscriptions.js';
import { cancelTask, getTask, updateTask } from './handlers/tasks.js';
import { callTool } from './handlers/tools.js';
import { HandlerTimeouts } from './handler-timeouts.js';
import { HandlerGate, assertResultSize } from './limits.js';
import { compose, type MiddlewareRequest } from './middleware.js';
import { readInputResponses } from './mrtr/run-round.js';
import { shallowCopy } from './shallow-copy.js';
import { declaresTasks } from './tasks/task-manager.js';
import type { MethodHandler, ServerCore } from './server-core.js';

const METHODS: Record<string, MethodHandler> = {
  initialize,
  ping,
  'logging/setLevel': setLevel,
  'server/discover': discover,
  'tools/list': listTools,
  'tools/call': callTool,
  'resources/list': listResources,
  'resources/templates/list': listTemplates,
  'resources/read': readResource,
  'resources/subscribe': subscribe,
  'resources/unsubscribe': unsubscribe,
  'prompts/list': listPrompts,
  'prompts/get': getPrompt,
  'completion/complete': complete,
  'subscriptions/listen': listen,
  'tasks/get': getTask,
  'tasks/update': updateTask,
  'tasks/cancel': cancelTask,
};

// Long-lived by design: neither a handler slot nor the handler timeout applies.
const UNLIMITED = new Set(['subscriptions/listen']);

function checkParams(method: string, params: Record<string, unknown>): void {
  if (!isRequestMethod(method)) return;
  // Answers are checked when consumed; unknown keys are ignored (MRTR and tasks: SHOULD ignore).
  const { inputResponses, ...rest } = params;
  if (inputResponses !== undefined) readInputResponses(inputResponses);
  const checked = REQUEST_SCHEMAS[method].params.safeParse(method === 'tasks/update' ? { ...rest, inputResponses: {} } : rest);
  if (checked.success) return;
  const issue = checked.error.issues[0];
  const where = issue === undefined || issue.path.length === 0 ? '' : `${issue.path.map(String).join('.')}: `;
  throw new McpError(ErrorCode.InvalidParams, `Invalid params for ${method}: ${where}${issue?.message ?? 'invalid'}`);
}

/**
 * Adds the era's fields to a result. `owned` says nobody else holds the result object, so its top
 * level may be written in place; its `_meta` may still be the handler's and is always copied.
 */
function stamp(core: ServerCore, era: RequestEra, result: ResultObject, owned: boolean): ResultObject {
  if (era.era === 'legacy') {
    // The tasks extension tells results apart by resultType on the legacy wire too.
    if (!declaresTasks(era.clientCapabilities) || result.resultType !== undefined) return result;
    const stamped = owned ? result : shallowCopy(result);
    stamped.resultType = 'complete';
    return stamped;
  }
  const meta = typeof result._meta === 'object' && result._meta !== null ? (result._meta as Record<string, unknown>) : undefined;
  const serverMeta = meta === undefined ? {} : shallowCopy(meta);
  serverMeta[MetaKey.ServerInfo] = core.info;
  // Assigning keeps the order of `{ ...result, resultType, _meta }`: existing keys keep their place.
  const stamped = owned ? result : shallowCopy(result);
  stamped.resultType = result.resultType ?? 'complete';
  stamped._meta = serverMeta;
  return stamped;
}

function handlerFor(core: ServerCore, gate: HandlerGate, timeouts: HandlerTimeouts, method: string, handler: MethodHandler): RequestHandler {
  return async (request: JSONRPCRequest, rctx: RequestContext): Promise<ResultObject> => {
    const params = (request.params ?? {}) as Record<string, unknown>;
    const era = resolveEra(method, params, core.connections.get(rctx.session), rctx.info);
    if ((era.era === 'modern' && LEGACY_ONLY_METHODS.has(method)) || (era.era === 'legacy' && MODERN_ONLY_METHODS.has(method))) {
      throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${method} (not part of protocol ${era.protocolVersion})`);
    }
    checkParams(method, params);
    const meta = typeof params._meta === 'object' && params._meta !== null ? (params._meta as Record<string, unknown>) : {};
    const described: MiddlewareRequest = {
      method,
      params,
      requestId: rctx.requestId,
      era: era.era,
      protocolVersion: era.protocolVersion,
      client: { info: era.clientInfo, capabilities: era.clientCapabilities },
      transport: rctx.info,
    };
    // Reading rctx.signal would create an AbortController per request; the token defers that.
    const cancellation = new Cancellation(rctx);
    const run = (limit: Cancellation): Promise<ResultObject> => handler(core, { rctx, era, params, meta, cancellation: limit });
    const limited = UNLIMITED.has(method)
      ? () => run(cancellation)
      : () => gate.run(() => timeouts.run(cancellation, run), cancellation);
    const result = await compose(core.middleware, described, limited);
    assertResultSize(result, core.limits.maxResultBytes);
    // toToolResult builds a fresh object; without middleware it reaches us unshared. Task handles
    // and input_required results carry a resultType and may be stored, so they are never owned.
    const owned = method === 'tools/call' && core.middleware.length === 0 && result.resultType === undefined;
    return stamp(core, era, result, owned);
  };
}

/** Builds the shared handler table of a server. */
export function buildHandlerTable(core: ServerCore, gate: HandlerGate): HandlerTable {
  const requests = new Map<string, RequestHandler>();
  const timeouts = new HandlerTimeouts(core.limits.handlerTimeoutMs);
  for (const [method, handler] of Object.entries(METHODS)) requests.set(method, handlerFor(core, gate, timeouts, method, handler));
  const notifications = new Map<string, NotificationHandler>([
    ['notifications/initialized', () => undefined],
    ['notifications/roots/list_changed', (_notification, info) => core.onRootsListChanged?.(info)],
  ]);
  return { requests, notifications };
}
