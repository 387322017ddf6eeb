/**
 * The sending side of the size limit. `ws` closes a connection whose peer sends a message over its
 * `maxPayload` (1009) by design, so the one place an oversize message can fail alone is before it
 * is sent: a send over the peer's known limit is refused, and only that message's request fails.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode } from '@mcpkit/core';

/** Default largest outbound message, in bytes: the 4 MiB default `maxPayload` of both ends. */
export const DEFAULT_MAX_OUTBOUND_PAYLOAD = 4 * 1024 * 1024;

/**
 * Throws `MCPKIT_MESSAGE_TOO_LARGE` when `text` encodes to more than `limit` bytes of UTF-8.
 * Counts without encoding, and only when the length alone cannot decide.
 */
export function assertOutboundSize(text: string, limit: number): void {
  // A UTF-16 code unit takes one to three bytes of UTF-8 (a surrogate pair, two units, takes four).
  if (text.length * 3 <= limit) return;
  const bytes = text.length > limit ? text.length : utf8Length(text);
  if (bytes <= limit) return;
  throw new McpkitError(
    McpkitErrorCode.MessageTooLarge,
    `The message is at least ${bytes} bytes, over maxOutboundPayload (${limit} bytes), and was not sent; ` +
      "sending it would close the connection. Raise maxOutboundPayload (and the peer's maxPayload) if such messages are expected.",
    { data: { maxOutboundPayload: limit, messageBytes: bytes } },
  );
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // JSON.stringify escapes lone surrogates, so each one here is half a pair: two bytes each make its four.
    bytes += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}
