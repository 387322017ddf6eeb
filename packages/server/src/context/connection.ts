/**
 * Per-connection state of the legacy era, kept outside the session in a `WeakMap` so opening a
 * connection costs nothing until a legacy client initializes.
 *
 * @module
 */
import type { CapabilitiesObject, ImplementationInfo, LoggingLevel, SessionApi } from '@mcpkit/core';

/** What a legacy connection negotiated and asked for. */
export interface LegacyConnection {
  /** The negotiated protocol version. */
  version: string;
  /** The capabilities the client declared in `initialize`. */
  clientCapabilities: CapabilitiesObject;
  /** The client's identity from `initialize`. */
  clientInfo: ImplementationInfo | undefined;
  /** Level set with `logging/setLevel`; all messages are sent until one is set. */
  logLevel: LoggingLevel | undefined;
  /** URIs subscribed with `resources/subscribe`. */
  subscriptions: Set<string>;
}

/** The legacy connections of one server, by session. */
export class ConnectionRegistry {
  readonly #bySession = new WeakMap<SessionApi, LegacyConnection>();
  // Iterable twin of the WeakMap, for broadcasts; sessions leave it when they close.
  readonly #live = new Set<SessionApi>();

  /** The legacy state of `session`, if it initialized. */
  get(session: SessionApi): LegacyConnection | undefined {
    return this.#bySession.get(session);
  }

  /** Records a (re-)initialized legacy connection. */
  set(session: SessionApi, connection: LegacyConnection): void {
    this.#bySession.set(session, connection);
    if (!session.closed) this.#live.add(session);
  }

  /** Forgets a closed session. */
  delete(session: SessionApi): void {
    this.#live.delete(session);
    this.#bySession.delete(session);
  }

  /** Every open legacy session with its state. */
  *entries(): IterableIterator<[SessionApi, LegacyConnection]> {
    for (const session of this.#live) {
      const connection = this.#bySession.get(session);
      if (connection !== undefined && !session.closed) yield [session, connection];
    }
  }
}
