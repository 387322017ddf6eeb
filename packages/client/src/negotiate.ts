/**
 * Era negotiation: probe with `server/discover` (modern) and fall back to the legacy `initialize`
 * handshake, per the 2026-07-28 backward-compatibility rules.
 *
 * - A `DiscoverResult` means a modern server: pick a mutually supported version.
 * - A recognized modern error (-32022 unsupported version, -32021, -32020) means a modern server:
 *   retry with a version from `data.supported`, never fall back.
 * - Any other error, or no answer within the probe timeout, means a legacy server: `initialize`.
 *
 * @module
 */
import {
  ErrorCode,
  LEGACY_PROTOCOL_VERSIONS,
  MODERN_PROTOCOL_VERSIONS,
  McpError,
  McpkitError,
  McpkitErrorCode,
  MetaKey,
  buildRequestMeta,
  eraOf,
  type CapabilitiesObject,
  type Era,
  type ImplementationInfo,
  type SessionApi,
} from '@mcpkit/core';
import { validateResult } from './validate.js';
import { isRecord } from './is-record.js';

/** What {@link negotiate} needs to know. */
export interface NegotiateOptions {
  /** The client's identity. */
  clientInfo: ImplementationInfo;
  /** The client's capabilities in an era. */
  capabilities: (era: Era) => CapabilitiesObject;
  /** Pin one protocol version: no probe, no fallback. */
  protocolVersion?: string | undefined;
  /** Pin an era (`'auto'` probes). */
  era?: Era | 'auto' | undefined;
  /** How long the `server/discover` probe waits before taking the server for legacy, in ms. */
  probeTimeout: number;
  /** Timeout of the `initialize` request, in ms. */
  requestTimeout?: number | undefined;
  /** Tells the transport the version to put in headers. */
  setProtocolVersion: (version: string) => void;
}

/** The outcome of negotiation. */
export interface Negotiated {
  /** The era spoken from now on. */
  era: Era;
  /** The protocol version sent on every request (modern) or agreed in `initialize` (legacy). */
  protocolVersion: string;
  /** The server's self-reported identity. */
  serverInfo: ImplementationInfo | undefined;
  /** The server's capabilities; unknown (`undefined`) when a pinned modern version skipped discovery. */
  serverCapabilities: CapabilitiesObject | undefined;
  /** The server's instructions for LLMs, if any. */
  instructions: string | undefined;
  /** Versions the server listed in `server/discover` (modern only). */
  supportedVersions: readonly string[] | undefined;
}

const MODERN_ERROR_CODES: ReadonlySet<number> = new Set([
  ErrorCode.UnsupportedProtocolVersion,
  ErrorCode.MissingRequiredClientCapability,
  ErrorCode.HeaderMismatch,
]);

function unsupported(offered: readonly string[]): McpkitError {
  return new McpkitError(
    McpkitErrorCode.UnsupportedProtocolVersion,
    `The server supports none of this client's protocol versions (server: ${offered.join(', ') || 'none listed'})`,
    { data: { supported: [...offered] } },
  );
}

function readInfo(value: unknown): ImplementationInfo | undefined {
  return isRecord(value) && typeof value['name'] === 'string' && typeof value['version'] === 'string'
    ? (value as ImplementationInfo)
    : undefined;
}

/** Our versions in preference order, restricted to a pin. */
function candidates(options: NegotiateOptions, era: Era): readonly string[] {
  if (options.protocolVersion !== undefined) return eraOf(options.protocolVersion) === era ? [options.protocolVersion] : [];
  return era === 'modern' ? MODERN_PROTOCOL_VERSIONS : LEGACY_PROTOCOL_VERSIONS;
}

function pick(ours: readonly string[], theirs: readonly unknown[]): string | undefined {
  return ours.find((v) => theirs.includes(v));
}

async function discover(session: SessionApi, options: NegotiateOptions, version: string): Promise<Negotiated> {
  options.setProtocolVersion(version);
  const meta = buildRequestMeta({
    protocolVersion: version,
    clientCapabilities: options.capabilities('modern'),
    clientInfo: options.clientInfo,
  });
  const raw = await session.request('server/discover', { _meta: meta }, { timeout: options.probeTimeout });
  const result = validateResult<Record<string, unknown>>('server/discover', raw);
  if (!Array.isArray(result['supportedVersions'])) {
    throw new McpkitError(McpkitErrorCode.InvalidResponse, 'server/discover result has no supportedVersions');
  }
  const offered = result['supportedVersions'] as unknown[];
  const chosen = offered.includes(version) ? version : pick(candidates(options, 'modern'), offered);
  if (chosen === undefined) throw new DiscoveredOnly(offered.filter((v): v is string => typeof v === 'string'));
  options.setProtocolVersion(chosen);
  const resultMeta = isRecord(result['_meta']) ? result['_meta'] : {};
  return {
    era: 'modern',
    protocolVersion: chosen,
    // Some servers put serverInfo at the top level; the spec puts it in _meta.
    serverInfo: readInfo(resultMeta[MetaKey.ServerInfo]) ?? readInfo(result['serverInfo']),
    serverCapabilities: isRecord(result['capabilities']) ? result['capabilities'] : {},
    instructions: typeof result['instructions'] === 'string' ? result['instructions'] : undefined,
    supportedVersions: offered.filter((v): v is string => typeof v === 'string'),
  };
}

