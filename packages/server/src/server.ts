/**
 * `McpServer`: one definition of tools, resources and prompts that serves modern (2026-07-28) and
 * legacy clients alike, over any transport.
 *
 * @module
 */
import { Session, type HandlerTable, type Tool, type ImplementationInfo, type ServerCapabilities, type Transport } from '@mcpkit/core';
import { deriveCapabilities } from './capabilities.js';
import { ConnectionRegistry } from './context/connection.js';
import { buildHandlerTable } from './dispatcher.js';
import { ListenHub } from './handlers/listen-hub.js';
import { HandlerGate } from './limits.js';
import { RequestStateCodec, DEFAULT_REQUEST_STATE_TTL_MS, randomSecret } from './mrtr/request-state.js';
import {
  DEFAULT_HANDLER_TIMEOUT_MS,
  DEFAULT_MAX_CONCURRENT_HANDLERS,
  DEFAULT_MAX_QUEUED_HANDLERS,
  DEFAULT_MAX_RESULT_BYTES,
  type McpServerOptions,
} from './options.js';
import { DEFAULT_PAGE_SIZE } from './registry/pagination.js';
import { buildPromptEntry, type PromptConfig, type PromptEntry, type PromptHandler, type RegisteredPrompt } from './registry/prompts.js';
import { Registry } from './registry/registry.js';
import {
  buildResourceEntry,
  buildTemplateEntry,
  type RegisteredResource,
  type ResourceConfig,
  type ResourceEntry,
  type TemplateEntry,
  type ResourceReadHandler,
  type ResourceTemplateConfig,
  type TemplateReadHandler,
} from './registry/resources.js';
import { buildToolEntry, type RegisteredTool, type ToolEntry, type ToolConfig, type ToolHandler } from './registry/tools.js';
import type { SchemaInput } from './schema/compile.js';
import type { ServerCore } from './server-core.js';
import type { ServerContext } from './context/server-context.js';
import { TaskManager } from './tasks/task-manager.js';
import { InMemoryTaskStore } from './tasks/task-store.js';

/**
 * An MCP server. Register tools, resources and prompts, then `connect` it to transports: each
 * connection is cheap (one per stateless HTTP request is fine) and shares one handler table.
 *
 * @example
 * ```ts
 * const server = new McpServer({ name: 'weather', version: '1.0.0' });
 * server.tool('forecast', { description: 'Forecast for a city', inputSchema: z.object({ city: z.string() }) },
 *   async ({ city }) => `Sunny in ${city}`);
 * await server.connect(new StdioServerTransport());
 * ```
 */
export class McpServer {
  /** The server's identity. */
  readonly info: ImplementationInfo;
  readonly #options: McpServerOptions;
  readonly #core: ServerCore;
  readonly #table: HandlerTable;
  readonly #sessions = new Set<Session>();

