/**
 * A client transport for a URL that may host either transport: Streamable HTTP first, and the
 * deprecated HTTP+SSE (2024-11-05) when the server turns out to speak only that, following the
 * backwards-compatibility procedure of the spec (2025-11-25 "Backwards Compatibility").
 *
 * @module
 */
import {
  ErrorCode,
  McpkitError,
  McpkitErrorCode,
  isJSONRPCErrorResponse,
  isJSONRPCRequest,
  isJSONRPCResponse,
  type JSONRPCMessage,
  type JSONRPCRequest,
  type MessageInfo,
  type Transport,
} from '@mcpkit/core';
import { SseClientTransport, type SseClientTransportOptions } from '../sse/client-transport.js';
import { StreamableHttpClientTransport } from './client-transport.js';
import type { StreamableHttpClientTransportOptions } from './client-options.js';

/** Options of {@link FallbackHttpClientTransport}. */
export interface FallbackHttpClientTransportOptions {
  /** Options of the Streamable HTTP attempt. */
  streamableHttp?: StreamableHttpClientTransportOptions;
  /** Options of the HTTP+SSE fallback (its `fetch` defaults to the Streamable HTTP one). */
  sse?: SseClientTransportOptions;
}

const FALLBACK_STATUSES = new Set([400, 404, 405]);
// These codes come from a modern server: it speaks Streamable HTTP, so do not fall back.
const MODERN_CODES = new Set<number>([ErrorCode.HeaderMismatch, ErrorCode.MissingRequiredClientCapability, ErrorCode.UnsupportedProtocolVersion]);

function httpStatusOf(message: JSONRPCMessage): number | undefined {
  if (!isJSONRPCResponse(message) || !isJSONRPCErrorResponse(message)) return undefined;
  if (MODERN_CODES.has(message.error.code)) return undefined;
  const data = message.error.data as { httpStatus?: unknown } | undefined;
  return typeof data?.httpStatus === 'number' ? data.httpStatus : undefined;
}

/**
 * Streamable HTTP with automatic fallback to HTTP+SSE. The decision is made on `initialize`:
 * when its POST fails with 400, 404 or 405, the transport GETs the same URL expecting an
 * `endpoint` event and, if one comes, re-sends `initialize` over HTTP+SSE and stays there.
 * The era decision (modern `server/discover` or legacy `initialize`) stays with the Client.
 *
 * @example
 * ```ts
 * const transport = new FallbackHttpClientTransport(new URL('http://127.0.0.1:3000/mcp'));
 * ```
 */
export class FallbackHttpClientTransport implements Transport {
  /** {@inheritDoc Transport.onmessage} */
  onmessage?: ((message: JSONRPCMessage, info?: MessageInfo) => void) | undefined;
  /** {@inheritDoc Transport.onclose} */
  onclose?: (() => void) | undefined;
  /** {@inheritDoc Transport.onerror} */
  onerror?: ((error: Error) => void) | undefined;
  readonly #url: URL;
  readonly #options: FallbackHttpClientTransportOptions;
  #active: Transport;
  #initialize: JSONRPCRequest | undefined;
  #decided = false;
  #closed = false;

  /**
   * @param url - the server URL given by the user
   * @param options - options of each transport
   */
  constructor(url: URL | string, options: FallbackHttpClientTransportOptions = {}) {
    this.#url = new URL(url);
    this.#options = options;
    this.#active = this.#wire(new StreamableHttpClientTransport(this.#url, options.streamableHttp));
  }

  /** Which transport carries the connection now. */
  get kind(): 'streamable-http' | 'sse' {
    return this.#active instanceof SseClientTransport ? 'sse' : 'streamable-http';
  }

  /** {@inheritDoc Transport.sessionId} */
  get sessionId(): string | undefined {
    return this.#active.sessionId;
  }

  /** {@inheritDoc Transport.start} */
  start(): Promise<void> {
    return this.#active.start();
  }

  /** {@inheritDoc Transport.setProtocolVersion} */
  setProtocolVersion(version: string): void {
    this.#active.setProtocolVersion?.(version);
  }

  /** {@inheritDoc Transport.send} */
  send(message: JSONRPCMessage): Promise<void> {
    if (this.#closed) return Promise.reject(new McpkitError(McpkitErrorCode.NotConnected, 'The transport is closed'));
    if (!this.#decided && isJSONRPCRequest(message) && message.method === 'initialize') this.#initialize = message;
    return this.#active.send(message);
  }

  /** {@inheritDoc Transport.close} */
  close(): Promise<void> {
    this.#closed = true;
    return this.#active.close();
  }

  #wire(transport: Transport): Transport {
    transport.onmessage = (message, info) => this.#receive(transport, message, info);
    transport.onerror = (error) => this.onerror?.(error);
    transport.onclose = () => {
      if (transport === this.#active) this.onclose?.();
    };
    return transport;
  }

  #receive(from: Transport, message: JSONRPCMessage, info: MessageInfo | undefined): void {
    if (from !== this.#active) return;
    const init = this.#initialize;
    if (init !== undefined && isJSONRPCResponse(message) && message.id === init.id) {
      this.#initialize = undefined;
      const status = httpStatusOf(message);
      if (!this.#decided && status !== undefined && FALLBACK_STATUSES.has(status)) {
        void this.#fallBack(init, message);
        return;
      }
      this.#decided = true;
    }
    this.onmessage?.(message, info);
  }

  async #fallBack(init: JSONRPCRequest, failure: JSONRPCMessage): Promise<void> {
    const sse = new SseClientTransport(this.#url, { fetch: this.#options.streamableHttp?.fetch, ...this.#options.sse });
    try {
      await sse.start();
    } catch {
      // Not an HTTP+SSE server either: the original failure is the answer.
      this.#decided = true;
      this.onmessage?.(failure);
      return;
    }
    const previous = this.#active;
    this.#active = this.#wire(sse);
    this.#decided = true;
    await previous.close();
    try {
      await sse.send(init);
    } catch (error) {
      this.onerror?.(error instanceof Error ? error : new McpkitError(McpkitErrorCode.Transport, 'HTTP+SSE send failed'));
      this.onmessage?.(failure);
    }
  }
}
