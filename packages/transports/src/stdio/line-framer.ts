/**
 * Newline-delimited framing over byte chunks, with a bounded buffer.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode } from '@mcpkit/core';
import { DEFAULT_MAX_MESSAGE_SIZE } from './limits.js';

const LF = 0x0a;
const CR = 0x0d;

/** How many leading bytes of a discarded line {@link LineSink.oversize} receives: enough for `jsonrpc` and `id`. */
export const OVERSIZE_HEAD_BYTES = 256;

/** Where a {@link LineFramer} delivers what it finds. */
export interface LineSink {
  /** One complete line, without its `\n` or `\r\n`. Never empty or whitespace-only. */
  line(bytes: Uint8Array): void;
  /**
   * A line longer than the limit. Called once per such line, as soon as it is detected; the rest
   * of the line is discarded up to the next `\n`. `head` holds its first bytes (at most
   * {@link OVERSIZE_HEAD_BYTES}), so the receiver can tell which request the line was about.
   */
  oversize(error: McpkitError, head: Uint8Array): void;
}

/**
 * Splits a byte stream into lines. Splitting on the byte `0x0A` is safe for UTF-8 because that
 * byte never occurs inside a multi-byte sequence, so characters split across chunks reassemble.
 * Each byte is scanned once, and no more than `maxMessageSize + 1` bytes are ever buffered.
 *
 * @example
 * ```ts
 * const framer = new LineFramer({ line: (b) => handle(b), oversize: (e) => report(e) });
 * stream.on('data', (chunk: Buffer) => framer.push(chunk));
 * stream.on('end', () => framer.end());
 * ```
 */
export class LineFramer {
  /** The largest line accepted, in bytes, excluding its terminator. */
  readonly maxMessageSize: number;
  readonly #sink: LineSink;
  #parts: Uint8Array[] = [];
  #buffered = 0;
  #discarding = false;

  /**
   * @param sink - receives lines and oversize errors
   * @param maxMessageSize - the largest line accepted, in bytes (default 4 MiB)
   */
  constructor(sink: LineSink, maxMessageSize: number = DEFAULT_MAX_MESSAGE_SIZE) {
    if (!Number.isSafeInteger(maxMessageSize) || maxMessageSize < 1) {
      throw new McpkitError(
        McpkitErrorCode.InvalidArgument,
        `maxMessageSize must be a positive integer number of bytes, got ${String(maxMessageSize)}`,
      );
    }
    this.#sink = sink;
    this.maxMessageSize = maxMessageSize;
  }

  /** The number of bytes held while waiting for the end of a line. */
  get bufferedBytes(): number {
    return this.#buffered;
  }

  /**
   * Feeds one chunk. The framer keeps a reference to (part of) the chunk until its line is
   * complete, so the caller must not modify it afterwards (Node stream chunks are never reused).
   */
  push(chunk: Uint8Array): void {
    let start = 0;
    for (;;) {
      const newline = chunk.indexOf(LF, start);
      if (newline === -1) {
        if (start < chunk.length) this.#hold(chunk.subarray(start));
        return;
      }
      this.#complete(chunk.subarray(start, newline));
      start = newline + 1;
    }
  }

  /** Ends the stream: a last line without a trailing newline is still delivered. */
  end(): void {
    if (this.#buffered > 0 && !this.#discarding) this.#complete(new Uint8Array(0));
    this.#reset();
  }

  #hold(part: Uint8Array): void {
    if (this.#discarding) return;
    // One byte of slack: the line may still end in `\r\n`, and the `\r` does not count.
    if (this.#buffered + part.length > this.maxMessageSize + 1) {
      this.#overflow(this.#buffered + part.length, part);
      this.#discarding = true;
      return;
    }
    this.#parts.push(part);
    this.#buffered += part.length;
  }

  #complete(tail: Uint8Array): void {
    if (this.#discarding) {
      this.#reset();
      return;
    }
    const total = this.#buffered + tail.length;
    if (total > this.maxMessageSize + 1) {
      this.#overflow(total, tail);
      this.#reset();
      return;
    }
    let line = this.#parts.length === 0 ? tail : concat(this.#parts, tail, total);
    this.#reset();
    if (line.length > 0 && line[line.length - 1] === CR) line = line.subarray(0, line.length - 1);
    if (line.length > this.maxMessageSize) {
      this.#overflow(line.length, line);
      return;
    }
    if (!isBlank(line)) this.#sink.line(line);
  }

  /** Reports the current line as oversize; `last` is its part not yet held in `#parts`. */
  #overflow(seen: number, last: Uint8Array): void {
    const head = concatHead(this.#parts, last, OVERSIZE_HEAD_BYTES);
    this.#parts = [];
    this.#buffered = 0;
    this.#sink.oversize(
      new McpkitError(
        McpkitErrorCode.MessageTooLarge,
        `Received a message of at least ${seen} bytes, over the limit of ${this.maxMessageSize} bytes; ` +
          'it was discarded. Raise maxMessageSize if such messages are expected.',
        { data: { maxMessageSize: this.maxMessageSize, receivedBytes: seen } },
      ),
      head,
    );
  }

  #reset(): void {
    this.#parts = [];
    this.#buffered = 0;
    this.#discarding = false;
  }
}

function concat(parts: readonly Uint8Array[], tail: Uint8Array, total: number): Uint8Array {
  const out = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  out.set(tail, offset);
  return out;
}

/** A copy of the first `limit` bytes of `parts` followed by `last`. */
function concatHead(parts: readonly Uint8Array[], last: Uint8Array, limit: number): Uint8Array {
  const out = new Uint8Array(Math.min(limit, parts.reduce((n, p) => n + p.length, last.length)));
  let offset = 0;
  for (const part of [...parts, last]) {
    if (offset === out.length) break;
    const take = part.subarray(0, out.length - offset);
    out.set(take, offset);
    offset += take.length;
  }
  return out;
}

function isBlank(line: Uint8Array): boolean {
  for (const byte of line) {
    if (byte !== 0x20 && byte !== 0x09 && byte !== CR) return false;
  }
  return true;
}
