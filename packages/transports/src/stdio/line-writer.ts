/**
 * Writes one JSON line per message to a Node writable stream, honouring backpressure.
 *
 * @module
 */
import type { Writable } from 'node:stream';
import { McpkitError, McpkitErrorCode, type JSONRPCMessage } from '@mcpkit/core';
import { encodeMessage } from '@mcpkit/core';

/**
 * Serializes messages as newline-delimited JSON onto a stream. `JSON.stringify` escapes every
 * newline inside strings, so one message is always exactly one line.
 *
 * Lines written in one tick go out together: the first is written at once, the next ones cork the
 * stream until the end of the tick (`process.nextTick`), so a burst of answers costs two system
 * calls instead of one per message, and a lone message costs nothing more. A corked write
 * resolves once its line has left the cork.
 *
 * When the stream's buffer is full (`write` returns `false`), the send that filled it resolves
 * only after `'drain'`, and later sends wait for it too, so a fast producer that awaits `send`
 * never buffers without bound.
 */
export class LineWriter {
  readonly #stream: Writable;
  #drained: Promise<void> | undefined;
  /** True from a write to the end of its tick. */
  #inTick = false;
  /** Resolves when the lines corked in this tick are handed to the stream; undefined when not corked. */
  #flushed: Promise<void> | undefined;
  #resolveFlushed: (() => void) | undefined;
  readonly #endTick = (): void => {
    this.#inTick = false;
    this.flush();
  };

  /** @param stream - the stream to write to (stdout of a server, stdin of a child) */
  constructor(stream: Writable) {
    this.#stream = stream;
  }

  /**
   * Writes one message. Rejects with `MCPKIT_NOT_CONNECTED` if the stream can no longer be written,
   * or `MCPKIT_INVALID_ARGUMENT` if the message cannot be serialized.
   */
  async write(message: JSONRPCMessage): Promise<void> {
    const line = `${encodeMessage(message)}\n`;
    while (this.#drained !== undefined) await this.#drained;
    const stream = this.#stream;
    if (stream.destroyed || stream.writableEnded) throw notWritable();
    let flushed: Promise<void> | undefined;
    if (this.#inTick) flushed = this.#flushed ?? this.#cork();
    else {
      this.#inTick = true;
      process.nextTick(this.#endTick);
    }
    if (stream.write(line)) {
      // Resolving a corked write only after the uncork keeps `await send(); process.exit()` safe.
      if (flushed !== undefined) await flushed;
      return;
    }
    const drained = waitForDrain(stream).finally(() => {
      if (this.#drained === drained) this.#drained = undefined;
    });
    this.#drained = drained;
    await drained;
  }

  /** Hands corked lines to the stream now (on close, before the process may exit). */
  flush(): void {
    if (this.#flushed === undefined) return;
    const resolve = this.#resolveFlushed;
    this.#flushed = undefined;
    this.#resolveFlushed = undefined;
    this.#stream.uncork();
    resolve?.();
  }

  #cork(): Promise<void> {
    this.#stream.cork();
    this.#flushed = new Promise((resolve) => {
      this.#resolveFlushed = resolve;
    });
    return this.#flushed;
  }
}

function waitForDrain(stream: Writable): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = (error?: McpkitError): void => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onError);
      if (error === undefined) resolve();
      else reject(error);
    };
    const onDrain = (): void => done();
    const onClose = (): void => done(notWritable());
    const onError = (cause: unknown): void =>
      done(new McpkitError(McpkitErrorCode.Transport, 'Writing to the stream failed', { cause }));
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', onError);
  });
}

function notWritable(): McpkitError {
  return new McpkitError(McpkitErrorCode.NotConnected, 'The stream is closed; the message was not sent');
}
