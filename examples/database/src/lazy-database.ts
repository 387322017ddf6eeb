/**
 * A {@link Database} opened on first use, so a server can answer the protocol's first messages
 * (discovery, the handshake, tools/list) while PGlite is still starting.
 *
 * @module
 */
import type { Database, SqlSession, TransactionMode } from './database.js';

/** Opens the real database once, when first needed or when {@link LazyDatabase.warmUp} is called. */
export class LazyDatabase implements Database {
  readonly kind: Database['kind'];
  readonly #open: () => Promise<Database>;
  #opening: Promise<Database> | undefined;

  /**
   * @param kind - the kind of the database `open` makes
   * @param open - opens (and seeds) it; a failure is retried on the next use
   */
  constructor(kind: Database['kind'], open: () => Promise<Database>) {
    this.kind = kind;
    this.#open = open;
  }

  #database(): Promise<Database> {
    this.#opening ??= this.#open().catch((error: unknown) => {
      this.#opening = undefined;
      throw error;
    });
    return this.#opening;
  }

  /** Starts opening now, so the first tool call does not wait. Errors surface on that call. */
  warmUp(): void {
    this.#database().catch(() => undefined);
  }

  async transaction<T>(work: (session: SqlSession) => Promise<T>, mode: TransactionMode): Promise<T> {
    return (await this.#database()).transaction(work, mode);
  }

  async close(): Promise<void> {
    const opening = this.#opening;
    this.#opening = undefined;
    if (opening !== undefined) await (await opening.catch(() => undefined))?.close();
  }
}
