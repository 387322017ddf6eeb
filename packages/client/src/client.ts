/**
 * The mcpkit `Client`: one client for every server. It finds out the server's era by itself, then
 * sends typed calls, answers what the server asks of it and surfaces change events.
 *
 * @module
 */
import {
  McpkitError,
  McpkitErrorCode,
  Session,
  type CapabilitiesObject,
  type CompleteResult,
  type DiscoverResult,
  type GetPromptResult,
  type ListPromptsResult,
  type ListResourceTemplatesResult,
  type ListResourcesResult,
  type ListToolsResult,
  type ReadResourceResult,
  type Era,
  type ImplementationInfo,
  type LoggingLevel,
  type Prompt,
  type Resource,
  type ResourceTemplate,
  type Tool,
  type Transport,
} from '@mcpkit/core';
import * as calls from './calls.js';
import { ClientEventEmitter, type ClientEventListener, type ClientEventName } from './events.js';
import { Connection } from './connection.js';
import type { ClientOptions } from './options.js';
import { paginate } from './pagination.js';
import type { CallOptions } from './requester.js';
import type { ListenFilter, Subscription } from './subscriptions.js';

/**
 * An MCP client for servers of every protocol version.
 *
 * @example
 * ```ts
 * const client = new Client({ name: 'my-app', version: '1.0.0' }, {
 *   elicitation: { form: async (params) => ({ action: 'accept', content: await askUser(params) }) },
 * });
 * await client.connect(transport);
 * for await (const tool of client.tools()) console.log(tool.name);
 * const result = await client.callTool({ name: 'add', arguments: { a: 1, b: 2 } }, { timeout: 5_000 });
 * ```
 */
export class Client {
  readonly #info: ImplementationInfo;
  readonly #options: ClientOptions;
  readonly #events = new ClientEventEmitter();
  #connection: Connection | undefined;

  /**
   * @param info - the client's name and version, sent to servers
   * @param options - handlers, pins, limits and cache, see {@link ClientOptions}
   */
  constructor(info: ImplementationInfo, options: ClientOptions = {}) {
    this.#info = info;
    this.#options = options;
  }

  /**
   * Connects over `transport` and negotiates the era: `server/discover` first, the legacy
   * `initialize` handshake if the server is legacy (unless pinned by options).
   *
   * @throws McpkitError `MCPKIT_UNSUPPORTED_PROTOCOL_VERSION` when no version is mutual
   */
  async connect(transport: Transport): Promise<void> {
    if (this.#connection !== undefined && !this.#connection.closed) {
      throw new McpkitError(McpkitErrorCode.InvalidArgument, 'The client is already connected; close() it first');
    }
    const connection = new Connection(transport, this.#info, this.#options, this.#events, (sessionOptions) => new Session(transport, sessionOptions));
    this.#connection = connection;
    try {
      await connection.open();
    } catch (error) {
      await connection.close();
      throw error;
    }
  }

  /** Closes the connection; pending calls reject with `MCPKIT_CONNECTION_CLOSED`. */
  async close(): Promise<void> {
    await this.#connection?.close();
  }

  /** The era spoken with the server (after `connect`). */
  get era(): Era | undefined {
    return this.#connection?.state?.era;
  }

  /** The protocol version in use (after `connect`). */
  get protocolVersion(): string | undefined {
    return this.#connection?.state?.protocolVersion;
  }

  /** The server's self-reported name and version. */
  get serverInfo(): ImplementationInfo | undefined {
    return this.#connection?.state?.serverInfo;
  }

  /** The server's capabilities; `undefined` until known (a pinned modern version learns them with `discover()`). */
  get serverCapabilities(): CapabilitiesObject | undefined {
    return this.#connection?.state?.serverCapabilities;
  }

  /** The server's instructions for LLMs, if it gave any. */
  get instructions(): string | undefined {
    return this.#connection?.state?.instructions;
  }

  #ctx(): Connection {
    const connection = this.#connection;
    if (connection === undefined || connection.state === undefined || connection.closed) {
      throw new McpkitError(McpkitErrorCode.NotConnected, 'The client is not connected; call connect() first');
    }
    return connection;
  }

  /**
   * `server/discover` (modern): the server's versions, capabilities and identity; refreshes
   * {@link serverCapabilities}. In the legacy era it returns what `initialize` reported.
   */
  async discover(options?: CallOptions): Promise<DiscoverResult> {
    return this.#ctx().discover(options);
  }

  /** Checks the server is alive: `ping` (legacy) or `server/discover` (modern, which has no ping). */
  async ping(options?: CallOptions): Promise<void> {
    await this.#ctx().ping(options);
  }

