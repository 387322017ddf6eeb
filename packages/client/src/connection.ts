/**
 * One connection of a client: the session, the negotiated state and the pieces built on them
 * (requester, cache, tool registry, subscriptions). A new `connect` builds a new one.
 *
 * @module
 */
import {
  MODERN_PROTOCOL_VERSIONS,
  McpkitError,
  MetaKey,
  McpkitErrorCode,
  hasCapability,
  type DiscoverResult,
  type McpError,
  type ImplementationInfo,
  type JSONRPCRequest,
  type LoggingLevel,
  type RequestContext,
  type RequestId,
  type SessionApi,
  type SessionOptions,
  type Transport,
} from '@mcpkit/core';
import { ResponseCache } from './cache.js';
import type { CallContext } from './calls.js';
import type { ClientEventEmitter } from './events.js';
import { INPUT_METHODS, declareCapabilities, fulfilInput, type InputContext, type InputHandlers } from './input-handlers.js';
import { validateJsonSchema } from '@mcpkit/core';
import { DEFAULT_MAX_INPUT_ROUNDS } from './mrtr.js';
import { negotiate, type NegotiateOptions, type Negotiated } from './negotiate.js';
import { DEFAULT_PROBE_TIMEOUT, DEFAULT_REQUEST_TIMEOUT, type ClientOptions } from './options.js';
import { Requester, type CallOptions } from './requester.js';
import { Subscriptions, type ListenFilter, type Subscription } from './subscriptions.js';
import { globalTimers } from './timers.js';
import { ToolRegistry } from './tool-registry.js';
import { requiredElicitations, runUrlElicitations, type UrlElicitationDeps } from './url-elicitation.js';

/** Builds the session of a connection from its options. */
export type SessionFactory = (options: SessionOptions) => SessionApi;

/** The state and machinery of one connection. */
export class Connection implements CallContext {
  /** Sends the calls of this connection. */
  readonly requester: Requester;
  /** Output schemas of the tools listed on this connection. */
  readonly tools: ToolRegistry;
  /** What negotiation agreed; `undefined` until `open()` resolves. */
  state: Negotiated | undefined;
  readonly #session: SessionApi;
  readonly #transport: Transport;
  readonly #info: ImplementationInfo;
  readonly #options: ClientOptions;
  readonly #events: ClientEventEmitter;
  readonly #handlers: InputHandlers;
  readonly #cache: ResponseCache | undefined;
  readonly #subscriptions: Subscriptions;
  readonly #completions = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  #offCompletions: () => void = () => undefined;
  #renewing: Promise<boolean> | undefined;
  #lastId: RequestId | undefined;
  #logLevel: string | undefined;

  /**
   * @param transport - the channel
   * @param info - the client's identity
   * @param options - the client's options
   * @param events - where events go
   * @param createSession - builds the session (the client passes core's `Session`)
   */
  constructor(transport: Transport, info: ImplementationInfo, options: ClientOptions, events: ClientEventEmitter, createSession: SessionFactory) {
    this.#transport = transport;
    this.#info = info;
    this.#options = options;
    this.#events = events;
    this.#handlers = { sampling: options.sampling, elicitation: options.elicitation, roots: options.roots };
    this.#logLevel = options.logLevel;
    let nextId = 0;
    this.#session = createSession({
      ...options.session,
      requestTimeout: options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT,
      ...(options.timers === undefined ? {} : { timers: options.timers }),
      // Remembered so a subscriptions/listen acknowledgment can be tied to its request id.
      generateId: () => (this.#lastId = ++nextId),
    });
    const cacheOptions = options.cache === undefined || options.cache === true ? {} : options.cache;
    this.#cache = cacheOptions === false ? undefined : new ResponseCache(cacheOptions);
    this.tools = new ToolRegistry(options.outputValidator === false ? undefined : (options.outputValidator ?? validateJsonSchema));
    this.requester = new Requester({
      session: this.#session,
      facts: () => ({
        era: this.state?.era ?? 'modern',
        protocolVersion: this.state?.protocolVersion ?? '',
        clientInfo: this.#info,
        capabilities: this.#capabilities(),
        logLevel: this.#logLevel,
      }),
      cache: this.#cache,
      maxInputRounds: options.maxInputRounds ?? DEFAULT_MAX_INPUT_ROUNDS,
      fulfil: (method, params, ctx) => fulfilInput(this.#handlers, method, params, ctx),
      switchVersion: (error) => this.#switchVersion(error),
      urlElicitation: (error, signal) => this.#answerUrlElicitation(error, signal),
      renewSession: (error) => this.#renewSession(error),
    });
    this.#subscriptions = new Subscriptions(events, this.#cache, () => this.#lastId, options.timers ?? globalTimers);
  }

