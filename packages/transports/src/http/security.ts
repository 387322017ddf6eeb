/**
 * DNS rebinding protection: `Host` and `Origin` validated against allow-lists.
 *
 * @module
 */

/** Allow-lists for {@link checkHostAndOrigin}. */
export interface DnsRebindingOptions {
  /**
   * Host names (without port) the server answers to. IPv6 literals in brackets: `[::1]`.
   * Default: `localhost`, `127.0.0.1`, `[::1]`.
   */
  allowedHosts?: readonly string[];
  /**
   * Exact origins (`scheme://host[:port]`) accepted in an `Origin` header, in addition to any
   * origin whose host name is in `allowedHosts`.
   */
  allowedOrigins?: readonly string[];
}

/** The default host allow-list: loopback only. */
export const DEFAULT_ALLOWED_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** The host name of a `Host` header value, lower-cased, port removed, IPv6 kept in brackets. */
export function hostnameOf(hostHeader: string): string | undefined {
  const value = hostHeader.trim().toLowerCase();
  if (value === '') return undefined;
  if (value.startsWith('[')) {
    const end = value.indexOf(']');
    return end < 0 ? undefined : value.slice(0, end + 1);
  }
  const colon = value.indexOf(':');
  return colon < 0 ? value : value.slice(0, colon);
}

/** Why a request was refused. */
export type OriginCheckFailure = 'host' | 'origin';

/**
 * Checks `Host` and `Origin`. Returns `undefined` when the request may proceed.
 *
 * A missing `Origin` is accepted (non-browser clients send none); a present one must match.
 * `options === false` disables the check (only behind a trusted proxy that does it).
 */
export function checkHostAndOrigin(
  request: Request,
  options: DnsRebindingOptions | false | undefined,
): OriginCheckFailure | undefined {
  if (options === false) return undefined;
  const hosts = (options?.allowedHosts ?? DEFAULT_ALLOWED_HOSTS).map((h) => h.toLowerCase());
  const hostHeader = request.headers.get('host') ?? new URL(request.url).host;
  const host = hostnameOf(hostHeader);
  if (host === undefined || !hosts.includes(host)) return 'host';
  const origin = request.headers.get('origin');
  if (origin === null) return undefined;
  if (options?.allowedOrigins?.includes(origin)) return undefined;
  let originHost: string;
  try {
    const url = new URL(origin);
    originHost = url.hostname.toLowerCase();
  } catch {
    return 'origin';
  }
  return hosts.includes(originHost) ? undefined : 'origin';
}
