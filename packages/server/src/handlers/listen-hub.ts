/**
 * Change notifications to every party that asked: legacy sessions (list changes always, resource
 * updates after `resources/subscribe`) and modern `subscriptions/listen` streams (only the kinds
 * each stream opted in to, tagged with its subscription id).
 *
 * @module
 */
import { MetaKey, type ParamsObject, type RequestId } from '@mcpkit/core';
import type { ConnectionRegistry } from '../context/connection.js';

/** The list kinds that change. */
export type ListKind = 'tools' | 'prompts' | 'resources';

/** A modern listen stream. */
export interface ListenStream {
  /** The id of the `subscriptions/listen` request. */
  readonly id: RequestId;
  /** List kinds opted in to. */
  readonly lists: ReadonlySet<ListKind>;
  /** Resource URIs opted in to. */
  readonly resources: ReadonlySet<string>;
  /** Task ids opted in to (tasks extension). */
  readonly tasks: ReadonlySet<string>;
  /** Sends a notification on the stream. */
  send(method: string, params: ParamsObject): Promise<void>;
  /** Ends the stream gracefully (server shutdown). */
  end(): void;
}

/** Fans change notifications out to legacy sessions and listen streams. */
export class ListenHub {
  readonly #streams = new Set<ListenStream>();
  readonly #connections: ConnectionRegistry;
  readonly #report: (error: Error) => void;

  /**
   * @param connections - the legacy connections
   * @param report - where send failures go
   */
  constructor(connections: ConnectionRegistry, report: (error: Error) => void) {
    this.#connections = connections;
    this.#report = report;
  }

  /** Adds a stream; returns a function that removes it. */
  add(stream: ListenStream): () => void {
    this.#streams.add(stream);
    return () => this.#streams.delete(stream);
  }

  /** Number of open listen streams. */
  get size(): number {
    return this.#streams.size;
  }

  #deliver(send: () => Promise<void>): void {
    send().catch((error: unknown) => this.#report(error instanceof Error ? error : new Error(String(error))));
  }

  /** `notifications/<kind>/list_changed` to everyone who wants it. */
  listChanged(kind: ListKind): void {
    const method = `notifications/${kind}/list_changed`;
    for (const [session] of this.#connections.entries()) this.#deliver(() => session.notify(method));
    for (const stream of this.#streams) {
      if (stream.lists.has(kind)) this.#deliver(() => stream.send(method, { _meta: { [MetaKey.SubscriptionId]: stream.id } }));
    }
  }

  /** `notifications/resources/updated` to subscribers of `uri`. */
  resourceUpdated(uri: string): void {
    const method = 'notifications/resources/updated';
    for (const [session, connection] of this.#connections.entries()) {
      if (connection.subscriptions.has(uri)) this.#deliver(() => session.notify(method, { uri }));
    }
    for (const stream of this.#streams) {
      if (stream.resources.has(uri)) this.#deliver(() => stream.send(method, { uri, _meta: { [MetaKey.SubscriptionId]: stream.id } }));
    }
  }

  /** `notifications/tasks` with the task's full state to streams that watch it. */
  taskChanged(task: ParamsObject): void {
    for (const stream of this.#streams) {
      if (stream.tasks.has(String(task.taskId))) {
        this.#deliver(() => stream.send('notifications/tasks', { ...task, _meta: { [MetaKey.SubscriptionId]: stream.id } }));
      }
    }
  }

  /** Ends every stream gracefully; returns how many there were. */
  endAll(): number {
    const streams = [...this.#streams];
    for (const stream of streams) stream.end();
    return streams.length;
  }
}