  /** True once the session has closed. */
  get closed(): boolean {
    return this.#session.closed;
  }

  #capabilities(era = this.state?.era ?? 'modern') {
    return declareCapabilities(this.#handlers, era, this.#options.capabilities);
  }

  /** Starts the session, installs handlers and negotiates the era. */
  async open(): Promise<void> {
    const session = this.#session;
    session.onclose = () => this.#events.emit('close', undefined);
    session.onerror = (error) => this.#events.emit('error', error);
    for (const method of INPUT_METHODS) {
      // Legacy server-to-client requests; a modern server never sends them.
      session.setRequestHandler(method, (request: JSONRPCRequest, ctx: RequestContext) => {
        const inputCtx: InputContext = { signal: ctx.signal, era: this.state?.era ?? 'legacy' };
        return fulfilInput(this.#handlers, method, request.params, inputCtx);
      });
    }
    session.setRequestHandler('ping', () => ({}));
    this.#subscriptions.install(session, () => this.tools.clear());
    this.#offCompletions = this.#events.on('elicitationComplete', ({ elicitationId }) => this.#completions.get(elicitationId)?.resolve());
    await session.start();
    this.state = await negotiate(session, this.#negotiateOptions(this.#options.protocolVersion));
  }

  #negotiateOptions(protocolVersion: string | undefined): NegotiateOptions {
    return {
      clientInfo: this.#info,
      capabilities: (era) => this.#capabilities(era),
      protocolVersion,
      era: this.#options.era,
      probeTimeout: this.#options.probeTimeout ?? DEFAULT_PROBE_TIMEOUT,
      requestTimeout: this.#options.requestTimeout,
      setProtocolVersion: (version) => this.#transport.setProtocolVersion?.(version),
    };
  }

  /** A legacy HTTP session the server forgot (404) is replaced by a new one, once per loss. */
  #renewSession(error: unknown): Promise<boolean> {
    const data = error instanceof Error && 'data' in error ? (error as { data?: unknown }).data : undefined;
    const status = typeof data === 'object' && data !== null ? (data as { httpStatus?: unknown }).httpStatus : undefined;
    const state = this.state;
    if (status !== 404 || state === undefined || state.era !== 'legacy') return Promise.resolve(false);
    this.#renewing ??= negotiate(this.#session, this.#negotiateOptions(state.protocolVersion)).then(
      (renewed) => {
        this.state = renewed;
        return true;
      },
      () => false,
    ).finally(() => (this.#renewing = undefined));
    return this.#renewing;
  }

  /** Closes the session. */
  async close(): Promise<void> {
    this.#offCompletions();
    await this.#session.close();
  }

  /** {@inheritDoc CallContext.requireServer} */
  requireServer(capability: string, method: string): void {
    const caps = this.state?.serverCapabilities;
    if (this.#options.strictCapabilities === false || caps === undefined) return;
    if (!hasCapability(caps, capability)) {
      throw new McpkitError(McpkitErrorCode.CapabilityMissing, `The server does not support ${method} (no "${capability}" capability)`, {
        data: { capability, method },
      });
    }
  }

  /** {@inheritDoc CallContext.warn} */
  warn(error: Error): void {
    this.#events.emit('error', error);
  }

  /** `server/discover`, refreshing the known server facts (modern); the `initialize` facts (legacy). */
  async discover(options?: CallOptions): Promise<DiscoverResult> {
    const state = this.#state();
    if (state.era === 'legacy') {
      const legacy: DiscoverResult = {
        resultType: 'complete',
        ttlMs: 0,
        cacheScope: 'private',
        supportedVersions: [state.protocolVersion],
        capabilities: state.serverCapabilities ?? {},
      };
      if (state.instructions !== undefined) legacy.instructions = state.instructions;
      if (state.serverInfo !== undefined) legacy._meta = { [MetaKey.ServerInfo]: state.serverInfo };
      return legacy;
    }
    const result = await this.requester.request<DiscoverResult>('server/discover', {}, options);
    const meta = result._meta as Record<string, unknown> | undefined;
    const info = meta?.[MetaKey.ServerInfo];
    this.state = {
      ...state,
      serverCapabilities: result.capabilities as Record<string, unknown>,
      instructions: result.instructions,
      supportedVersions: result.supportedVersions,
      serverInfo: typeof info === 'object' && info !== null ? (info as ImplementationInfo) : state.serverInfo,
    };
    return result;
  }

  /** `ping` (legacy) or `server/discover` (modern). */
  async ping(options?: CallOptions): Promise<void> {
    if (this.#state().era === 'legacy') await this.requester.request('ping', {}, options);
    else await this.requester.request('server/discover', {}, options);
  }

  /** `logging/setLevel` (legacy) or the per-request level (modern). */
  async setLoggingLevel(level: LoggingLevel, options?: CallOptions): Promise<void> {
    if (this.#state().era === 'modern') {
      this.#logLevel = level;
      return;
    }
    this.requireServer('logging', 'logging/setLevel');
    await this.requester.request('logging/setLevel', { level }, options);
  }

  /** Legacy `resources/subscribe`. */
  async subscribeResource(uri: string, options?: CallOptions): Promise<void> {
    this.#legacyOnly('resources/subscribe', 'listen({ resourceSubscriptions })');
    this.requireServer('resources.subscribe', 'resources/subscribe');
    await this.requester.request('resources/subscribe', { uri }, options);
  }

  /** Legacy `resources/unsubscribe`. */
  async unsubscribeResource(uri: string, options?: CallOptions): Promise<void> {
    this.#legacyOnly('resources/unsubscribe', 'closing the listen subscription');
    await this.requester.request('resources/unsubscribe', { uri }, options);
  }

  /** Opens a subscription in either era. */
  listen(filter: ListenFilter, options: CallOptions = {}): Promise<Subscription> {
    const state = this.#state();
    // Modern servers say what they honour in the acknowledgment; legacy ones declare resources.subscribe.
    if (state.era === 'legacy' && filter.resourceSubscriptions !== undefined && filter.resourceSubscriptions.length > 0) {
      this.requireServer('resources.subscribe', 'resource subscriptions');
    }
    if (state.era === 'legacy') return this.#subscriptions.listenLegacy(this.requester, filter, state.serverCapabilities, options);
    const ackTimeout = options.timeout ?? this.#options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT;
    return this.#subscriptions.listenModern(this.requester, filter, { ...options, ackTimeout });
  }

  /** Legacy `notifications/roots/list_changed`. */
  async sendRootsListChanged(): Promise<void> {
    if (this.#state().era === 'legacy' && this.#handlers.roots !== undefined) {
      await this.#session.notify('notifications/roots/list_changed');
    }
  }

  async #answerUrlElicitation(error: unknown, signal: AbortSignal | undefined): Promise<boolean> {
    const elicitations = requiredElicitations(error);
    if (elicitations === undefined || this.#handlers.elicitation?.url === undefined) return false;
    try {
      return await runUrlElicitations(elicitations, this.#urlDeps(), signal ?? new AbortController().signal);
    } finally {
      for (const e of elicitations) this.#completions.delete(String(e['elicitationId']));
    }
  }

  #urlDeps(): UrlElicitationDeps {
    return {
      fulfil: (method, params, ctx) => fulfilInput(this.#handlers, method, params, ctx),
      completed: (id) => {
        let entry = this.#completions.get(id);
        if (entry === undefined) {
          let resolve: () => void = () => undefined;
          const promise = new Promise<void>((r) => (resolve = r));
          this.#completions.set(id, (entry = { promise, resolve }));
        }
        return entry.promise;
      },
      timeout: this.#options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT,
      timers: this.#options.timers ?? globalTimers,
    };
  }

  #switchVersion(error: McpError): boolean {
    const state = this.state;
    if (state === undefined || state.era !== 'modern') return false;
    const data = typeof error.data === 'object' && error.data !== null ? (error.data as { supported?: unknown }) : {};
    const offered = Array.isArray(data.supported) ? data.supported : [];
    const next = MODERN_PROTOCOL_VERSIONS.find((v) => v !== state.protocolVersion && offered.includes(v));
    if (next === undefined) return false;
    this.state = { ...state, protocolVersion: next };
    this.#transport.setProtocolVersion?.(next);
    return true;
  }

  #state(): Negotiated {
    if (this.state === undefined) throw new McpkitError(McpkitErrorCode.NotConnected, 'The client is not connected; call connect() first');
    return this.state;
  }

  #legacyOnly(method: string, instead: string): void {
    if (this.#state().era === 'modern') {
      throw new McpkitError(McpkitErrorCode.InvalidArgument, `${method} does not exist in protocol ${this.state?.protocolVersion}; use ${instead}`);
    }
  }
}
