/**
 * The request metadata headers of 2026-07-28 Streamable HTTP: `MCP-Protocol-Version`,
 * `Mcp-Method`, `Mcp-Name` and `Mcp-Param-{Name}`, built by clients and checked by servers.
 *
 * @module
 */
import type { JSONRPCRequest } from '@mcpkit/core';
import { decodeHeaderValue, encodeHeaderValue, headerParamString } from './header-encoding.js';
import { valueAtPath, type HeaderParam } from './x-mcp-header.js';

/** Methods whose `Mcp-Name` header mirrors a params field, and that field. */
const NAME_SOURCES: Readonly<Record<string, string>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
  // Tasks extension: the task a request is about.
  'tasks/get': 'taskId',
  'tasks/update': 'taskId',
  'tasks/cancel': 'taskId',
};

/** The body value `Mcp-Name` mirrors for this request, or `undefined` when the method has none. */
export function mcpNameSource(message: JSONRPCRequest): string | undefined {
  const field = NAME_SOURCES[message.method];
  if (field === undefined) return undefined;
  const value = message.params?.[field];
  return typeof value === 'string' ? value : undefined;
}

/**
 * The headers a client puts on a modern request POST.
 *
 * @param message - the request
 * @param protocolVersion - the version in its `_meta`
 * @param headerParams - the `x-mcp-header` annotations of the called tool, if any
 */
export function buildRequestMetadataHeaders(
  message: JSONRPCRequest,
  protocolVersion: string,
  headerParams?: readonly HeaderParam[],
): Record<string, string> {
  const headers: Record<string, string> = {
    'mcp-protocol-version': protocolVersion,
    'mcp-method': message.method,
  };
  const name = mcpNameSource(message);
  if (name !== undefined) headers['mcp-name'] = encodeHeaderValue(name);
  if (message.method === 'tools/call' && headerParams !== undefined) {
    const args = message.params?.arguments;
    for (const param of headerParams) {
      const value = headerParamString(valueAtPath(args, param.path));
      if (value !== undefined) headers[`mcp-param-${param.name.toLowerCase()}`] = encodeHeaderValue(value);
    }
  }
  return headers;
}

function sameParamValue(header: string, body: unknown): boolean {
  if (typeof body === 'number') return Number(header) === body && header.trim() !== '';
  return headerParamString(body) === header;
}

/**
 * Checks the metadata headers of a modern request against its body. Returns the problem (for a
 * `HeaderMismatch` -32020 error with HTTP 400) or `undefined` when they agree.
 *
 * @param headers - the HTTP request headers
 * @param message - the request body
 * @param bodyVersion - `_meta["io.modelcontextprotocol/protocolVersion"]` of the body
 * @param headerParams - the called tool's `x-mcp-header` annotations, when the server knows them
 */
export function checkRequestMetadataHeaders(
  headers: Headers,
  message: JSONRPCRequest,
  bodyVersion: string | undefined,
  headerParams?: readonly HeaderParam[],
): string | undefined {
  const version = headers.get('mcp-protocol-version');
  if (version === null) return 'Header mismatch: MCP-Protocol-Version header is required';
  if (bodyVersion === undefined) {
    return 'Header mismatch: the body has no _meta["io.modelcontextprotocol/protocolVersion"]';
  }
  if (version !== bodyVersion) {
    return `Header mismatch: MCP-Protocol-Version header value '${version}' does not match body value '${bodyVersion}'`;
  }
  const method = headers.get('mcp-method');
  if (method === null) return 'Header mismatch: Mcp-Method header is required';
  if (method !== message.method) return `Header mismatch: Mcp-Method header value does not match body method`;
  if (NAME_SOURCES[message.method] !== undefined) {
    const raw = headers.get('mcp-name');
    if (raw === null) return 'Header mismatch: Mcp-Name header is required';
    const decoded = decodeHeaderValue(raw);
    if (decoded === undefined) return 'Header mismatch: Mcp-Name header is malformed';
    if (decoded !== mcpNameSource(message)) return 'Header mismatch: Mcp-Name header value does not match body value';
  }
  const params = new Map<string, string>();
  let malformed: string | undefined;
  headers.forEach((value, name) => {
    if (!name.startsWith('mcp-param-')) return;
    const decoded = decodeHeaderValue(value);
    if (decoded === undefined) malformed = name;
    else params.set(name.slice('mcp-param-'.length), decoded);
  });
  if (malformed !== undefined) return `Header mismatch: ${malformed} header is malformed`;
  if (message.method !== 'tools/call' || headerParams === undefined) return undefined;
  const args = message.params?.arguments;
  for (const param of headerParams) {
    const body = valueAtPath(args, param.path);
    const header = params.get(param.name.toLowerCase());
    if (body === undefined || body === null) {
      if (header !== undefined) return `Header mismatch: Mcp-Param-${param.name} is set but the argument is absent`;
      continue;
    }
    if (header === undefined) return `Header mismatch: Mcp-Param-${param.name} header is required`;
    if (!sameParamValue(header, body)) return `Header mismatch: Mcp-Param-${param.name} does not match the argument`;
  }
  return undefined;
}
