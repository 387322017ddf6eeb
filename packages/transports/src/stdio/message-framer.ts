/**
 * Bytes in, JSON-RPC messages out: line framing composed with the core decoder.
 *
 * @module
 */
import type { JSONRPCErrorResponse, JSONRPCMessage, McpkitError } from '@mcpkit/core';
import { decodeMessages } from '@mcpkit/core';
import { LineFramer } from './line-framer.js';
import { readOversizeHead, type OversizeHead } from './oversize.js';

/** Where a message framer delivers what it reads. */
export interface MessageSink {
  /** A well-formed JSON-RPC message. */
  message(message: JSONRPCMessage): void;
  /** A line that is not a JSON-RPC message, as the error response that answers it (-32700 or -32600). */
  malformed(response: JSONRPCErrorResponse): void;
  /**
   * A line over the size limit (`MCPKIT_MESSAGE_TOO_LARGE`); it was discarded. `head` is its id
   * and kind when its first bytes tell them.
   */
  oversize(error: McpkitError, head: OversizeHead | undefined): void;
}

/**
 * Builds a {@link LineFramer} whose lines are decoded into JSON-RPC messages. Batch elements
 * (2025-03-26) are delivered one by one.
 *
 * @param sink - receives messages, malformed-input responses and oversize errors
 * @param maxMessageSize - the largest line accepted, in bytes (default 4 MiB)
 */
export function createMessageFramer(sink: MessageSink, maxMessageSize?: number): LineFramer {
  return new LineFramer(
    {
      line(bytes) {
        const { messages, errors } = decodeMessages(bytes);
        for (const response of errors) sink.malformed(response);
        for (const message of messages) sink.message(message);
      },
      oversize: (error, head) => sink.oversize(error, readOversizeHead(head)),
    },
    maxMessageSize,
  );
}
