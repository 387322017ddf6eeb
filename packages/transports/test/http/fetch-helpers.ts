/** Raw HTTP helpers for transport tests (real fetch on loopback). Not a test file itself. */
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { readSse } from '../../src/http/sse-reader.js';

/** Headers of a well-behaved POST. */
export const POST_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };

/** POSTs a JSON body (or a raw string) with the usual headers plus `extra`. */
export function post(url: URL, body: unknown, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { ...POST_HEADERS, ...extra },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Reads a whole SSE response body into its events. */
export async function sseEvents(response: Response): Promise<EventSourceMessage[]> {
  const events: EventSourceMessage[] = [];
  if (response.body === null) return events;
  await readSse(response.body, { onEvent: (e) => events.push(e) });
  return events;
}

/** The JSON-RPC messages carried by SSE events (priming events skipped). */
export function messagesOf(events: readonly EventSourceMessage[]): Record<string, unknown>[] {
  return events.filter((e) => e.data !== '').map((e) => JSON.parse(e.data) as Record<string, unknown>);
}

/** An initialize request body. */
export function initializeRequest(id: number | string = 1, protocolVersion = '2025-11-25'): Record<string, unknown> {
  return {
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { protocolVersion, capabilities: {}, clientInfo: { name: 'raw', version: '0' } },
  };
}

/** Reads SSE events one by one from a live response, for streams that stay open. */
export function sseIterator(response: Response): { next(): Promise<EventSourceMessage>; cancel(): Promise<void> } {
  const queue: EventSourceMessage[] = [];
  const waiters: ((e: EventSourceMessage) => void)[] = [];
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const parser = createParser({
    onEvent: (e) => {
      const w = waiters.shift();
      if (w) w(e);
      else queue.push(e);
    },
  });
  void (async () => {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  })().catch(() => undefined);
  return {
    next: () => {
      const e = queue.shift();
      return e ? Promise.resolve(e) : new Promise((resolve) => waiters.push(resolve));
    },
    cancel: () => reader.cancel().catch(() => undefined),
  };
}
