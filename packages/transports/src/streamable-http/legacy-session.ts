/**
 * The server-side transport of one legacy-era session: routes each outbound message to the SSE
 * stream (or JSON answer) of the request it relates to, or to the standalone GET stream, and
 * makes streams resumable through an {@link EventStore}.
 *
 * @module
 */
import {
  ErrorCode,
  McpkitError,
  McpkitErrorCode,
  isJSONRPCRequest,
  isJSONRPCResponse,
  type JSONRPCMessage,
  type JSONRPCResponse,
  type MessageInfo,
  type RequestId,
  type Timers,
  type Transport,
  type TransportSendOptions,
} from '@mcpkit/core';
import { jsonRpcErrorResponse, emptyResponse } from '../http/responses.js';
import type { EventStore, EventStoreFactory } from './event-store.js';
import { PostResponder, type ResponseMode } from './post-responder.js';

/** Configuration of a {@link LegacySessionTransport}. */
export interface LegacySessionConfig {
  /** The session id. */
  sessionId: string;
  /**
   * Event store for resumption, if any: a store, or a factory called with the session id when the
   * first event must be stored (a session whose answers all go out as JSON never creates one).
   */
  eventStore: EventStore | EventStoreFactory | undefined;
  /** `retry` of priming events, ms. */
  retryMs: number;
  /** SSE keep-alive interval, ms. */
  keepAliveMs: number;
  /** Timers. */
  timers: Timers | undefined;
  /** Unrelated messages kept while no GET stream is open. Default 1000. */
  maxUndelivered?: number;
  /** Finished streams kept resumable; older ones are forgotten. Default 100. */
  maxFinishedStreams?: number;
  /** Called after `onclose` when the session has closed (one function can serve every session). */
  onClosed?: ((transport: LegacySessionTransport) => void) | undefined;
}

interface StreamState {
  readonly id: string;
  /** Requests of this stream not answered yet; each maps to this stream in `#byRequest`. */
  pending: number;
  responder: PostResponder | undefined;
  tail: Promise<void>;
  lastSeq: number;
  done: boolean;
}

const STANDALONE = 'g';

/** Deletes `key`; an emptied map is dropped, as even an empty Map keeps a table of ~200 bytes. */
function withoutKey<K, V>(map: Map<K, V> | undefined, key: K): Map<K, V> | undefined {
  map?.delete(key);
  return map === undefined || map.size === 0 ? undefined : map;
}

/** Parses an event id of the form `{streamId}_{seq}`. */
function parseEventId(eventId: string): { streamId: string; seq: number } | undefined {
  const cut = eventId.lastIndexOf('_');
  if (cut <= 0) return undefined;
  const seq = Number(eventId.slice(cut + 1));
  return Number.isSafeInteger(seq) && seq >= 0 ? { streamId: eventId.slice(0, cut), seq } : undefined;
}

/** The transport of one legacy session. Created by the HTTP handler on `initialize`. */
export class LegacySessionTransport implements Transport {
  /** {@inheritDoc Transport.onmessage} */
  onmessage?: ((message: JSONRPCMessage, info?: MessageInfo) => void) | undefined;
  /** {@inheritDoc Transport.onclose} */
  onclose?: (() => void) | undefined;
  /** {@inheritDoc Transport.onerror} */
  onerror?: ((error: Error) => void) | undefined;
  /** The session id (`Mcp-Session-Id`). */
  readonly sessionId: string;
  readonly #config: LegacySessionConfig;
  // Created on first use: an idle session whose requests were answered in JSON holds none of them.
  #streams: Map<string, StreamState> | undefined;
  #byRequest: Map<RequestId, StreamState> | undefined;
  #undelivered: { message: JSONRPCMessage; eventId: string | undefined }[] | undefined;
  #finished: string[] | undefined;
  #store: EventStore | undefined;
  #nextStream = 1;
  #closed = false;

  /** @param config - session id, event store and limits */
  constructor(config: LegacySessionConfig) {
    this.#config = config;
    this.sessionId = config.sessionId;
    this.#store = typeof config.eventStore === 'function' ? undefined : config.eventStore;
  }

  /** True once closed. */
  get closed(): boolean {
    return this.#closed;
  }

