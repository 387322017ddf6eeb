/**
 * Inbound requests being handled: one `AbortController` each, a concurrency limit with a bounded
 * queue, and cancellation by the peer or by the transport.
 *
 * @module
 */
import type { JSONRPCRequest, RequestId } from '../schemas/jsonrpc.js';
import type { MessageInfo } from '../transport.js';

/** Default of `SessionOptions.maxConcurrentRequests`. */
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 64;

/** Default of `SessionOptions.maxQueuedRequests`. */
export const DEFAULT_MAX_QUEUED_REQUESTS = 1024;

/**
 * One inbound request, from arrival to its response (or its cancellation). Its `AbortSignal` is
 * created only when a handler reads it: most requests never need one.
 */
export class InboundEntry {
  readonly request: JSONRPCRequest;
  readonly info: MessageInfo | undefined;
  onTransportAbort: (() => void) | undefined;
  #controller: AbortController | undefined;
  #aborted = false;
  #reason: unknown;

  constructor(request: JSONRPCRequest, info: MessageInfo | undefined) {
    this.request = request;
    this.info = info;
  }

  /** Aborted when the request is cancelled; an aborted request gets no response. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  /** True once cancelled. */
  get aborted(): boolean {
    return this.#aborted;
  }

  /** Cancels the request. */
  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.#controller?.abort(reason);
  }
}

/** Why {@link InboundRequests.accept} refused a request. */
export type Refusal = 'duplicate' | 'overloaded';

/** What the tracker needs from its session. */
export interface InboundDeps {
  readonly maxConcurrentRequests: number;
  readonly maxQueuedRequests: number;
  /** Runs the handler and sends the response; resolves when done (never rejects). */
  run(entry: InboundEntry): Promise<void>;
}

/** Inbound requests of one session. Internal: the session is its only user. */
export class InboundRequests {
  readonly #deps: InboundDeps;
  #entries: Map<RequestId, InboundEntry> | undefined;
  #queue: InboundEntry[] | undefined;
  #running = 0;

  constructor(deps: InboundDeps) {
    this.#deps = deps;
  }

  /** Requests running or queued. */
  get size(): number {
    return this.#entries?.size ?? 0;
  }

  /**
   * Starts the request, or queues it when every slot is busy. Returns why it was refused, if it
   * was: the id is already in use, or the queue is full. A request whose transport signal is
   * already aborted is dropped (nobody could read the response).
   */
  accept(request: JSONRPCRequest, info: MessageInfo | undefined): Refusal | undefined {
    const entries = (this.#entries ??= new Map());
    if (entries.has(request.id)) return 'duplicate';
    const busy = this.#running >= this.#deps.maxConcurrentRequests;
    if (busy && (this.#queue?.length ?? 0) >= this.#deps.maxQueuedRequests) return 'overloaded';
    if (info?.signal?.aborted) return undefined;
    const entry = new InboundEntry(request, info);
    entries.set(request.id, entry);
    const transportSignal = info?.signal;
    if (transportSignal !== undefined) {
      entry.onTransportAbort = () => this.cancel(request.id, 'The transport can no longer deliver the response');
      transportSignal.addEventListener('abort', entry.onTransportAbort, { once: true });
    }
    if (busy) (this.#queue ??= []).push(entry);
    else this.#start(entry);
    return undefined;
  }

  /** Cancels a running or queued request: its signal aborts and its response is suppressed. */
  cancel(requestId: RequestId, reason: string | undefined): void {
    const entry = this.#entries?.get(requestId);
    if (entry === undefined) return;
    this.#forget(entry);
    const queued = this.#queue?.indexOf(entry) ?? -1;
    if (queued >= 0) this.#queue?.splice(queued, 1);
    entry.abort(reason ?? 'Cancelled by the peer');
  }

  /** True while `entry` still owes a response (not cancelled, not closed). */
  isLive(entry: InboundEntry): boolean {
    return !entry.aborted && this.#entries?.get(entry.request.id) === entry;
  }

  /** Aborts every running and queued request (the connection closed). */
  abortAll(reason: string): void {
    const entries = this.#entries;
    this.#entries = undefined;
    this.#queue = undefined;
    if (entries === undefined) return;
    for (const entry of entries.values()) {
      this.#detach(entry);
      entry.abort(reason);
    }
  }

  #start(entry: InboundEntry): void {
    this.#running++;
    void this.#deps.run(entry).finally(() => {
      this.#running--;
      this.#forget(entry);
      this.#next();
    });
  }

  #next(): void {
    const queue = this.#queue;
    while (queue !== undefined && queue.length > 0 && this.#running < this.#deps.maxConcurrentRequests) {
      const entry = queue.shift();
      if (entry !== undefined && this.isLive(entry)) this.#start(entry);
    }
  }

  #forget(entry: InboundEntry): void {
    if (this.#entries?.get(entry.request.id) === entry) this.#entries.delete(entry.request.id);
    this.#detach(entry);
  }

  #detach(entry: InboundEntry): void {
    if (entry.onTransportAbort !== undefined) {
      entry.info?.signal?.removeEventListener('abort', entry.onTransportAbort);
      entry.onTransportAbort = undefined;
    }
  }
}