  /** One page of `tools/list`. Prefer {@link tools} to walk every page. */
  async listTools(params?: calls.ListParams, options?: CallOptions): Promise<ListToolsResult> {
    return calls.listTools(this.#ctx(), params, options);
  }

  /**
   * Every tool, following cursors.
   *
   * @example
   * ```ts
   * for await (const tool of client.tools()) console.log(tool.name);
   * ```
   */
  tools(options?: CallOptions): AsyncGenerator<Tool, void, undefined> {
    return paginate((cursor) => this.listTools(cursor === undefined ? undefined : { cursor }, options), (p) => p.tools, this.#pages());
  }

  /**
   * Calls a tool. A result's `structuredContent` is checked against the tool's output schema
   * (when the tool was listed) and typed `S`.
   *
   * @throws McpkitError `MCPKIT_INVALID_RESPONSE` with `data.issues` when it does not match
   */
  async callTool<S = unknown>(params: calls.CallToolParams, options?: CallOptions): Promise<calls.TypedCallToolResult<S>> {
    return calls.callTool<S>(this.#ctx(), params, options);
  }

  /** One page of `resources/list`. */
  async listResources(params?: calls.ListParams, options?: CallOptions): Promise<ListResourcesResult> {
    return calls.listResources(this.#ctx(), params, options);
  }

  /** Every resource, following cursors. */
  resources(options?: CallOptions): AsyncGenerator<Resource, void, undefined> {
    return paginate((cursor) => this.listResources(cursor === undefined ? undefined : { cursor }, options), (p) => p.resources, this.#pages());
  }

  /** One page of `resources/templates/list`. */
  async listResourceTemplates(params?: calls.ListParams, options?: CallOptions): Promise<ListResourceTemplatesResult> {
    return calls.listResourceTemplates(this.#ctx(), params, options);
  }

  /** Every resource template, following cursors. */
  resourceTemplates(options?: CallOptions): AsyncGenerator<ResourceTemplate, void, undefined> {
    return paginate(
      (cursor) => this.listResourceTemplates(cursor === undefined ? undefined : { cursor }, options),
      (p) => p.resourceTemplates,
      this.#pages(),
    );
  }

  /** `resources/read`. */
  async readResource(params: { uri: string }, options?: CallOptions): Promise<ReadResourceResult> {
    return calls.readResource(this.#ctx(), params, options);
  }

  /** One page of `prompts/list`. */
  async listPrompts(params?: calls.ListParams, options?: CallOptions): Promise<ListPromptsResult> {
    return calls.listPrompts(this.#ctx(), params, options);
  }

  /** Every prompt, following cursors. */
  prompts(options?: CallOptions): AsyncGenerator<Prompt, void, undefined> {
    return paginate((cursor) => this.listPrompts(cursor === undefined ? undefined : { cursor }, options), (p) => p.prompts, this.#pages());
  }

  /** `prompts/get`. */
  async getPrompt(params: calls.GetPromptParams, options?: CallOptions): Promise<GetPromptResult> {
    return calls.getPrompt(this.#ctx(), params, options);
  }

  /** `completion/complete`: suggestions for a prompt or resource-template argument. */
  async complete(params: calls.CompleteParams, options?: CallOptions): Promise<CompleteResult> {
    return calls.complete(this.#ctx(), params, options);
  }

  /**
   * Sets the server's log level: `logging/setLevel` in the legacy era; in the modern era the level
   * is sent with every later request (`_meta` `io.modelcontextprotocol/logLevel`).
   */
  async setLoggingLevel(level: LoggingLevel, options?: CallOptions): Promise<void> {
    await this.#ctx().setLoggingLevel(level, options);
  }

  /** Legacy `resources/subscribe`; in the modern era use {@link listen}. */
  async subscribeResource(params: { uri: string }, options?: CallOptions): Promise<void> {
    await this.#ctx().subscribeResource(params.uri, options);
  }

  /** Legacy `resources/unsubscribe`. */
  async unsubscribeResource(params: { uri: string }, options?: CallOptions): Promise<void> {
    await this.#ctx().unsubscribeResource(params.uri, options);
  }

  /**
   * Opts in to change notifications, in either era: a `subscriptions/listen` stream (modern) or
   * `resources/subscribe` per URI (legacy). Events arrive through {@link on}.
   *
   * @example
   * ```ts
   * client.on('resourceUpdated', ({ uri }) => reload(uri));
   * const sub = await client.listen({ toolsListChanged: true, resourceSubscriptions: ['file:///a.md'] });
   * await sub.close();
   * ```
   */
  async listen(filter: ListenFilter, options?: CallOptions): Promise<Subscription> {
    return this.#ctx().listen(filter, options);
  }

  /** Legacy era: tells the server the roots changed. A no-op in the modern era (no such notification). */
  async sendRootsListChanged(): Promise<void> {
    await this.#ctx().sendRootsListChanged();
  }

  /** Adds an event listener; returns a function that removes it. */
  on<E extends ClientEventName>(event: E, listener: ClientEventListener<E>): () => void {
    return this.#events.on(event, listener);
  }

  /** Removes an event listener. */
  off<E extends ClientEventName>(event: E, listener: ClientEventListener<E>): void {
    this.#events.off(event, listener);
  }

  #pages(): { maxPages?: number } {
    return this.#options.maxPages === undefined ? {} : { maxPages: this.#options.maxPages };
  }
}
