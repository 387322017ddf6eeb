/**
 * Protocol versions and eras.
 *
 * - The **modern era** (2026-07-28) is stateless: no handshake, every request carries its version,
 *   the client's capabilities and identity in `_meta`.
 * - The **legacy era** (2025-11-25, 2025-06-18, 2025-03-26, 2024-11-05) negotiates once with
 *   `initialize` and then holds a session.
 *
 * @module
 */
import { ErrorCode, McpError } from './errors.js';

/** The latest protocol version, the first of the modern era. */
export const LATEST_PROTOCOL_VERSION = '2026-07-28';

/** The newest legacy-era version. */
export const LATEST_LEGACY_PROTOCOL_VERSION = '2025-11-25';

/** Modern-era versions this SDK speaks, newest first. */
export const MODERN_PROTOCOL_VERSIONS = ['2026-07-28'] as const;

/** Legacy-era versions this SDK speaks, newest first. */
export const LEGACY_PROTOCOL_VERSIONS = ['2025-11-25', '2025-06-18', '2025-03-26', '2024-11-05'] as const;

/** Every version this SDK speaks, newest first. */
export const SUPPORTED_PROTOCOL_VERSIONS = [...MODERN_PROTOCOL_VERSIONS, ...LEGACY_PROTOCOL_VERSIONS] as const;

/** A protocol version this SDK speaks. */
export type ProtocolVersion = (typeof SUPPORTED_PROTOCOL_VERSIONS)[number];

/** A modern-era protocol version. */
export type ModernProtocolVersion = (typeof MODERN_PROTOCOL_VERSIONS)[number];

/** A legacy-era protocol version. */
export type LegacyProtocolVersion = (typeof LEGACY_PROTOCOL_VERSIONS)[number];

/** `'modern'` (stateless, 2026-07-28 on) or `'legacy'` (handshake and sessions). */
export type Era = 'modern' | 'legacy';

/** True if this SDK speaks `version`. */
export function isSupportedProtocolVersion(version: unknown): version is ProtocolVersion {
  return typeof version === 'string' && (SUPPORTED_PROTOCOL_VERSIONS as readonly string[]).includes(version);
}

/** True if `version` is a legacy-era version this SDK speaks. */
export function isLegacyProtocolVersion(version: unknown): version is LegacyProtocolVersion {
  return typeof version === 'string' && (LEGACY_PROTOCOL_VERSIONS as readonly string[]).includes(version);
}

/** True if `version` is a modern-era version this SDK speaks. */
export function isModernProtocolVersion(version: unknown): version is ModernProtocolVersion {
  return typeof version === 'string' && (MODERN_PROTOCOL_VERSIONS as readonly string[]).includes(version);
}

/**
 * The era of a version. Versions are ISO dates, so any unknown version after the last legacy one is
 * taken to be modern.
 */
export function eraOf(version: string): Era {
  return version > LATEST_LEGACY_PROTOCOL_VERSION ? 'modern' : 'legacy';
}

/**
 * Legacy `initialize`, server side: answer with the client's version if supported, else the newest
 * version the server supports (the client then decides whether to continue).
 *
 * @param requested - `params.protocolVersion` of the `initialize` request
 * @param supported - the legacy versions the server accepts, newest first
 */
export function negotiateLegacyVersion(
  requested: string,
  supported: readonly string[] = LEGACY_PROTOCOL_VERSIONS,
): string {
  if (supported.includes(requested)) return requested;
  const fallback = supported[0];
  if (fallback === undefined) throw new RangeError('negotiateLegacyVersion: no supported versions');
  return fallback;
}

/**
 * Legacy `initialize`, client side: true if the server's answer is a version the client accepts.
 * A client that gets `false` must disconnect.
 */
export function acceptLegacyVersion(
  answered: string,
  supported: readonly string[] = LEGACY_PROTOCOL_VERSIONS,
): boolean {
  return supported.includes(answered);
}

/** The reserved `_meta` keys of the modern-era envelope. */
export const MetaKey = {
  /** The request's protocol version (required on every modern request). */
  ProtocolVersion: 'io.modelcontextprotocol/protocolVersion',
  /** The client's capabilities for this request (required on every modern request). */
  ClientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  /** The client's identity (should be on every modern request). */
  ClientInfo: 'io.modelcontextprotocol/clientInfo',
  /** The server's identity (should be on every modern result). */
  ServerInfo: 'io.modelcontextprotocol/serverInfo',
  /** The log level for this request; no `notifications/message` without it. */
  LogLevel: 'io.modelcontextprotocol/logLevel',
  /** Tags notifications delivered on a `subscriptions/listen` stream. */
  SubscriptionId: 'io.modelcontextprotocol/subscriptionId',
  /** Marks a tool result as a task handle (tasks extension). */
  RelatedTask: 'io.modelcontextprotocol/related-task',
} as const;

