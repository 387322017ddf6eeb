/**
 * Client-side SSE reading over a `fetch` response body, with eventsource-parser.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode } from '@mcpkit/core';
import { createParser, type EventSourceMessage } from 'eventsource-parser';

/** Callbacks and limits of {@link readSse}. */
export interface ReadSseOptions {
  /** Called for every event (comments are skipped). */
  onEvent: (event: EventSourceMessage) => void;
  /** Called with each `retry:` value (ms). */
  onRetry?: (ms: number) => void;
  /** Largest event accepted, in characters; a larger one fails the stream. Default 4 MiB. */
  maxEventSize?: number;
}

/** Default of {@link ReadSseOptions.maxEventSize}. */
export const DEFAULT_MAX_SSE_EVENT_SIZE = 4 * 1024 * 1024;

/**
 * Reads `body` to its end. Resolves when the server ends the stream; rejects when the
 * connection fails, is aborted, or an event passes the size limit (`MCPKIT_MESSAGE_TOO_LARGE`).
 */
export async function readSse(body: ReadableStream<Uint8Array>, options: ReadSseOptions): Promise<void> {
  let failure: Error | undefined;
  const maxEventSize = options.maxEventSize ?? DEFAULT_MAX_SSE_EVENT_SIZE;
  const parser = createParser({
    onEvent: options.onEvent,
    onRetry: options.onRetry,
    onError: (error) => {
      // A typed error, so callers can tell an event that will never fit from a broken connection.
      if (error.type === 'max-buffer-size-exceeded') {
        failure = new McpkitError(McpkitErrorCode.MessageTooLarge, `An SSE event exceeded maxEventSize (${maxEventSize} characters); raise maxEventSize to receive it`, {
          cause: error,
          data: { maxEventSize },
        });
      }
    },
    maxBufferSize: maxEventSize,
  });
  const reader = body.getReader();
  const decoder = new TextDecoder('utf-8');
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(decoder.decode(value, { stream: true }));
      if (failure !== undefined) throw failure;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}
