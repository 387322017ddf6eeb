/**
 * `resources/read`: static resources first, then templates in order; an unknown URI is the
 * era's error (-32002 legacy, -32602 modern).
 *
 * @module
 */
import { ErrorCode, McpError, type ResultObject } from '@mcpkit/core';
import { toBase64 } from '../content/helpers.js';
import type { ServerContext } from '../context/server-context.js';
import { executeWithInputs } from '../mrtr/execute.js';
import type { ReadResourceReturn } from '../registry/resources.js';
import { cacheFields, type Call, type MethodHandler, type ServerCore } from '../server-core.js';
import { principalOf } from './tools.js';

/** Normalizes what a read handler returned into `contents`. */
export function toContents(value: ReadResourceReturn, uri: string, mimeType: string | undefined): Array<Record<string, unknown>> {
  const base = mimeType === undefined ? { uri } : { uri, mimeType };
  if (typeof value === 'string') return [{ ...base, text: value }];
  if (value instanceof Uint8Array) return [{ ...base, blob: toBase64(value) }];
  if (typeof value !== 'object' || value === null || !Array.isArray(value.contents)) {
    throw new TypeError(`The read handler of ${uri} returned neither contents, a string nor bytes`);
  }
  return value.contents.map((item) => ({ ...base, ...item }));
}

function notFound(call: Call, uri: string): McpError {
  const code = call.era.era === 'modern' ? ErrorCode.InvalidParams : ErrorCode.ResourceNotFound;
  return new McpError(code, `Resource not found: ${uri}`, { uri });
}

type Reader = { read: (ctx: ServerContext) => Promise<ReadResourceReturn | undefined>; mimeType: string | undefined; cache: { ttlMs?: number; scope?: 'public' | 'private' } | undefined };

function findReader(core: ServerCore, uri: string): Reader | undefined {
  const resource = core.resources.get(uri);
  if (resource !== undefined) {
    return { read: async (ctx) => resource.read(uri, ctx), mimeType: resource.definition.mimeType, cache: resource.cache };
  }
  for (const template of core.templates.list()) {
    const variables = template.template.match(uri);
    if (variables !== undefined) {
      return { read: async (ctx) => template.read(uri, variables, ctx), mimeType: template.definition.mimeType, cache: template.cache };
    }
  }
  return undefined;
}

/** `resources/read`. */
export const readResource: MethodHandler = async (core, call) => {
  const uri = call.params.uri as string;
  const reader = findReader(core, uri);
  if (reader === undefined) throw notFound(call, uri);
  const ttlMs = reader.cache?.ttlMs ?? core.limits.readCache.ttlMs;
  const cacheScope = reader.cache?.scope ?? core.limits.readCache.scope;
  return executeWithInputs<ReadResourceReturn | undefined>({
    rctx: call.rctx,
    cancellation: call.cancellation,
    era: call.era,
    params: call.params,
    meta: call.meta,
    salient: { uri, principal: principalOf(call.rctx.info?.authInfo) },
    codec: core.codec,
    stateTtlMs: core.limits.requestStateTtlMs,
    run: (ctx) => reader.read(ctx),
    finish: async (value): Promise<ResultObject> => {
      // A handler's `undefined` is "no such resource" (e.g. a template variable that matches nothing).
      if (value === undefined) throw notFound(call, uri);
      return {
        contents: toContents(value, uri, reader.mimeType),
        ...cacheFields(call, { ttlMs: Math.max(0, Math.floor(ttlMs)), cacheScope }),
      };
    },
  });
};
