/**
 * The `ctx` every handler receives. It is the same object shape in both eras; only the input
 * channel behind `elicit`, `sample` and `roots` differs.
 *
 * @module
 */
import type {
  CapabilitiesObject,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitResult,
  Era,
  ImplementationInfo,
  LoggingLevel,
  MessageInfo,
  RequestContext,
  RequestId,
  Root,
} from '@mcpkit/core';
import type { InputChannel } from '../mrtr/input-channel.js';
import type { JsonSchemaObject } from '../schema/standard-schema.js';
import type { Cancellation } from './cancellation.js';
import type { RequestEra } from './era.js';
import { shouldLog } from './logging.js';

/** Params of a form-mode elicitation. */
export interface ElicitFormParams {
  /** Form mode (the default). */
  mode?: 'form';
  /** What to ask the user. */
  message: string;
  /** A flat object schema of primitive fields. */
  requestedSchema: { type: 'object'; properties: Record<string, JsonSchemaObject>; required?: string[]; $schema?: string };
}

/** Params of a URL-mode elicitation. */
export interface ElicitUrlParams {
  /** URL mode. */
  mode: 'url';
  /** Why the user should open the URL. */
  message: string;
  /** The URL to open. */
  url: string;
  /** Legacy era (2025-11-25) only; generated when absent. */
  elicitationId?: string;
}

/** Options of one input request. */
export interface InputOptions {
  /**
   * The key of this request in `inputRequests` (modern era). Default: derived from the call order,
   * which is stable as long as the handler asks in the same order on every run.
   */
  key?: string;
}

/** W3C trace context propagated in `_meta` (OpenTelemetry conventions). */
export interface TraceContext {
  /** `traceparent`, if the client sent one. */
  traceparent?: string;
  /** `tracestate`, if sent. */
  tracestate?: string;
  /** `baggage`, if sent. */
  baggage?: string;
}

/**
 * What a handler gets besides its arguments. Works unchanged in both eras: `elicit`, `sample` and
 * `roots` are server-to-client requests in the legacy era and `input_required` rounds in the modern one.
 *
 * @example
 * ```ts
 * server.tool('deploy', { inputSchema: z.object({ env: z.string() }) }, async ({ env }, ctx) => {
 *   const answer = await ctx.elicit({ message: `Deploy to ${env}?`, requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } } } });
 *   if (answer.action !== 'accept') return { content: [text('Cancelled')] };
 *   await ctx.progress(1, 2, 'building');
 *   return { content: [text('Deployed')] };
 * });
 * ```
 */
export interface ServerContext {
  /** Aborted when the client cancels, the connection closes, the handler times out or the round ends. */
  readonly signal: AbortSignal;
  /** The JSON-RPC id of the request. */
  readonly requestId: RequestId;
  /** The method being served. */
  readonly method: string;
  /** `'modern'` (2026-07-28) or `'legacy'`. */
  readonly era: Era;
  /** The protocol version of this request. */
  readonly protocolVersion: string;
  /** The client's identity and capabilities. */
  readonly client: { readonly info: ImplementationInfo | undefined; readonly capabilities: CapabilitiesObject };
  /** The request's `_meta`. */
  readonly meta: Readonly<Record<string, unknown>>;
  /** Trace context from `_meta` (`traceparent`, `tracestate`, `baggage`). */
  readonly trace: TraceContext;
  /** Transport facts: headers, auth info, legacy session id. */
  readonly transport: MessageInfo | undefined;
  /** Sends `notifications/progress` (a no-op when the client asked for none). */
  progress(done: number, total?: number, message?: string): Promise<void>;
  /** Sends `notifications/message` when the request's (or connection's) log level lets it through. */
  log(level: LoggingLevel, data: unknown, logger?: string): Promise<void>;
  /** Asks the user for input (form or URL mode). */
  elicit(params: ElicitFormParams | ElicitUrlParams, options?: InputOptions): Promise<ElicitResult>;
  /** Asks the client's LLM for a completion. */
  sample(params: CreateMessageRequestParams, options?: InputOptions): Promise<CreateMessageResult>;
  /** Asks for the client's roots. */
  roots(options?: InputOptions): Promise<Root[]>;
  /**
   * Tasks extension: continue this tool call in the background and answer the client with a task
   * handle now. A no-op when the client did not opt in to tasks or the tool does not support them.
   */
  startTask(): Promise<void>;
}