/** Name and version of a client or server (the spec's `Implementation`). */
export interface ImplementationInfo {
  /** Programmatic name. */
  name: string;
  /** Version string. */
  version: string;
  /** Display name. */
  title?: string;
  [key: string]: unknown;
}

/** A capabilities object: each present key is a supported feature, values hold sub-features. */
export type CapabilitiesObject = { [key: string]: unknown };

/** The modern-era `_meta` envelope of one request. */
export interface RequestEnvelope {
  /** Protocol version of this request. */
  protocolVersion: string;
  /** Client capabilities for this request. */
  clientCapabilities: CapabilitiesObject;
  /** Client identity, if sent. */
  clientInfo?: ImplementationInfo | undefined;
  /** Log level opt-in, if sent. */
  logLevel?: string | undefined;
}

/** Builds the `_meta` entries of a modern request (merge them into `params._meta`). */
export function buildRequestMeta(envelope: RequestEnvelope): Record<string, unknown> {
  const meta: Record<string, unknown> = {
    [MetaKey.ProtocolVersion]: envelope.protocolVersion,
    [MetaKey.ClientCapabilities]: envelope.clientCapabilities,
  };
  if (envelope.clientInfo !== undefined) meta[MetaKey.ClientInfo] = envelope.clientInfo;
  if (envelope.logLevel !== undefined) meta[MetaKey.LogLevel] = envelope.logLevel;
  return meta;
}

/**
 * Reads the modern envelope from request params. Returns `undefined` when the request carries no
 * protocol version (a legacy-era request). Throws an `InvalidParams` {@link McpError} when the
 * envelope is present but malformed.
 */
export function readRequestMeta(params: unknown): RequestEnvelope | undefined {
  if (typeof params !== 'object' || params === null) return undefined;
  const meta = (params as { _meta?: unknown })._meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  const m = meta as Record<string, unknown>;
  const protocolVersion = m[MetaKey.ProtocolVersion];
  if (protocolVersion === undefined) return undefined;
  if (typeof protocolVersion !== 'string') {
    throw new McpError(ErrorCode.InvalidParams, `_meta["${MetaKey.ProtocolVersion}"] must be a string`);
  }
  const caps = m[MetaKey.ClientCapabilities];
  if (typeof caps !== 'object' || caps === null || Array.isArray(caps)) {
    throw new McpError(
      ErrorCode.InvalidParams,
      `_meta["${MetaKey.ClientCapabilities}"] is required and must be an object`,
    );
  }
  const info = m[MetaKey.ClientInfo];
  const level = m[MetaKey.LogLevel];
  return {
    protocolVersion,
    clientCapabilities: caps as CapabilitiesObject,
    clientInfo:
      typeof info === 'object' && info !== null && typeof (info as ImplementationInfo).name === 'string'
        ? (info as ImplementationInfo)
        : undefined,
    logLevel: typeof level === 'string' ? level : undefined,
  };
}

/** The `UnsupportedProtocolVersion` wire error (-32022) with `data.requested` and `data.supported`. */
export function unsupportedProtocolVersionError(
  requested: string,
  supported: readonly string[] = SUPPORTED_PROTOCOL_VERSIONS,
): McpError {
  return new McpError(ErrorCode.UnsupportedProtocolVersion, `Unsupported protocol version: ${requested}`, {
    requested,
    supported: [...supported],
  });
}

/**
 * True if `capabilities` declares the feature at `path` (dot-separated: `'sampling'`,
 * `'elicitation.url'`, `'sampling.tools'`, `'roots.listChanged'`).
 *
 * Per the spec, an empty `elicitation` object means form mode is supported.
 */
export function hasCapability(capabilities: CapabilitiesObject | undefined, path: string): boolean {
  if (capabilities === undefined) return false;
  if (path === 'elicitation.form') {
    const e = capabilities['elicitation'];
    if (typeof e !== 'object' || e === null) return false;
    const keys = Object.keys(e);
    return keys.length === 0 || 'form' in e || !('url' in e);
  }
  let node: unknown = capabilities;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  if (typeof node === 'boolean') return node;
  return node !== undefined && node !== null;
}

/**
 * The `MissingRequiredClientCapability` wire error (-32021), modern era.
 *
 * @param required - the capabilities the request needs, e.g. `{ sampling: {} }`
 */
export function missingClientCapabilityError(required: CapabilitiesObject): McpError {
  const names = Object.keys(required).join(', ');
  return new McpError(
    ErrorCode.MissingRequiredClientCapability,
    `This request needs client capabilities the client did not declare: ${names}`,
    { requiredCapabilities: required },
  );
}