  /** True while a request is unanswered or a stream is connected (the session is not idle). */
  get busy(): boolean {
    if ((this.#byRequest?.size ?? 0) > 0) return true;
    for (const s of this.#streams?.values() ?? []) if (s.responder?.streaming === true) return true;
    return false;
  }

  /** {@inheritDoc Transport.start} */
  start(): Promise<void> {
    return Promise.resolve();
  }

  /** {@inheritDoc Transport.send} */
  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void> {
    if (this.#closed) return Promise.reject(new McpkitError(McpkitErrorCode.NotConnected, 'The session is closed'));
    const key = isJSONRPCResponse(message) ? message.id : options?.relatedRequestId;
    let target = key === undefined || key === null ? undefined : this.#byRequest?.get(key);
    // A JSON-only client cannot take related requests on its POST: they go to the GET stream.
    if (target?.responder !== undefined && !target.responder.canStream && !isJSONRPCResponse(message)) target = undefined;
    if (target === undefined && isJSONRPCResponse(message)) {
      // A response whose request is not in flight here has no stream it may go to.
      this.onerror?.(new McpkitError(McpkitErrorCode.Transport, `No open request ${String(message.id)} to answer`));
      return Promise.resolve();
    }
    return this.#enqueue(target ?? this.#standalone(), message);
  }

  /** {@inheritDoc Transport.close} */
  close(): Promise<void> {
    if (this.#closed) return Promise.resolve();
    this.#closed = true;
    for (const stream of this.#streams?.values() ?? []) stream.responder?.end();
    this.#byRequest?.clear();
    void this.#store?.clear?.().catch(() => undefined);
    try {
      this.onclose?.();
    } finally {
      this.#config.onClosed?.(this);
    }
    return Promise.resolve();
  }

  /**
   * Ends the SSE connection of a request without finishing its stream (SEP-1699 polling). The
   * client reconnects after `retry` with `Last-Event-ID` and gets the rest. Needs an event store.
   */
  closeSseStream(requestId: RequestId): void {
    const stream = this.#byRequest?.get(requestId);
    if (stream === undefined || this.#config.eventStore === undefined) return;
    stream.responder?.disconnect();
    stream.responder = undefined;
  }

  /** Serves a POST of this session (messages already parsed and checked). */
  handlePost(
    request: Request,
    messages: readonly JSONRPCMessage[],
    batch: boolean,
    mode: ResponseMode,
    headers: Record<string, string>,
    info: MessageInfo,
  ): Promise<Response> {
    const requests = messages.filter(isJSONRPCRequest);
    if (requests.length === 0) {
      for (const m of messages) this.onmessage?.(m, info);
      return Promise.resolve(emptyResponse(202, headers));
    }
    for (const r of requests) {
      if (this.#byRequest?.has(r.id) === true) {
        return Promise.resolve(jsonRpcErrorResponse(409, ErrorCode.InvalidRequest, `Request id ${String(r.id)} is already in flight`, r.id, headers));
      }
    }
    const stream = this.#newState(`${this.#nextStream++}`);
    (this.#streams ??= new Map()).set(stream.id, stream);
    const byRequest = (this.#byRequest ??= new Map());
    for (const r of requests) {
      // An id repeated within the batch is one pending answer.
      if (byRequest.get(r.id) === stream) continue;
      stream.pending++;
      byRequest.set(r.id, stream);
    }
    const responder = this.#responder(stream, mode, batch, headers);
    stream.responder = responder;
    // In this era a dropped connection is not a cancellation: the stream stays resumable.
    request.signal.addEventListener('abort', () => this.#detach(stream, responder), { once: true });
    for (const m of messages) this.onmessage?.(m, info);
    return responder.response;
  }

  /** Serves a GET: the standalone stream, or a resumption with `Last-Event-ID`. */
  handleGet(request: Request, headers: Record<string, string>): Promise<Response> {
    const lastEventId = request.headers.get('last-event-id');
    if (lastEventId === null || this.#config.eventStore === undefined) return this.#openStandalone(request, headers);
    const parsed = parseEventId(lastEventId);
    const stream = parsed === undefined ? undefined : parsed.streamId === STANDALONE ? this.#standalone() : this.#streams?.get(parsed.streamId);
    if (parsed === undefined || stream === undefined) {
      return Promise.resolve(jsonRpcErrorResponse(400, ErrorCode.InvalidRequest, 'Unknown Last-Event-ID', null, headers));
    }
    const store = this.#eventStore();
    if (stream.id === STANDALONE) this.#undelivered = undefined;
    // A newer connection takes over from one the server still believes open.
    stream.responder?.disconnect();
    stream.responder = undefined;
    const responder = this.#responder(stream, 'sse', false, headers, false);
    request.signal.addEventListener('abort', () => this.#detach(stream, responder), { once: true });
    stream.tail = stream.tail.then(async () => {
      for (const event of await store.readAfter(stream.id, parsed.seq)) {
        responder.write(event.message, false, `${stream.id}_${event.seq}`);
      }
      if (stream.done) responder.end();
      else stream.responder = responder;
    }).catch((error: unknown) => this.#fail(error));
    return responder.response;
  }

  #openStandalone(request: Request, headers: Record<string, string>): Promise<Response> {
    const stream = this.#standalone();
    if (stream.responder?.streaming === true) {
      return Promise.resolve(jsonRpcErrorResponse(409, ErrorCode.InvalidRequest, 'Conflict: the session already has an open GET stream', null, headers));
    }
    const responder = this.#responder(stream, 'sse', false, headers);
    request.signal.addEventListener('abort', () => this.#detach(stream, responder), { once: true });
    stream.responder = responder;
    const undelivered = this.#undelivered ?? [];
    this.#undelivered = undefined;
    for (const { message, eventId } of undelivered) responder.write(message, false, eventId);
    return responder.response;
  }

  #standalone(): StreamState {
    let stream = this.#streams?.get(STANDALONE);
    if (stream === undefined) {
      stream = this.#newState(STANDALONE);
      (this.#streams ??= new Map()).set(STANDALONE, stream);
    }
    return stream;
  }

  /** The event store (there must be one), made by its factory on first use. */
  #eventStore(): EventStore {
    const configured = this.#config.eventStore as EventStore | EventStoreFactory;
    this.#store ??= typeof configured === 'function' ? configured(this.sessionId) : configured;
    return this.#store;
  }

  #newState(id: string): StreamState {
    return { id, pending: 0, responder: undefined, tail: Promise.resolve(), lastSeq: 0, done: false };
  }

  #responder(stream: StreamState, mode: ResponseMode, batch: boolean, headers: Record<string, string>, prime = true): PostResponder {
    return new PostResponder({
      mode,
      batch,
      headers,
      priming: this.#config.eventStore !== undefined && prime ? { id: `${stream.id}_${stream.lastSeq}`, retry: this.#config.retryMs } : undefined,
      keepAliveMs: this.#config.keepAliveMs,
      timers: this.#config.timers,
      onCancel: () => this.#detach(stream, undefined),
    });
  }

  #detach(stream: StreamState, responder: PostResponder | undefined): void {
    if (responder === undefined || stream.responder === responder) stream.responder = undefined;
  }

  #enqueue(stream: StreamState, message: JSONRPCMessage): Promise<void> {
    stream.tail = stream.tail
      .then(async () => {
        // The last answer of a POST answered in JSON goes out in the body: no client can resume it.
        const json = this.#endsJsonAnswer(stream, message);
        let eventId: string | undefined;
        if (this.#config.eventStore !== undefined && !json) {
          const seq = await this.#eventStore().append(stream.id, message);
          stream.lastSeq = seq;
          eventId = `${stream.id}_${seq}`;
        }
        let final = false;
        if (this.#isPendingOn(stream, message)) {
          this.#byRequest = withoutKey(this.#byRequest, message.id);
          stream.pending--;
          final = stream.pending === 0;
          stream.done = final;
          if (final) this.#retire(stream, json);
        }
        const responder = stream.responder;
        if (final) stream.responder = undefined;
        if (responder !== undefined) responder.write(message, final, eventId);
        else if (stream.id === STANDALONE) this.#keepUndelivered(message, eventId);
      })
      .catch((error: unknown) => this.#fail(error));
    return stream.tail;
  }

  /** True when `message` answers a request still pending on `stream`. */
  #isPendingOn(stream: StreamState, message: JSONRPCMessage): message is JSONRPCResponse & { id: RequestId } {
    return isJSONRPCResponse(message) && message.id !== null && message.id !== undefined && this.#byRequest?.get(message.id) === stream;
  }

  /** True when `message` is the last answer of a POST whose answer is still a JSON body. */
  #endsJsonAnswer(stream: StreamState, message: JSONRPCMessage): boolean {
    const responder = stream.responder;
    return responder !== undefined && !responder.sseStarted && stream.pending === 1 && this.#isPendingOn(stream, message);
  }

  #retire(stream: StreamState, answeredJson: boolean): void {
    if (answeredJson) {
      // No event id of it ever reached the client, so it is not kept among the resumable streams.
      this.#streams = withoutKey(this.#streams, stream.id);
      if (stream.lastSeq > 0) void this.#store?.deleteStream?.(stream.id).catch(() => undefined);
      return;
    }
    const finished = (this.#finished ??= []);
    finished.push(stream.id);
    if (finished.length <= (this.#config.maxFinishedStreams ?? 100)) return;
    const oldest = finished.shift() as string;
    this.#streams?.delete(oldest);
    void this.#store?.deleteStream?.(oldest).catch(() => undefined);
  }

  #keepUndelivered(message: JSONRPCMessage, eventId: string | undefined): void {
    const undelivered = (this.#undelivered ??= []);
    undelivered.push({ message, eventId });
    if (undelivered.length > (this.#config.maxUndelivered ?? 1000)) undelivered.shift();
  }

  #fail(error: unknown): void {
    this.onerror?.(error instanceof Error ? error : new McpkitError(McpkitErrorCode.Transport, 'Event store failed', { cause: error }));
  }
}