/** What {@link createServerContext} composes. */
export interface ServerContextParts {
  rctx: RequestContext;
  era: RequestEra;
  meta: Record<string, unknown>;
  cancellation: Cancellation;
  channel: InputChannel;
  startTask?: () => Promise<void>;
}

function readTrace(meta: Record<string, unknown>): TraceContext {
  const trace: TraceContext = {};
  for (const key of ['traceparent', 'tracestate', 'baggage'] as const) {
    const value = meta[key];
    if (typeof value === 'string') trace[key] = value;
  }
  return trace;
}

function elicitParams(params: ElicitFormParams | ElicitUrlParams, era: Era): Record<string, unknown> {
  if (params.mode !== 'url') return { ...params };
  const { elicitationId, ...rest } = params;
  // 2025-11-25 requires an elicitationId on URL mode; 2026-07-28 removed it.
  return era === 'legacy' ? { ...rest, elicitationId: elicitationId ?? globalThis.crypto.randomUUID() } : rest;
}

/**
 * The `ctx` of one handler run. `signal` is a prototype getter (an accessor in an object literal
 * makes V8 build every context on its slow path); the methods stay own closures so a handler may
 * destructure them.
 */
class HandlerServerContext implements ServerContext {
  readonly #cancellation: Cancellation;
  readonly requestId: ServerContext['requestId'];
  readonly method: string;
  readonly era: Era;
  readonly protocolVersion: string;
  readonly client: ServerContext['client'];
  readonly meta: Readonly<Record<string, unknown>>;
  readonly trace: TraceContext;
  readonly transport: ServerContext['transport'];
  readonly progress: ServerContext['progress'];
  readonly log: ServerContext['log'];
  readonly elicit: ServerContext['elicit'];
  readonly sample: ServerContext['sample'];
  readonly roots: ServerContext['roots'];
  readonly startTask: ServerContext['startTask'];

  constructor(parts: ServerContextParts) {
    const { rctx, era, meta, channel } = parts;
    this.#cancellation = parts.cancellation;
    this.requestId = rctx.requestId;
    this.method = rctx.method;
    this.era = era.era;
    this.protocolVersion = era.protocolVersion;
    this.client = { info: era.clientInfo, capabilities: era.clientCapabilities };
    this.meta = meta;
    this.trace = readTrace(meta);
    this.transport = rctx.info;
    this.progress = (done, total, message) => rctx.progress(done, total, message);
    this.log = async (level, data, logger) => {
      if (!shouldLog(level, era.logThreshold) || rctx.session.closed) return;
      await rctx.notify('notifications/message', logger === undefined ? { level, data } : { level, data, logger });
    };
    this.elicit = async (params, options) => {
      return (await channel.request({ method: 'elicitation/create', params: elicitParams(params, era.era) }, options?.key)) as ElicitResult;
    };
    this.sample = async (params, options) => {
      const { _meta: _ignored, ...rest } = params;
      return (await channel.request({ method: 'sampling/createMessage', params: rest }, options?.key)) as CreateMessageResult;
    };
    this.roots = async (options) => {
      const result = await channel.request({ method: 'roots/list', params: {} }, options?.key);
      return Array.isArray(result.roots) ? (result.roots as Root[]) : [];
    };
    this.startTask = parts.startTask ?? (() => Promise.resolve());
  }

  /** Created on first read: most handlers never look at it. */
  get signal(): AbortSignal {
    return this.#cancellation.signal;
  }
}

/** Builds the `ctx` of one handler run. */
export function createServerContext(parts: ServerContextParts): ServerContext {
  return new HandlerServerContext(parts);
}
