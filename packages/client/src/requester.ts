/**
 * Sends one client call the way the connection's era wants it: the modern `_meta` envelope on
 * every round, the MRTR loop for `input_required`, result validation and the response cache.
 *
 * @module
 */
import {
  ErrorCode,
  McpError,
  McpkitError,
  McpkitErrorCode,
  buildRequestMeta,
  type CapabilitiesObject,
  type Era,
  type ImplementationInfo,
  type ProgressUpdate,
  type RequestOptions,
  type SessionApi,
} from '@mcpkit/core';
import type { ResponseCache } from './cache.js';
import type { InputContext } from './input-handlers.js';
import { INPUT_REQUIRED_METHODS, isInputRequired, runInputLoop } from './mrtr.js';
import { validateResult } from './validate.js';

/** Options of one call. */
export interface CallOptions {
  /** Aborts the call (and any input round in progress); rejects with `MCPKIT_CANCELLED`. */
  signal?: AbortSignal;
  /** Milliseconds to wait for each response. Default: the client's `requestTimeout` (60 000). */
  timeout?: number;
  /** Receives progress; when set, the request asks for progress notifications. */
  onprogress?: (progress: ProgressUpdate) => void;
  /** Whether a progress notification restarts the timeout. Default `true`. */
  resetTimeoutOnProgress?: boolean;
  /** Upper bound on the total wait of each response, progress or not, in ms. */
  maxTotalTimeout?: number;
  /** Extra `_meta` entries for the request (for example trace context). */
  _meta?: Record<string, unknown>;
  /** Modern era: the log level for this request (overrides the client's level). */
  logLevel?: string;
  /** Skip the response cache and fetch from the server. Default `false`. */
  fresh?: boolean;
}

/** The connection facts a call needs, read at send time. */
export interface ConnectionFacts {
  /** The era spoken. */
  era: Era;
  /** The version in every modern envelope. */
  protocolVersion: string;
  /** The client's identity. */
  clientInfo: ImplementationInfo;
  /** The client's capabilities for this era. */
  capabilities: CapabilitiesObject;
  /** The client-wide log level (modern). */
  logLevel: string | undefined;
}

/** What the requester is built from. */
export interface RequesterDeps {
  /** The session to send on. */
  session: SessionApi;
  /** The current connection facts. */
  facts: () => ConnectionFacts;
  /** The response cache, if caching is on. */
  cache: ResponseCache | undefined;
  /** Input rounds allowed per call. */
  maxInputRounds: number;
  /** Answers input requests (shared with the legacy request handlers). */
  fulfil: (method: string, params: unknown, ctx: InputContext) => Promise<Record<string, unknown>>;
  /**
   * Called with an `UnsupportedProtocolVersion` error; returns true if it switched to another
   * mutually supported version (the request is then resent once).
   */
  switchVersion?: (error: McpError) => boolean;
  /**
   * Legacy era: handles a -32042 URL-elicitation-required error; resolves true if the request
   * should be resent once.
   */
  urlElicitation?: (error: unknown, signal: AbortSignal | undefined) => Promise<boolean>;
  /**
   * Legacy era over HTTP: called for an error that says the session is gone (HTTP 404); resolves
   * true once a new session is initialized (the request is then resent once).
   */
  renewSession?: (error: unknown) => Promise<boolean>;
}

type Params = Record<string, unknown>;

function sessionOptions(options: CallOptions): RequestOptions {
  const out: RequestOptions = {};
  if (options.signal !== undefined) out.signal = options.signal;
  if (options.timeout !== undefined) out.timeout = options.timeout;
  if (options.onprogress !== undefined) out.onprogress = options.onprogress;
  if (options.resetTimeoutOnProgress !== undefined) out.resetTimeoutOnProgress = options.resetTimeoutOnProgress;
  if (options.maxTotalTimeout !== undefined) out.maxTotalTimeout = options.maxTotalTimeout;
  return out;
}

/**
 * `{ ...source }`. On Node 20 (V8 11.3) adding keys to a spread copy (`{ ...a, k: v }`) takes a
 * slow path of ~0.5 µs; an `Object.assign` copy does not. An own `__proto__` key keeps the spread,
 * which Object.assign would turn into a prototype.
 */
function shallowCopy(source: Params): Params {
  return Object.prototype.hasOwnProperty.call(source, '__proto__') ? { ...source } : Object.assign({}, source);
}

/** `{ ...source, [key]: value }`, through {@link shallowCopy}. */
function withKey(source: Params, key: string, value: unknown): Params {
  const copy = shallowCopy(source);
  copy[key] = value;
  return copy;
}

/** The last modern envelope and what it was built from. */
interface EnvelopeCache {
  protocolVersion: string;
  clientInfo: ImplementationInfo;
  capabilities: CapabilitiesObject;
  logLevel: string | undefined;
  meta: Record<string, unknown>;
}

