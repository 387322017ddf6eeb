/**
 * A per-request cancellation token. Most handlers never read `ctx.signal`, so the token keeps an
 * aborted flag and a reason and creates an `AbortController` only when its `signal` is read;
 * children (timeout, task hand-over, MRTR round) follow their parent the same lazy way.
 *
 * @module
 */

/** What a token follows: another token, or the request's context (its signal is created on read). */
export interface CancelParent {
  readonly aborted: boolean;
  readonly signal: AbortSignal;
}

type Listener = (reason: unknown) => void;

/** Aborted when its parent aborts or when {@link Cancellation.abort} is called. Internal. */
export class Cancellation implements CancelParent {
  #parent: CancelParent | undefined;
  #unlink: (() => void) | undefined;
  #controller: AbortController | undefined;
  #listeners: Listener[] | undefined;
  #aborted = false;
  #reason: unknown;

  /** @param parent - followed until {@link detach}; `undefined` for a root */
  constructor(parent?: CancelParent) {
    this.#parent = parent;
  }

  /** True once this token or its parent aborted. */
  get aborted(): boolean {
    return this.#aborted || this.#parent?.aborted === true;
  }

  /** Why it aborted (`undefined` while it has not). */
  get reason(): unknown {
    if (this.#aborted) return this.#reason;
    const parent = this.#parent;
    if (parent === undefined || !parent.aborted) return undefined;
    return parent instanceof Cancellation ? parent.reason : parent.signal.reason;
  }

  /** A real `AbortSignal`, created on first read and aborted with this token. */
  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.aborted) this.#controller.abort(this.reason);
      else this.#link();
    }
    return this.#controller.signal;
  }

  /** Aborts this token and its followers; later calls do nothing. */
  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.#unlink?.();
    this.#unlink = undefined;
    this.#controller?.abort(reason);
    const listeners = this.#listeners;
    this.#listeners = undefined;
    if (listeners !== undefined) for (const listener of listeners) listener(reason);
  }

  /** Calls `listener` once when this token aborts (not if it already has); returns an unsubscribe. */
  onAbort(listener: Listener): () => void {
    (this.#listeners ??= []).push(listener);
    this.#link();
    return () => {
      const index = this.#listeners?.indexOf(listener) ?? -1;
      if (index !== -1) this.#listeners?.splice(index, 1);
    };
  }

  /** Stops following the parent (a run handed over to a task outlives its request). */
  detach(): void {
    this.#unlink?.();
    this.#unlink = undefined;
    this.#parent = undefined;
  }

  // Subscribes to the parent only once something listens here, so an unread token costs nothing.
  #link(): void {
    const parent = this.#parent;
    if (this.#unlink !== undefined || parent === undefined || this.#aborted) return;
    if (parent instanceof Cancellation) {
      this.#unlink = parent.onAbort((reason) => this.abort(reason));
      return;
    }
    const signal = parent.signal;
    const onAbort = (): void => this.abort(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    this.#unlink = () => signal.removeEventListener('abort', onAbort);
  }
}
