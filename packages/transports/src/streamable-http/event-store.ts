/**
 * Event stores: what makes legacy-era SSE streams resumable with `Last-Event-ID`.
 *
 * @module
 */
import type { JSONRPCMessage } from '@mcpkit/core';

/** One stored event. */
export interface StoredEvent {
  /** Position in its stream, from 1, increasing. */
  readonly seq: number;
  /** The message sent. */
  readonly message: JSONRPCMessage;
}

/**
 * Stores the events of one session's SSE streams so a client can resume a dropped stream. The
 * transport owns event ids (`{streamId}_{seq}`); a store only appends and reads back, so a
 * Redis or database implementation is a few lines.
 */
export interface EventStore {
  /** Appends a message to `streamId`; resolves with its `seq` (1, 2, 3 … per stream). */
  append(streamId: string, message: JSONRPCMessage): Promise<number>;
  /** The events of `streamId` with `seq > afterSeq`, in order (may omit events dropped by limits). */
  readAfter(streamId: string, afterSeq: number): Promise<readonly StoredEvent[]>;
  /** Forgets one stream (it finished long ago and can no longer be resumed). */
  deleteStream?(streamId: string): Promise<void>;
  /** Forgets everything (the session ended). */
  clear?(): Promise<void>;
}

/** Creates the event store of one session. */
export type EventStoreFactory = (sessionId: string) => EventStore;

/** Limits of {@link InMemoryEventStore}. */
export interface InMemoryEventStoreOptions {
  /** Events kept per stream; older ones are dropped. Default 1000. */
  maxEventsPerStream?: number;
  /** Serialized bytes kept per stream; older events are dropped. Default 1 MiB. */
  maxBytesPerStream?: number;
}

interface Stream {
  events: (StoredEvent & { bytes: number })[];
  bytes: number;
  next: number;
}

/** The default event store: one per session, in memory, bounded per stream. */
export class InMemoryEventStore implements EventStore {
  readonly #streams = new Map<string, Stream>();
  readonly #maxEvents: number;
  readonly #maxBytes: number;

  /** @param options - per-stream limits */
  constructor(options: InMemoryEventStoreOptions = {}) {
    this.#maxEvents = options.maxEventsPerStream ?? 1000;
    this.#maxBytes = options.maxBytesPerStream ?? 1024 * 1024;
  }

  /** {@inheritDoc EventStore.append} */
  append(streamId: string, message: JSONRPCMessage): Promise<number> {
    let stream = this.#streams.get(streamId);
    if (stream === undefined) {
      stream = { events: [], bytes: 0, next: 1 };
      this.#streams.set(streamId, stream);
    }
    const seq = stream.next++;
    const bytes = JSON.stringify(message).length;
    stream.events.push({ seq, message, bytes });
    stream.bytes += bytes;
    // Keep at least the newest event, so a stream's final response is never lost to the byte cap.
    while (stream.events.length > this.#maxEvents || (stream.bytes > this.#maxBytes && stream.events.length > 1)) {
      const dropped = stream.events.shift();
      if (dropped !== undefined) stream.bytes -= dropped.bytes;
    }
    return Promise.resolve(seq);
  }

  /** {@inheritDoc EventStore.readAfter} */
  readAfter(streamId: string, afterSeq: number): Promise<readonly StoredEvent[]> {
    const stream = this.#streams.get(streamId);
    if (stream === undefined) return Promise.resolve([]);
    return Promise.resolve(stream.events.filter((e) => e.seq > afterSeq).map(({ seq, message }) => ({ seq, message })));
  }

  /** {@inheritDoc EventStore.deleteStream} */
  deleteStream(streamId: string): Promise<void> {
    this.#streams.delete(streamId);
    return Promise.resolve();
  }

  /** {@inheritDoc EventStore.clear} */
  clear(): Promise<void> {
    this.#streams.clear();
    return Promise.resolve();
  }
}

/** The default {@link EventStoreFactory}: a fresh {@link InMemoryEventStore} per session. */
export function inMemoryEventStores(options?: InMemoryEventStoreOptions): EventStoreFactory {
  return () => new InMemoryEventStore(options);
}
