/**
 * Encoding of outbound JSON-RPC messages.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode } from '../errors.js';
import type { JSONRPCMessage } from '../schemas/jsonrpc.js';

/**
 * Serialises one message (or a 2025-03-26 batch) to JSON text. Throws an `McpkitError`
 * (`MCPKIT_INVALID_ARGUMENT`) when the value cannot be serialised (a `BigInt`, a cycle), so a
 * transport's `send` rejects instead of writing a broken frame.
 *
 * @example
 * ```ts
 * socket.write(encodeMessage({ jsonrpc: '2.0', id: 1, result: {} }) + '\n');
 * ```
 */
export function encodeMessage(message: JSONRPCMessage | readonly JSONRPCMessage[]): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(message);
  } catch (cause) {
    throw new McpkitError(McpkitErrorCode.InvalidArgument, 'The message cannot be serialised to JSON', { cause });
  }
  if (typeof text !== 'string') {
    throw new McpkitError(McpkitErrorCode.InvalidArgument, 'The message is not a JSON value');
  }
  return text;
}
