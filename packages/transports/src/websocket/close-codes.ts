/**
 * WebSocket close codes (RFC 6455 §7.4) mapped to local errors that say what happened.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode } from '@mcpkit/core';

/** Close codes this package sends. */
export const WebSocketCloseCode = {
  /** Normal closure. */
  Normal: 1000,
  /** The endpoint is going away (server shutdown). */
  GoingAway: 1001,
  /** A frame the endpoint cannot accept (binary where text is expected, etc.). */
  UnsupportedData: 1003,
  /** No close frame: the connection dropped (never sent, only observed). */
  Abnormal: 1006,
  /** The peer broke a policy (a missing `mcp` subprotocol, a keep-alive timeout). */
  PolicyViolation: 1008,
  /** A message larger than `maxPayload`. */
  MessageTooBig: 1009,
  /** The endpoint hit an unexpected condition. */
  InternalError: 1011,
} as const;

/**
 * The error for a close, or `undefined` for a normal one (1000, or 1005 "no status").
 *
 * @example
 * ```ts
 * closeCodeError(1009, '')?.code; // 'MCPKIT_MESSAGE_TOO_LARGE'
 * ```
 */
export function closeCodeError(code: number, reason: string): McpkitError | undefined {
  const detail = reason === '' ? '' : `: ${reason}`;
  const data = { closeCode: code, reason };
  switch (code) {
    case 1000:
    case 1005:
      return undefined;
    case 1001:
      return new McpkitError(McpkitErrorCode.ConnectionClosed, `The server is going away${detail}`, { data });
    case 1006:
      return new McpkitError(McpkitErrorCode.ConnectionClosed, `The connection was lost without a close frame${detail}`, { data });
    case 1009:
      return new McpkitError(McpkitErrorCode.MessageTooLarge, `A message exceeded the peer's size limit${detail}`, { data });
    case 1008:
      return new McpkitError(McpkitErrorCode.Transport, `The peer closed the connection for a policy violation${detail}`, { data });
    case 1011:
      return new McpkitError(McpkitErrorCode.Transport, `The peer hit an internal error${detail}`, { data });
    default:
      return new McpkitError(McpkitErrorCode.Transport, `The WebSocket closed with code ${code}${detail}`, { data });
  }
}

/** The WebSocket subprotocol of MCP over WebSocket. */
export const MCP_SUBPROTOCOL = 'mcp';
