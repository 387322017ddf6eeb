/**
 * Tamper-proof `requestState` for Multi Round-Trip Requests: a base64url JSON payload and its
 * HMAC-SHA256 (WebCrypto), so any server replica with the same secret can continue a request.
 *
 * @module
 */
import { ErrorCode, McpError } from '@mcpkit/core';

/** Default lifetime of a `requestState`: 10 minutes. */
export const DEFAULT_REQUEST_STATE_TTL_MS = 10 * 60_000;

/** Largest `requestState` accepted back from a client: 256 KiB. */
export const MAX_REQUEST_STATE_LENGTH = 256 * 1024;

/** What the server keeps across rounds of one request. */
export interface RequestStatePayload {
  /** Responses collected in earlier rounds, by input key. */
  responses: Record<string, unknown>;
  /** Keys asked for in the last round. */
  pending: string[];
  /** Binds the state to one request: method + digest of its salient params. */
  binding: string;
  /** Expiry, ms since the epoch. */
  exp: number;
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return undefined;
  try {
    const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
    return Uint8Array.from(atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4)), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function invalidState(reason: string): McpError {
  return new McpError(ErrorCode.InvalidParams, `Invalid requestState: ${reason}`);
}

/** Signs and verifies request state with one secret. */
export class RequestStateCodec {
  readonly #key: Promise<CryptoKey>;
  readonly #now: () => number;

  /**
   * @param secret - the HMAC key; replicas behind one load balancer must share it
   * @param now - the clock (ms since the epoch)
   */
  constructor(secret: string | Uint8Array, now: () => number = Date.now) {
    const raw = typeof secret === 'string' ? new TextEncoder().encode(secret) : secret;
    if (raw.byteLength < 16) throw new RangeError('requestStateSecret must be at least 16 bytes');
    this.#key = globalThis.crypto.subtle.importKey('raw', raw as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);
    this.#now = now;
  }

  /** The current time of this codec's clock. */
  now(): number {
    return this.#now();
  }

  /** Encodes and signs a payload. */
  async seal(payload: RequestStatePayload): Promise<string> {
    const body = new TextEncoder().encode(JSON.stringify(payload));
    const mac = new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', await this.#key, body as BufferSource));
    return `${toBase64Url(body)}.${toBase64Url(mac)}`;
  }

  /** Verifies and decodes a state; -32602 when tampered, expired, malformed or bound to another request. */
  async open(state: string, binding: string): Promise<RequestStatePayload> {
    if (state.length > MAX_REQUEST_STATE_LENGTH) throw invalidState('too large');
    const [bodyText, macText, extra] = state.split('.');
    const body = bodyText === undefined ? undefined : fromBase64Url(bodyText);
    const mac = macText === undefined ? undefined : fromBase64Url(macText);
    if (body === undefined || mac === undefined || extra !== undefined) throw invalidState('malformed');
    const ok = await globalThis.crypto.subtle.verify('HMAC', await this.#key, mac as BufferSource, body as BufferSource);
    if (!ok) throw invalidState('integrity check failed');
    let payload: RequestStatePayload;
    try {
      payload = JSON.parse(new TextDecoder().decode(body)) as RequestStatePayload;
    } catch {
      throw invalidState('malformed');
    }
    if (typeof payload.exp !== 'number' || payload.exp <= this.#now()) throw invalidState('expired; start the request again');
    if (payload.binding !== binding) throw invalidState('it belongs to another request');
    return payload;
  }
}

/** A digest of a request's salient params, binding a state to it (method + JSON of the params). */
export async function bindingOf(method: string, salient: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(`${method}\n${stableStringify(salient)}`);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes as BufferSource));
  return toBase64Url(digest.slice(0, 16));
}

function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A random secret for one process (32 bytes). */
export function randomSecret(): Uint8Array {
  return globalThis.crypto.getRandomValues(new Uint8Array(32));
}
