/**
 * What servers ask of the client — sampling, elicitation, roots — answered by one dispatch in both
 * eras: as server-to-client requests (legacy) and as `inputRequests` of an `input_required`
 * result (2026-07-28).
 *
 * @module
 */
import {
  ErrorCode,
  McpError,
  type ClientCapabilities,
  type CreateMessageRequestParams,
  type CreateMessageResult,
  type ElicitRequestFormParams,
  type ElicitRequestURLParams,
  type ElicitResult,
  type Era,
  type Root,
} from '@mcpkit/core';
import { applyElicitationDefaults } from './elicitation-defaults.js';
import { checkHandlerResult } from './validate.js';
import { isRecord } from './is-record.js';

/** What an input handler gets besides the request params. */
export interface InputContext {
  /** Aborted when the server cancels the request or the originating call is abandoned. */
  signal: AbortSignal;
  /** The era of the connection the request arrived on. */
  era: Era;
}

/** Answers `sampling/createMessage`: run the LLM and return its message. */
export type SamplingHandler = (
  params: CreateMessageRequestParams,
  ctx: InputContext,
) => CreateMessageResult | Promise<CreateMessageResult>;

/** Answers a form-mode `elicitation/create`. Omitted fields get their schema defaults afterwards. */
export type FormElicitationHandler = (params: ElicitRequestFormParams, ctx: InputContext) => ElicitResult | Promise<ElicitResult>;

/** Answers a URL-mode `elicitation/create`: ask the user for consent to open the URL. */
export type UrlElicitationHandler = (params: ElicitRequestURLParams, ctx: InputContext) => ElicitResult | Promise<ElicitResult>;

/** Returns the client's roots. */
export type RootsHandler = (ctx: InputContext) => readonly Root[] | Promise<readonly Root[]>;

/** Sampling support; declaring it sets the `sampling` capability. */
export interface SamplingOptions {
  /** Runs the sampling request. */
  handler: SamplingHandler;
  /** Accept tool use in sampling (`tools`/`toolChoice`); declares `sampling.tools`. Default `false`. */
  tools?: boolean;
  /** Accept `includeContext` other than `none` (deprecated); declares `sampling.context`. Default `false`. */
  context?: boolean;
}

/** Elicitation support; each handler given declares its mode. */
export interface ElicitationOptions {
  /** Handles form mode. */
  form?: FormElicitationHandler;
  /** Handles URL mode. */
  url?: UrlElicitationHandler;
  /** Fill fields the user left out with the schema's `default` (SEP-1034). Default `true`. */
  applyDefaults?: boolean;
}

/** Roots support; declares the `roots` capability. */
export interface RootsOptions {
  /** Lists the roots. */
  list: RootsHandler;
  /** Legacy era: declare `roots.listChanged` (send it with `client.sendRootsListChanged()`). Default `true`. */
  listChanged?: boolean;
}

/** The input handlers of a client. */
export interface InputHandlers {
  /** Sampling (`sampling/createMessage`). */
  sampling?: SamplingOptions | undefined;
  /** Elicitation (`elicitation/create`). */
  elicitation?: ElicitationOptions | undefined;
  /** Roots (`roots/list`). */
  roots?: RootsOptions | undefined;
}

/** The methods a server may ask of a client. */
export const INPUT_METHODS = ['sampling/createMessage', 'elicitation/create', 'roots/list'] as const;

/** Capabilities declared by a set of input handlers, merged over `base`. */
export function declareCapabilities(handlers: InputHandlers, era: Era, base: ClientCapabilities = {}): ClientCapabilities {
  const caps: ClientCapabilities = { ...base };
  const { sampling, elicitation, roots } = handlers;
  if (sampling !== undefined) {
    caps.sampling = { ...(sampling.tools === true ? { tools: {} } : {}), ...(sampling.context === true ? { context: {} } : {}) };
  }
  if (elicitation !== undefined && (elicitation.form !== undefined || elicitation.url !== undefined)) {
    caps.elicitation = { ...(elicitation.form !== undefined ? { form: {} } : {}), ...(elicitation.url !== undefined ? { url: {} } : {}) };
  }
  if (roots !== undefined) {
    // roots.listChanged does not exist in the modern era (no roots/list_changed notification).
    caps.roots = era === 'legacy' && roots.listChanged !== false ? { listChanged: true } : {};
  }
  return caps;
}