  /**
   * @param info - name and version (and optional title) of the server
   * @param options - limits, caching hints, request-state secret, middleware, task store
   */
  constructor(info: ImplementationInfo, options: McpServerOptions = {}) {
    this.info = info;
    this.#options = options;
    const report = (error: Error): void => {
      try {
        options.onerror?.(error);
      } catch {
        // A throwing error sink must not break request handling.
      }
    };
    const connections = new ConnectionRegistry();
    const listeners = new ListenHub(connections, report);
    const tools = new Registry<ToolEntry>('tool', () => listeners.listChanged('tools'));
    const resources = new Registry<ResourceEntry>('resource', () => listeners.listChanged('resources'));
    const templates = new Registry<TemplateEntry>('resource template', () => listeners.listChanged('resources'));
    const prompts = new Registry<PromptEntry>('prompt', () => listeners.listChanged('prompts'));
    const now = options.now ?? Date.now;
    this.#core = {
      info,
      instructions: options.instructions,
      limits: {
        pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
        listCache: { ttlMs: options.listCache?.ttlMs ?? 0, scope: options.listCache?.scope ?? 'public' },
        readCache: { ttlMs: options.readCache?.ttlMs ?? 0, scope: options.readCache?.scope ?? 'private' },
        discoverCache: { ttlMs: options.discoverCache?.ttlMs ?? 0, scope: options.discoverCache?.scope ?? 'public' },
        requestStateTtlMs: options.requestStateTtlMs ?? DEFAULT_REQUEST_STATE_TTL_MS,
        handlerTimeoutMs: options.handlerTimeoutMs ?? DEFAULT_HANDLER_TIMEOUT_MS,
        maxResultBytes: options.maxResultBytes ?? DEFAULT_MAX_RESULT_BYTES,
      },
      tools,
      resources,
      templates,
      prompts,
      connections,
      listeners,
      codec: new RequestStateCodec(options.requestStateSecret ?? randomSecret(), now),
      tasks: new TaskManager({
        store: options.taskStore ?? new InMemoryTaskStore({ now }),
        ttlMs: options.tasks?.ttlMs ?? 60 * 60_000,
        pollIntervalMs: options.tasks?.pollIntervalMs ?? 500,
        now,
        report,
        onChange: (task) => listeners.taskChanged(task),
      }),
      middleware: options.middleware ?? [],
      onRootsListChanged: options.onRootsListChanged,
      capabilities: () => deriveCapabilities({ tools, resources, templates, prompts }, options.capabilities),
      report,
    };
    const gate = new HandlerGate(options.maxConcurrentHandlers ?? DEFAULT_MAX_CONCURRENT_HANDLERS, options.maxQueuedHandlers ?? DEFAULT_MAX_QUEUED_HANDLERS);
    this.#table = buildHandlerTable(this.#core, gate);
  }

  /** The handler table shared by every connection (for transports that open sessions themselves). */
  get handlers(): HandlerTable {
    return this.#table;
  }

  /** The capabilities the server declares now. */
  get capabilities(): ServerCapabilities {
    return this.#core.capabilities();
  }

  /**
   * Registers a tool. The handler's argument type is inferred from `inputSchema`, its
   * `structuredContent` type from `outputSchema`.
   *
   * @example
   * ```ts
   * server.tool('add', { inputSchema: z.object({ a: z.number(), b: z.number() }), outputSchema: z.object({ sum: z.number() }) },
   *   ({ a, b }) => ({ structuredContent: { sum: a + b } }));
   * ```
   */
  tool<In extends SchemaInput | undefined = undefined, Out extends SchemaInput | undefined = undefined>(
    name: string,
    config: ToolConfig<In, Out>,
    handler: ToolHandler<In, Out>,
  ): RegisteredTool {
    const entry = buildToolEntry(name, config, handler as (args: unknown, ctx: ServerContext) => unknown, this.#options.jsonSchemaConverter);
    const remove = this.#core.tools.add(name, entry);
    return { name, remove };
  }

  /** The wire definition of a registered tool (e.g. for transports that read `x-mcp-header`). */
  getToolDefinition(name: string): Tool | undefined {
    return this.#core.tools.get(name)?.definition;
  }

  /** Registers a static resource. `read` may return contents, a string (text) or bytes (blob). */
  resource(name: string, uri: string, config: ResourceConfig, read: ResourceReadHandler): RegisteredResource {
    const remove = this.#core.resources.add(uri, buildResourceEntry(name, uri, config, read));
    return { key: uri, remove };
  }

  /**
   * Registers a resource template (RFC 6570). Variables are typed from the template text.
   *
   * @example
   * ```ts
   * server.resourceTemplate('user', 'users://{id}/profile', { complete: { id: (v) => ids.filter((i) => i.startsWith(v)) } },
   *   (uri, { id }) => JSON.stringify(profiles.get(String(id))));
   * ```
   */
  resourceTemplate<T extends string>(name: string, uriTemplate: T, config: ResourceTemplateConfig<T>, read: TemplateReadHandler<T>): RegisteredResource {
    const remove = this.#core.templates.add(name, buildTemplateEntry(name, uriTemplate, config, read));
    return { key: name, remove };
  }

  /** Registers a prompt. Argument types are inferred from `argsSchema`. */
  prompt<A extends SchemaInput | undefined = undefined>(name: string, config: PromptConfig<A>, handler: PromptHandler<A>): RegisteredPrompt {
    const entry = buildPromptEntry(name, config, handler as never, this.#options.jsonSchemaConverter);
    const remove = this.#core.prompts.add(name, entry);
    return { name, remove };
  }

  /**
   * Announces that a list changed without registering or removing anything (for example when the
   * `list` callback of a template would now answer differently): legacy connections get
   * `notifications/<kind>/list_changed`, modern listen streams that asked for it too.
   */
  notifyListChanged(kind: 'tools' | 'prompts' | 'resources'): void {
    this.#core.listeners.listChanged(kind);
  }

  /** Tells subscribers (legacy `resources/subscribe`, modern listen streams) that `uri` changed. */
  notifyResourceUpdated(uri: string): void {
    this.#core.listeners.resourceUpdated(uri);
  }

  /**
   * Serves one connection. Cheap: a session over the shared handler table; legacy state is made
   * only when the client sends `initialize`.
   */
  async connect(transport: Transport): Promise<void> {
    const session = new Session(transport, { ...this.#options.session, handlers: this.#table });
    this.#sessions.add(session);
    session.onclose = () => {
      this.#sessions.delete(session);
      this.#core.connections.delete(session);
    };
    session.onerror = (error) => this.#core.report(error);
    await session.start();
  }

  /** Ends listen streams gracefully and closes every connection. */
  async close(): Promise<void> {
    // A macrotask lets the graceful listen results go out before the transports close.
    if (this.#core.listeners.endAll() > 0) await new Promise((resolve) => setTimeout(resolve, 0));
    await Promise.all([...this.#sessions].map((s) => s.close()));
  }
}
