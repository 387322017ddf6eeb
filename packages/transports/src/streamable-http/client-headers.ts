/**
 * The HTTP headers a Streamable HTTP client sends with each request.
 *
 * @module
 */
import { MetaKey, eraOf, isJSONRPCRequest, type JSONRPCMessage, type JSONRPCRequest } from '@mcpkit/core';
import type { HeaderRecord } from '../http/fetch-like.js';
import { encodeHeaderValue } from './header-encoding.js';
import { buildRequestMetadataHeaders, mcpNameSource } from './request-metadata.js';
import type { HeaderParam } from './x-mcp-header.js';

/** The modern protocol version in a request's `_meta`, or `undefined` for a legacy request. */
export function modernVersionOf(message: JSONRPCMessage): string | undefined {
  if (!('method' in message)) return undefined;
  const meta = (message.params as Record<string, unknown> | undefined)?._meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const version = (meta as Record<string, unknown>)[MetaKey.ProtocolVersion];
  return typeof version === 'string' && eraOf(version) === 'modern' ? version : undefined;
}

/** Inputs of {@link clientHeaders}. */
export interface ClientHeaderInputs {
  /** The message POSTed, or `undefined` for GET and DELETE. */
  message: JSONRPCMessage | undefined;
  /** Method-specific headers (`accept`, `content-type`, `last-event-id`). */
  extra: Record<string, string>;
  /** The transport's static headers. */
  staticHeaders: HeaderRecord | undefined;
  /** Headers computed for this message. */
  perMessage: HeaderRecord | undefined;
  /** The legacy session id, if any. */
  sessionId: string | undefined;
  /** The legacy protocol version, if known. */
  protocolVersion: string | undefined;
  /** `x-mcp-header` annotations by tool name. */
  headerParams: (toolName: string) => readonly HeaderParam[] | undefined;
}

function lower(record: HeaderRecord | undefined, into: Record<string, string>): void {
  if (record === undefined) return;
  for (const [k, v] of Object.entries(record)) into[k.toLowerCase()] = v;
}

/** Builds the headers of one HTTP request; protocol headers win over user-supplied ones. */
export function clientHeaders(inputs: ClientHeaderInputs): Record<string, string> {
  const headers: Record<string, string> = {};
  lower(inputs.extra, headers);
  lower(inputs.staticHeaders, headers);
  lower(inputs.perMessage, headers);
  const message = inputs.message;
  const modern = message === undefined ? undefined : modernVersionOf(message);
  if (modern !== undefined && message !== undefined && isJSONRPCRequest(message)) {
    const name = message.method === 'tools/call' ? message.params?.name : undefined;
    const params = typeof name === 'string' ? inputs.headerParams(name) : undefined;
    Object.assign(headers, buildRequestMetadataHeaders(message as JSONRPCRequest, modern, params));
    return headers;
  }
  // Mcp-Method/Mcp-Name cost nothing on legacy traffic and let gateways route every era alike.
  if (message !== undefined && 'method' in message) {
    headers['mcp-method'] = String(message.method);
    const name = isJSONRPCRequest(message) ? mcpNameSource(message) : undefined;
    if (name !== undefined) headers['mcp-name'] = encodeHeaderValue(name);
  }
  if (modern !== undefined) {
    headers['mcp-protocol-version'] = modern;
    return headers;
  }
  if (inputs.sessionId !== undefined) headers['mcp-session-id'] = inputs.sessionId;
  if (inputs.protocolVersion !== undefined) headers['mcp-protocol-version'] = inputs.protocolVersion;
  return headers;
}