/** A modern server that offers none of our modern versions (maybe a legacy one). */
class DiscoveredOnly extends Error {
  constructor(readonly offered: string[]) {
    super('no mutual modern version');
  }
}

async function initialize(session: SessionApi, options: NegotiateOptions, offered?: readonly string[]): Promise<Negotiated> {
  const ours = candidates(options, 'legacy');
  const requested = offered === undefined ? ours[0] : pick(ours, offered);
  if (requested === undefined) throw unsupported(offered ?? []);
  options.setProtocolVersion(requested);
  const raw = await session.request(
    'initialize',
    { protocolVersion: requested, capabilities: options.capabilities('legacy'), clientInfo: options.clientInfo },
    options.requestTimeout === undefined ? undefined : { timeout: options.requestTimeout },
  );
  const result = validateResult<Record<string, unknown>>('initialize', raw);
  const answered = result['protocolVersion'];
  if (typeof answered !== 'string' || !ours.includes(answered)) {
    throw unsupported(typeof answered === 'string' ? [answered] : []);
  }
  options.setProtocolVersion(answered);
  await session.notify('notifications/initialized');
  return {
    era: 'legacy',
    protocolVersion: answered,
    serverInfo: readInfo(result['serverInfo']),
    serverCapabilities: isRecord(result['capabilities']) ? result['capabilities'] : {},
    instructions: typeof result['instructions'] === 'string' ? result['instructions'] : undefined,
    supportedVersions: undefined,
  };
}

function supportedFrom(error: McpError): string[] {
  const data = isRecord(error.data) ? error.data : {};
  return Array.isArray(data['supported']) ? data['supported'].filter((v): v is string => typeof v === 'string') : [];
}

function isLegacySignal(error: unknown): boolean {
  if (error instanceof McpError) return !MODERN_ERROR_CODES.has(error.code);
  // A legacy server may answer an unknown method with some result: that is no DiscoverResult either.
  return error instanceof McpkitError && (error.code === McpkitErrorCode.Timeout || error.code === McpkitErrorCode.InvalidResponse);
}

async function modern(session: SessionApi, options: NegotiateOptions, allowFallback: boolean): Promise<Negotiated> {
  const first = candidates(options, 'modern')[0];
  if (first === undefined) throw unsupported([]);
  try {
    return await discover(session, options, first);
  } catch (error) {
    if (error instanceof DiscoveredOnly) {
      if (allowFallback && pick(candidates(options, 'legacy'), error.offered) !== undefined) {
        return initialize(session, options, error.offered);
      }
      throw unsupported(error.offered);
    }
    if (error instanceof McpError && error.code === ErrorCode.UnsupportedProtocolVersion) {
      const offered = supportedFrom(error);
      const retry = pick(candidates(options, 'modern'), offered);
      // One retry only: a second refusal propagates.
      if (retry !== undefined) return discover(session, options, retry);
      if (allowFallback && pick(candidates(options, 'legacy'), offered) !== undefined) return initialize(session, options, offered);
      throw unsupported(offered);
    }
    if (allowFallback && isLegacySignal(error)) return initialize(session, options);
    throw error;
  }
}

/**
 * Finds out which era the server speaks and agrees on a version.
 *
 * @param session - a started session on the transport
 * @param options - identity, capabilities, pins and probe timeout
 * @throws McpkitError `MCPKIT_UNSUPPORTED_PROTOCOL_VERSION` when no version is mutual
 */
export async function negotiate(session: SessionApi, options: NegotiateOptions): Promise<Negotiated> {
  const pinned = options.protocolVersion;
  if (pinned !== undefined && eraOf(pinned) === 'modern') {
    // A pinned modern version skips the probe: nothing is sent until the first call.
    options.setProtocolVersion(pinned);
    return { era: 'modern', protocolVersion: pinned, serverInfo: undefined, serverCapabilities: undefined, instructions: undefined, supportedVersions: undefined };
  }
  const pinnedEra = pinned !== undefined ? eraOf(pinned) : options.era;
  if (pinnedEra === 'legacy') return initialize(session, options);
  return modern(session, options, pinnedEra !== 'modern');
}
