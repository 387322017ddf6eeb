/**
 * The transport contract: framing only. A transport turns bytes into {@link JSONRPCMessage}s and
 * back; it knows nothing of MCP methods, eras or sessions.
 *
 * @module
 */
import type { JSONRPCMessage, RequestId } from './schemas/jsonrpc.js';

/** Options for {@link Transport.send}. */
export interface TransportSendOptions {
  /**
   * The inbound request this message belongs to: its response, or a notification or request sent
   * while handling it. Transports that multiplex (Streamable HTTP) route the message by it.
   */
  relatedRequestId?: RequestId;
}

/** Transport-level facts about one inbound message, handed to handlers as `ctx.transport`. */
export interface MessageInfo {
  /** Request headers (lower-case names) for HTTP-based transports. */
  headers?: Readonly<Record<string, string>>;
  /** Authentication facts established by the transport or middleware (for example a verified token). */
  authInfo?: Readonly<Record<string, unknown>>;
  /** The legacy-era session id, if the transport has sessions. */
  sessionId?: string;
  /**
   * Aborted when the transport can no longer deliver a response to this message (for example the
   * HTTP response stream was closed). Sessions treat it like a cancellation.
   */
  signal?: AbortSignal;
}

/**
 * A bidirectional message channel. The whole contract is `start`, `send`, `close` and three
 * callbacks; everything else (correlation, timeouts, eras) lives above it.
 *
 * Rules every implementation follows:
 * - `onmessage` receives only well-formed JSON-RPC messages; malformed input is answered by the
 *   transport itself with a JSON-RPC error (see `decodeMessages` in `@mcpkit/core`) and never thrown.
 * - `onclose` fires exactly once, whether the close was local or remote.
 * - `send` after close rejects with an `McpkitError` of code `MCPKIT_NOT_CONNECTED`.
 */
export interface Transport {
  /** Opens the channel (spawns the child, starts reading). Resolves when messages can be sent. */
  start(): Promise<void>;
  /** Sends one message. Resolves when it has been handed to the underlying channel. */
  send(message: JSONRPCMessage, options?: TransportSendOptions): Promise<void>;
  /** Closes the channel. Idempotent. */
  close(): Promise<void>;
  /** Called for every inbound message. */
  onmessage?: ((message: JSONRPCMessage, info?: MessageInfo) => void) | undefined;
  /** Called once when the channel has closed. */
  onclose?: (() => void) | undefined;
  /** Called for errors that do not close the channel (a malformed frame, a failed write). */
  onerror?: ((error: Error) => void) | undefined;
  /** The legacy-era session id, once the transport has one. */
  readonly sessionId?: string | undefined;
  /**
   * Told the negotiated protocol version by the role above, for transports that must put it in
   * headers (Streamable HTTP). Optional.
   */
  setProtocolVersion?(version: string): void;
}