// The facts hold small JSON values, rebuilt per call (capabilities): compare them by content.
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  if (aKeys.length !== Object.keys(b).length) return false;
  for (const key of aKeys) {
    if (!Object.prototype.hasOwnProperty.call(b, key) || !sameJson((a as Params)[key], (b as Params)[key])) return false;
  }
  return true;
}

/** Builds the modern `_meta` envelope, reusing the last one while the facts it holds are unchanged. */
function envelopeFor(cached: EnvelopeCache | undefined, facts: ConnectionFacts, logLevel: string | undefined): EnvelopeCache {
  if (
    cached !== undefined &&
    cached.protocolVersion === facts.protocolVersion &&
    cached.logLevel === logLevel &&
    sameJson(cached.clientInfo, facts.clientInfo) &&
    sameJson(cached.capabilities, facts.capabilities)
  ) {
    return cached;
  }
  const meta = buildRequestMeta({ protocolVersion: facts.protocolVersion, clientCapabilities: facts.capabilities, clientInfo: facts.clientInfo, logLevel });
  return { protocolVersion: facts.protocolVersion, clientInfo: facts.clientInfo, capabilities: facts.capabilities, logLevel, meta };
}

/** Sends calls for a {@link Client}. */
export class Requester {
  readonly #deps: RequesterDeps;
  #envelope: EnvelopeCache | undefined;

  /** @param deps - session, facts, cache and input dispatch */
  constructor(deps: RequesterDeps) {
    this.#deps = deps;
  }

  /**
   * Sends `method` and resolves with its validated, complete result.
   *
   * @throws McpError for an error response; McpkitError for timeout, cancel, closed connection,
   * invalid result, too many input rounds or an undeclared capability asked for
   */
  async request<T>(method: string, params: Params = {}, options: CallOptions = {}): Promise<T> {
    const { session, cache } = this.#deps;
    const useCache = cache !== undefined && cache.cacheable(method);
    if (useCache && options.fresh !== true) {
      const hit = cache.get(method, params);
      // A copy: a caller that edits its result must not edit the cache.
      if (hit !== undefined) return structuredClone(hit) as T;
    }
    const opts = sessionOptions(options);
    let rounds = 0;
    const send = async (round: Params): Promise<Params> => {
      rounds++;
      try {
        return await session.request(method, this.#withMeta(round, this.#deps.facts(), options), opts);
      } catch (error) {
        // A modern server that refuses our version names the ones it takes: switch once and resend.
        if (!(error instanceof McpError) || error.code !== ErrorCode.UnsupportedProtocolVersion) throw error;
        if (this.#deps.switchVersion?.(error) !== true) throw error;
        return session.request(method, this.#withMeta(round, this.#deps.facts(), options), opts);
      }
    };
    const facts = this.#deps.facts();
    let result: Params;
    if (facts.era === 'modern' && INPUT_REQUIRED_METHODS.has(method)) {
      result = await runInputLoop(send, params, {
        maxRounds: this.#deps.maxInputRounds,
        fulfil: this.#deps.fulfil,
        signal: options.signal,
      });
    } else {
      result = await send(params).catch(async (error: unknown) => {
        // A refused cursor means the cached pages of that list are stale (caching spec, pagination).
        if (useCache && params['cursor'] !== undefined && error instanceof McpError) cache.invalidateMethod(method);
        if (facts.era === 'legacy' && (await this.#deps.urlElicitation?.(error, options.signal)) === true) return send(params);
        if (facts.era === 'legacy' && (await this.#deps.renewSession?.(error)) === true) return send(params);
        throw error;
      });
      if (isInputRequired(result)) {
        throw new McpkitError(McpkitErrorCode.InvalidResponse, `The server answered ${method} with input_required, which it must not`);
      }
    }
    const valid = validateResult<T>(method, result);
    // Results of MRTR retries depend on inputs outside the cache key: never cached.
    if (useCache && rounds === 1) cache.set(method, params, result);
    return valid;
  }

  #withMeta(params: Params, facts: ConnectionFacts, options: CallOptions): Params {
    const userMeta = options._meta;
    const hasUserMeta = userMeta !== undefined && Object.keys(userMeta).length > 0;
    if (facts.era === 'legacy') return hasUserMeta ? withKey(params, '_meta', shallowCopy(userMeta)) : params;
    const envelope = (this.#envelope = envelopeFor(this.#envelope, facts, options.logLevel ?? facts.logLevel)).meta;
    // Shared between calls when the caller adds nothing: the session and transports never mutate params.
    // The envelope wins: a caller cannot spoof the reserved keys.
    return withKey(params, '_meta', hasUserMeta ? Object.assign(shallowCopy(userMeta), envelope) : envelope);
  }

  /**
   * Sends one request with the era's envelope and nothing else: no cache, no input loop, no
   * validation (for long-lived requests such as `subscriptions/listen`).
   */
  raw(method: string, params: Params, options: CallOptions = {}): Promise<Params> {
    return this.#deps.session.request(method, this.#withMeta(params, this.#deps.facts(), options), sessionOptions(options));
  }
}
