/**
 * The list methods: `tools/list`, `prompts/list`, `resources/list`, `resources/templates/list`.
 * Deterministic order, opaque cursors, caching hints in the modern era.
 *
 * @module
 */
import { ErrorCode, McpError, type Resource } from '@mcpkit/core';
import { createServerContext } from '../context/server-context.js';
import { legacyInputChannel, type InputChannel } from '../mrtr/input-channel.js';
import { paginate } from '../registry/pagination.js';
import { listCacheHints } from '../registry/registry.js';
import { cacheFields, type Call, type MethodHandler, type ServerCore } from '../server-core.js';

function hints(core: ServerCore, items: ReadonlyArray<{ cache?: { ttlMs?: number; scope?: 'public' | 'private' } | undefined }>) {
  return listCacheHints(core.limits.listCache, items);
}

/** `tools/list`. */
export const listTools: MethodHandler = async (core, call) => {
  const all = core.tools.list();
  const page = paginate(all, (t) => t.name, call.params.cursor, core.limits.pageSize);
  return { tools: page.items.map((t) => t.definition), ...next(page.nextCursor), ...cacheFields(call, hints(core, all)) };
};

/** `prompts/list`. */
export const listPrompts: MethodHandler = async (core, call) => {
  const page = paginate(core.prompts.list(), (p) => p.name, call.params.cursor, core.limits.pageSize);
  return { prompts: page.items.map((p) => p.definition), ...next(page.nextCursor), ...cacheFields(call, hints(core, [])) };
};

/** `resources/templates/list`. */
export const listTemplates: MethodHandler = async (core, call) => {
  const all = core.templates.list();
  const page = paginate(all, (t) => t.name, call.params.cursor, core.limits.pageSize);
  return { resourceTemplates: page.items.map((t) => t.definition), ...next(page.nextCursor), ...cacheFields(call, hints(core, all)) };
};

/** `resources/list`: static resources, then those each template lists, ordered by URI. */
export const listResources: MethodHandler = async (core, call) => {
  const items: Array<{ resource: Resource; cache?: { ttlMs?: number; scope?: 'public' | 'private' } | undefined }> = core.resources
    .list()
    .map((r) => ({ resource: r.definition, cache: r.cache }));
  const listing = core.templates.list().filter((t) => t.list !== undefined);
  if (listing.length > 0) {
    const ctx = contextFor(call);
    for (const template of listing) {
      for (const resource of await template.list!(ctx)) items.push({ resource, cache: template.cache });
    }
    items.sort((a, b) => (a.resource.uri < b.resource.uri ? -1 : a.resource.uri > b.resource.uri ? 1 : 0));
  }
  const page = paginate(items, (i) => i.resource.uri, call.params.cursor, core.limits.pageSize);
  return { resources: page.items.map((i) => i.resource), ...next(page.nextCursor), ...cacheFields(call, hints(core, items)) };
};

function next(cursor: string | undefined): { nextCursor?: string } {
  return cursor === undefined ? {} : { nextCursor: cursor };
}

/** A context for callbacks that never ask for input (list callbacks, completers). */
export function contextFor(call: Call) {
  return createServerContext({
    rctx: call.rctx,
    era: call.era,
    meta: call.meta,
    cancellation: call.cancellation,
    channel: call.era.era === 'legacy' ? legacyInputChannel(call.rctx, call.era.clientCapabilities) : NO_INPUT,
  });
}

// MRTR exists only for tools/call, prompts/get and resources/read (spec: MUST NOT elsewhere).
const NO_INPUT: InputChannel = {
  request: () => Promise.reject(new McpError(ErrorCode.InternalError, 'This request cannot ask the client for input')),
};
