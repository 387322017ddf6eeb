/**
 * Server-Sent Events framing (WHATWG HTML, "event stream interpretation").
 *
 * @module
 */

/** One SSE event to write. */
export interface SseEvent {
  /** The event id (becomes the client's `Last-Event-ID`). Must not contain CR, LF or NUL. */
  id?: string | undefined;
  /** The event type; absent means `message`. */
  event?: string | undefined;
  /** The data; multi-line data is split into several `data:` lines. */
  data: string;
  /** Reconnection delay in milliseconds the client must honour. */
  retry?: number | undefined;
}

const FIELD_UNSAFE = /[\r\n\0]/;

/**
 * Encodes one event as SSE text, terminated by a blank line.
 *
 * @example
 * ```ts
 * encodeSseEvent({ id: 's1_3', event: 'message', data: '{"jsonrpc":"2.0"}' });
 * // 'id: s1_3\nevent: message\ndata: {"jsonrpc":"2.0"}\n\n'
 * ```
 */
export function encodeSseEvent(event: SseEvent): string {
  let out = '';
  if (event.id !== undefined) {
    if (FIELD_UNSAFE.test(event.id)) throw new RangeError('SSE event id must not contain CR, LF or NUL');
    out += `id: ${event.id}\n`;
  }
  if (event.event !== undefined) {
    if (FIELD_UNSAFE.test(event.event)) throw new RangeError('SSE event type must not contain CR, LF or NUL');
    out += `event: ${event.event}\n`;
  }
  if (event.retry !== undefined) out += `retry: ${Math.max(0, Math.floor(event.retry))}\n`;
  for (const line of event.data.split(/\r\n|\r|\n/)) out += `data: ${line}\n`;
  return `${out}\n`;
}

/** An SSE comment line, used as a keep-alive that clients ignore. */
export const SSE_KEEP_ALIVE = ':\n\n';

/** Response headers of every SSE stream this package opens. */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream',
  'cache-control': 'no-cache, no-transform',
  connection: 'keep-alive',
  // Tells reverse proxies (nginx) not to buffer events.
  'x-accel-buffering': 'no',
};