function notSupported(what: string, capability: string): McpError {
  return undeclared(ErrorCode.MethodNotFound, `${what} not supported`, capability);
}

/** The spec's error for a request that needs a capability the client did not declare; `data.capability` names it. */
function undeclared(code: number, message: string, capability: string): McpError {
  return new McpError(code, message, { reason: `Client does not have ${capability} capability`, capability });
}

async function sample(options: SamplingOptions | undefined, params: Record<string, unknown>, ctx: InputContext): Promise<CreateMessageResult> {
  if (options === undefined) throw notSupported('Sampling', 'sampling');
  if (!Array.isArray(params['messages']) || typeof params['maxTokens'] !== 'number') {
    throw new McpError(ErrorCode.InvalidParams, 'Invalid sampling request: messages and maxTokens are required');
  }
  if ((params['tools'] !== undefined || params['toolChoice'] !== undefined) && options.tools !== true) {
    throw undeclared(ErrorCode.InvalidParams, 'Tool use in sampling is not supported', 'sampling.tools');
  }
  return options.handler(params as CreateMessageRequestParams, ctx);
}

async function elicit(options: ElicitationOptions | undefined, params: Record<string, unknown>, ctx: InputContext): Promise<ElicitResult> {
  const mode = params['mode'] ?? 'form';
  if (options === undefined || (options.form === undefined && options.url === undefined)) {
    throw notSupported('Elicitation', 'elicitation');
  }
  if (mode === 'url') {
    if (options.url === undefined) throw undeclared(ErrorCode.InvalidParams, 'URL-mode elicitation is not supported', 'elicitation.url');
    if (typeof params['url'] !== 'string' || typeof params['message'] !== 'string') {
      throw new McpError(ErrorCode.InvalidParams, 'Invalid URL elicitation: url and message are required');
    }
    const { content: _dropped, ...result } = await options.url(params as ElicitRequestURLParams, ctx);
    return result;
  }
  if (mode !== 'form') throw new McpError(ErrorCode.InvalidParams, `Unknown elicitation mode: ${String(mode)}`);
  if (options.form === undefined) throw undeclared(ErrorCode.InvalidParams, 'Form-mode elicitation is not supported', 'elicitation.form');
  if (typeof params['message'] !== 'string' || !isRecord(params['requestedSchema'])) {
    throw new McpError(ErrorCode.InvalidParams, 'Invalid form elicitation: message and requestedSchema are required');
  }
  const result = await options.form(params as ElicitRequestFormParams, ctx);
  if (result.action !== 'accept' || options.applyDefaults === false) return result;
  return { ...result, content: applyElicitationDefaults(params['requestedSchema'], result.content) };
}

/**
 * Answers one server request with the client's handlers. A request for something the client did
 * not declare throws the spec's error: -32601 for roots, sampling or elicitation as a whole,
 * -32602 for an undeclared elicitation mode or tool use in sampling. A handler result that is not
 * a valid result of the method throws `MCPKIT_INVALID_ARGUMENT`.
 *
 * @param handlers - the client's input handlers
 * @param method - `sampling/createMessage`, `elicitation/create` or `roots/list`
 * @param params - the request params
 * @param ctx - signal and era
 */
export async function fulfilInput(
  handlers: InputHandlers,
  method: string,
  params: unknown,
  ctx: InputContext,
): Promise<Record<string, unknown>> {
  const p = isRecord(params) ? params : {};
  switch (method) {
    case 'sampling/createMessage':
      return checkHandlerResult(method, await sample(handlers.sampling, p, ctx));
    case 'elicitation/create':
      return checkHandlerResult(method, await elicit(handlers.elicitation, p, ctx));
    case 'roots/list': {
      if (handlers.roots === undefined) throw notSupported('Roots', 'roots');
      return checkHandlerResult(method, { roots: [...(await handlers.roots.list(ctx))] });
    }
    default:
      throw new McpError(ErrorCode.MethodNotFound, `Method not found: ${method}`);
  }
}
