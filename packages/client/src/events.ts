/**
 * The client's event API: one set of events for both eras, whether a change arrived on a
 * `subscriptions/listen` stream (modern) or as an unsolicited notification (legacy).
 *
 * @module
 */

/** A `notifications/message` log entry. */
export interface LogMessageEvent {
  /** Severity (`debug` … `emergency`). */
  level: string;
  /** Name of the logger, if given. */
  logger?: string;
  /** The logged data. */
  data: unknown;
}

/** Events a {@link Client} emits, with their payloads. */
export interface ClientEvents {
  /** The server's tool list changed. */
  toolsListChanged: undefined;
  /** The server's prompt list changed. */
  promptsListChanged: undefined;
  /** The server's resource (or template) list changed. */
  resourcesListChanged: undefined;
  /** A subscribed resource changed; read it again to get the new content. */
  resourceUpdated: { uri: string };
  /** Legacy (2025-11-25): a URL-mode elicitation finished out of band. */
  elicitationComplete: { elicitationId: string };
  /** A log message from the server. */
  log: LogMessageEvent;
  /** The connection closed. */
  close: undefined;
  /** A non-fatal error (a bad notification, a failed listener). */
  error: Error;
}

/** The name of a {@link ClientEvents} event. */
export type ClientEventName = keyof ClientEvents;

/** A listener for event `E`. */
export type ClientEventListener<E extends ClientEventName> = (payload: ClientEvents[E]) => void;

/**
 * A tiny typed event emitter. Listeners that throw are reported on `error`, never to the emitter
 * of the notification, so a buggy listener cannot break the connection.
 */
export class ClientEventEmitter {
  readonly #listeners = new Map<ClientEventName, Set<(payload: never) => void>>();

  /**
   * Adds a listener and returns a function that removes it.
   *
   * @example
   * ```ts
   * const off = client.on('toolsListChanged', () => refreshToolPicker());
   * off();
   * ```
   */
  on<E extends ClientEventName>(event: E, listener: ClientEventListener<E>): () => void {
    let set = this.#listeners.get(event);
    if (set === undefined) this.#listeners.set(event, (set = new Set()));
    set.add(listener as (payload: never) => void);
    return () => this.off(event, listener);
  }

  /** Removes a listener added with {@link ClientEventEmitter.on}. */
  off<E extends ClientEventName>(event: E, listener: ClientEventListener<E>): void {
    this.#listeners.get(event)?.delete(listener as (payload: never) => void);
  }

  /** Calls every listener of `event` with `payload`. */
  emit<E extends ClientEventName>(event: E, payload: ClientEvents[E]): void {
    const set = this.#listeners.get(event);
    if (set === undefined) return;
    for (const listener of [...set]) {
      try {
        (listener as ClientEventListener<E>)(payload);
      } catch (error) {
        if (event !== 'error') this.emit('error', error instanceof Error ? error : new Error(String(error)));
      }
    }
  }
}
