/**
 * Errors in mcpkit come in two families that are never mixed:
 *
 * - {@link McpError}: an error that travels on the wire (JSON-RPC `code`, `message`, `data`).
 * - {@link McpkitError}: a local SDK error with a stable string {@link McpkitErrorCode} such as
 *   `MCPKIT_TIMEOUT`, raised on this side and never sent to a peer.
 *
 * Both use a `Symbol.for` brand, so `instanceof` holds even when two copies of `@mcpkit/core`
 * end up in one application.
 *
 * @module
 */

/** JSON-RPC and MCP error codes used on the wire. */
export const ErrorCode = {
  /** Invalid JSON was received. The response id is `null`. */
  ParseError: -32700,
  /** The JSON sent is not a valid JSON-RPC request. */
  InvalidRequest: -32600,
  /** The method does not exist or is not available. */
  MethodNotFound: -32601,
  /** Invalid method parameters. Since 2026-07-28 also used for an unknown resource. */
  InvalidParams: -32602,
  /** Internal JSON-RPC error. */
  InternalError: -32603,
  /** Legacy era (2024-11-05 … 2025-11-25): resource not found. */
  ResourceNotFound: -32002,
  /** 2025-11-25: the request needs a URL-mode elicitation first. */
  UrlElicitationRequired: -32042,
  /** 2026-07-28: HTTP headers do not match the body, or required headers are missing. */
  HeaderMismatch: -32020,
  /** 2026-07-28: the request needs a client capability that was not declared. */
  MissingRequiredClientCapability: -32021,
  /** 2026-07-28: the requested protocol version is not supported. `data.supported` lists the versions. */
  UnsupportedProtocolVersion: -32022,
} as const;

/** A numeric error code as sent on the wire. */
export type ErrorCodeValue = (typeof ErrorCode)[keyof typeof ErrorCode];

const MCP_ERROR_BRAND = Symbol.for('@mcpkit/core/McpError');
const MCPKIT_ERROR_BRAND = Symbol.for('@mcpkit/core/McpkitError');

function hasBrand(value: unknown, brand: symbol): boolean {
  return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[brand] === true;
}

/** The `error` member of a JSON-RPC error response. */
export interface WireError {
  /** The error code; see {@link ErrorCode}. */
  code: number;
  /** A short, single-sentence description, safe to show to the peer. */
  message: string;
  /** Optional structured detail defined by the sender. */
  data?: unknown;
}

/**
 * An error that travels on the wire as a JSON-RPC error response.
 *
 * Throw it from a handler to answer with exactly this code, message and data. Received error
 * responses are surfaced as `McpError` too.
 *
 * @example
 * ```ts
 * throw new McpError(ErrorCode.InvalidParams, 'Unknown resource: file:///nope', { uri: 'file:///nope' });
 * ```
 */
export class McpError extends Error implements WireError {
  /** The JSON-RPC error code. */
  readonly code: number;
  /** Optional structured detail. */
  readonly data?: unknown;

  /**
   * @param code - the JSON-RPC error code, see {@link ErrorCode}
   * @param message - a short description that is safe to send to the peer
   * @param data - optional structured detail
   */
  constructor(code: number, message: string, data?: unknown) {
    super(message);
    this.name = 'McpError';
    this.code = code;
    if (data !== undefined) this.data = data;
    Object.defineProperty(this, MCP_ERROR_BRAND, { value: true });
  }

  /** Brand check that works across copies of the package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, MCP_ERROR_BRAND);
  }

  /** Builds an `McpError` from the `error` member of a received error response. */
  static fromWire(error: WireError): McpError {
    return new McpError(error.code, error.message, error.data);
  }

  /** The `error` member to put in a JSON-RPC error response. */
  toWire(): WireError {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }
}

/** Stable string codes of local SDK errors. */
export const McpkitErrorCode = {
  /** A request got no response in time. */
  Timeout: 'MCPKIT_TIMEOUT',
  /** A request was cancelled by its `AbortSignal`. */
  Cancelled: 'MCPKIT_CANCELLED',
  /** The connection closed before the request completed. */
  ConnectionClosed: 'MCPKIT_CONNECTION_CLOSED',
  /** An operation needs a connection that is not (or no longer) open. */
  NotConnected: 'MCPKIT_NOT_CONNECTED',
  /** The peer speaks no protocol version this side supports. */
  UnsupportedProtocolVersion: 'MCPKIT_UNSUPPORTED_PROTOCOL_VERSION',
  /** The peer did not declare a capability the operation needs. */
  CapabilityMissing: 'MCPKIT_CAPABILITY_MISSING',
  /** The peer sent a response that does not match the protocol schema. */
  InvalidResponse: 'MCPKIT_INVALID_RESPONSE',
  /** A message exceeds the configured maximum size. */
  MessageTooLarge: 'MCPKIT_MESSAGE_TOO_LARGE',
  /** The transport failed (spawn error, socket error, HTTP error). */
  Transport: 'MCPKIT_TRANSPORT',
  /** Too many requests are in flight. */
  Overloaded: 'MCPKIT_OVERLOADED',
  /** The input-required loop ran more rounds than allowed. */
  TooManyRounds: 'MCPKIT_TOO_MANY_ROUNDS',
  /** An argument passed to an SDK function is invalid. */
  InvalidArgument: 'MCPKIT_INVALID_ARGUMENT',
} as const;

/** One of the {@link McpkitErrorCode} values. */
export type McpkitErrorCodeValue = (typeof McpkitErrorCode)[keyof typeof McpkitErrorCode];

/**
 * A local SDK error: raised on this side, never sent to the peer. Check `code`, not the message.
 *
 * @example
 * ```ts
 * try { await client.callTool({ name: 'slow' }, { timeout: 1000 }); }
 * catch (e) { if (e instanceof McpkitError && e.code === McpkitErrorCode.Timeout) retryLater(); }
 * ```
 */
export class McpkitError extends Error {
  /** The stable error code. */
  readonly code: McpkitErrorCodeValue;
  /** Optional detail (for example the validation issues of an invalid response). */
  readonly data?: unknown;

  /**
   * @param code - the stable error code
   * @param message - what happened and what to do about it
   * @param options - `cause` of the error and optional `data`
   */
  constructor(code: McpkitErrorCodeValue, message: string, options?: { cause?: unknown; data?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'McpkitError';
    this.code = code;
    if (options?.data !== undefined) this.data = options.data;
    Object.defineProperty(this, MCPKIT_ERROR_BRAND, { value: true });
  }

  /** Brand check that works across copies of the package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasBrand(value, MCPKIT_ERROR_BRAND);
  }
}

/**
 * Turns anything thrown by a handler into the `error` member of a response, without leaking
 * internals: an {@link McpError} passes through; anything else becomes a generic internal error.
 */
export function toWireError(thrown: unknown): WireError {
  if (thrown instanceof McpError) return (thrown as McpError).toWire();
  return { code: ErrorCode.InternalError, message: 'Internal error' };
}
