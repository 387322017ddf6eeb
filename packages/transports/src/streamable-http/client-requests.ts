/**
 * Bookkeeping of the client's in-flight requests: which wire ids still await a response, the
 * new ids of re-issued modern requests mapped back to the session's ids, the abort of each
 * modern HTTP exchange, and the `x-mcp-header` annotations learned from `tools/list`.
 *
 * @module
 */
import {
  isJSONRPCResultResponse,
  type JSONRPCRequest,
  type JSONRPCResponse,
  type RequestId,
} from '@mcpkit/core';
import { readHeaderParams, type HeaderParam } from './x-mcp-header.js';

/** In-flight requests of one client transport. */
export class ClientRequests {
  readonly #awaiting = new Set<RequestId>();
  readonly #original = new Map<RequestId, RequestId>();
  readonly #modern = new Map<RequestId, AbortController>();
  readonly #toolsList = new Set<RequestId>();
  readonly #learned = new Map<string, readonly HeaderParam[]>();

  /** Starts tracking a request the session sent. */
  track(request: JSONRPCRequest, modern: boolean): void {
    this.#awaiting.add(request.id);
    if (request.method === 'tools/list') this.#toolsList.add(request.id);
    if (modern) this.#modern.set(request.id, new AbortController());
  }

  /** True while a response for this wire id is awaited. */
  awaits(wireId: RequestId): boolean {
    return this.#awaiting.has(wireId);
  }

  /** Moves an awaited request to a new wire id (modern re-issue). */
  rename(oldWireId: RequestId, newWireId: RequestId): void {
    const original = this.#original.get(oldWireId) ?? oldWireId;
    this.#original.delete(oldWireId);
    this.#awaiting.delete(oldWireId);
    this.#original.set(newWireId, original);
    this.#awaiting.add(newWireId);
  }

  /**
   * Settles a received response: the response with the session's id, or `undefined` for a
   * response nobody awaits (a duplicate), which must be dropped.
   */
  settle(response: JSONRPCResponse, wireId: RequestId): JSONRPCResponse | undefined {
    if (!this.#awaiting.delete(wireId)) return undefined;
    const original = this.#original.get(wireId);
    this.#original.delete(wireId);
    const id = original ?? wireId;
    this.#modern.delete(id);
    const out = original === undefined ? response : { ...response, id: original };
    if (this.#toolsList.delete(id) && isJSONRPCResultResponse(out)) this.#learn(out.result);
    return out;
  }

  /** Stops awaiting a modern request and aborts its HTTP exchange. False when it is not one. */
  cancel(originalId: RequestId): boolean {
    const controller = this.#modern.get(originalId);
    if (controller === undefined) return false;
    this.#modern.delete(originalId);
    for (const [wire, original] of this.#original) {
      if (original !== originalId) continue;
      this.#original.delete(wire);
      this.#awaiting.delete(wire);
    }
    this.#awaiting.delete(originalId);
    controller.abort();
    return true;
  }

  /** The abort signal of a modern request's HTTP exchange, by wire id. */
  signalOf(wireId: RequestId): AbortSignal | undefined {
    return this.#modern.get(this.#original.get(wireId) ?? wireId)?.signal;
  }

  /** The learned `x-mcp-header` annotations of a tool. */
  headerParams(toolName: string): readonly HeaderParam[] | undefined {
    return this.#learned.get(toolName);
  }

  #learn(result: Record<string, unknown>): void {
    const tools = result.tools;
    if (!Array.isArray(tools)) return;
    for (const tool of tools as { name?: unknown; inputSchema?: unknown }[]) {
      if (typeof tool?.name !== 'string') continue;
      const read = readHeaderParams(tool.inputSchema);
      if (read.ok) this.#learned.set(tool.name, read.params);
      else this.#learned.delete(tool.name);
    }
  }
}
