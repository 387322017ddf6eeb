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
 * When the stream's buffer is full (`write` returns `false`), the send that filled it resolves
 * only after `'drain'`, and later sends wait for it too, so a fast producer that awaits `send`
 * never buffers without bound.
 */
export class LineWriter {
  readonly #stream: Writable;
  #drained: Promise<void> | undefined;

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
    if (stream.write(line)) return;
    const drained = waitForDrain(stream).finally(() => {
      if (this.#drained === drained) this.#drained = undefined;
    });
    this.#drained = drained;
    await drained;
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
