/**
 * Which IP addresses the server may connect to. Everything that is not a public unicast address
 * (loopback, private, link-local, unspecified, multicast, reserved ranges — IPv4 and IPv6, also
 * IPv4 hidden inside IPv6) is refused unless explicitly allowed: a URL must not reach the
 * machine's own services or its network (SSRF).
 *
 * @module
 */
import { isIP } from 'node:net';

/** What kind of address an IP is. Only `public` is allowed by default. */
export type AddressKind = 'public' | 'unspecified' | 'loopback' | 'private' | 'link-local' | 'multicast' | 'reserved';

/** A parsed address: IPv4 as 32 bits, IPv6 as 128 bits. */
export interface ParsedAddress {
  family: 4 | 6;
  value: bigint;
}

function parseIPv4(text: string): bigint {
  return text.split('.').reduce((acc, part) => (acc << 8n) | BigInt(Number(part)), 0n);
}

function parseIPv6(text: string): bigint {
  let body = text;
  let tail: bigint[] = [];
  const lastColon = body.lastIndexOf(':');
  if (body.slice(lastColon + 1).includes('.')) {
    // An embedded dotted IPv4 tail is the last two hextets.
    const v4 = parseIPv4(body.slice(lastColon + 1));
    tail = [v4 >> 16n, v4 & 0xffffn];
    body = `${body.slice(0, lastColon + 1)}0:0`;
  }
  const [head = '', rest] = body.split('::');
  const headParts = head === '' ? [] : head.split(':');
  const restParts = rest === undefined || rest === '' ? [] : rest.split(':');
  const missing = 8 - headParts.length - restParts.length;
  const parts = [...headParts, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...restParts].map((p) => BigInt(parseInt(p, 16)));
  if (tail.length === 2) {
    parts[6] = tail[0] ?? 0n;
    parts[7] = tail[1] ?? 0n;
  }
  return parts.reduce((acc, part) => (acc << 16n) | part, 0n);
}

/** Parses an IP literal (IPv6 may carry brackets or a `%zone`); `undefined` if it is not one. */
export function parseAddress(text: string): ParsedAddress | undefined {
  const bare = text.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return { family: 4, value: parseIPv4(bare) };
  if (family === 6) return { family: 6, value: parseIPv6(bare) };
  return undefined;
}

interface Range {
  family: 4 | 6;
  prefix: bigint;
  bits: number;
}

/** Parses `a.b.c.d/n` or `x::/n` (a bare address is a /32 or /128). */
export function parseCidr(cidr: string): Range {
  const [address = '', bitsText] = cidr.split('/');
  const parsed = parseAddress(address);
  const width = parsed?.family === 4 ? 32 : 128;
  const bits = bitsText === undefined ? width : Number(bitsText);
  if (parsed === undefined || !Number.isInteger(bits) || bits < 0 || bits > width) throw new RangeError(`Not an address range: "${cidr}"`);
  return { family: parsed.family, prefix: parsed.value >> BigInt(width - bits), bits };
}

function contains(range: Range, address: ParsedAddress): boolean {
  if (range.family !== address.family) return false;
  const width = address.family === 4 ? 32 : 128;
  return address.value >> BigInt(width - range.bits) === range.prefix;
}

const IPV4_RANGES: [string, AddressKind][] = [
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'private'], // carrier-grade NAT
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'], // includes cloud metadata services (169.254.169.254)
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'reserved'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'], // includes 255.255.255.255
];

const IPV6_RANGES: [string, AddressKind][] = [
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['64:ff9b:1::/48', 'private'],
  ['100::/64', 'reserved'],
  ['2001::/32', 'reserved'], // Teredo: tunnels to an address we cannot check
  ['2001:db8::/32', 'reserved'],
  ['fc00::/7', 'private'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'private'], // deprecated site-local
  ['ff00::/8', 'multicast'],
];

const V4 = IPV4_RANGES.map(([cidr, kind]) => ({ range: parseCidr(cidr), kind }));
const V6 = IPV6_RANGES.map(([cidr, kind]) => ({ range: parseCidr(cidr), kind }));
const MAPPED = parseCidr('::ffff:0:0/96');
const COMPATIBLE = parseCidr('::/96');
const NAT64 = parseCidr('64:ff9b::/96');
const SIX_TO_FOUR = parseCidr('2002::/16');

/** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64, 6to4), if any. */
export function embeddedIPv4(address: ParsedAddress): ParsedAddress | undefined {
  if (address.family !== 6) return undefined;
  if (contains(MAPPED, address) || contains(NAT64, address)) return { family: 4, value: address.value & 0xffffffffn };
  // ::/96 minus :: and ::1, which the IPv6 table classifies.
  if (contains(COMPATIBLE, address) && address.value > 1n) return { family: 4, value: address.value & 0xffffffffn };
  if (contains(SIX_TO_FOUR, address)) return { family: 4, value: (address.value >> 80n) & 0xffffffffn };
  return undefined;
}

/** Classifies an IP literal; `undefined` if `text` is not one. */
export function classifyAddress(text: string): AddressKind | undefined {
  const parsed = parseAddress(text);
  if (parsed === undefined) return undefined;
  const address = embeddedIPv4(parsed) ?? parsed;
  const table = address.family === 4 ? V4 : V6;
  return table.find((entry) => contains(entry.range, address))?.kind ?? 'public';
}

/** Options of {@link AddressPolicy}. */
export interface AddressPolicyOptions {
  /** Allow every address, private and loopback included. Default `false`. For trusted setups only. */
  allowPrivateAddresses?: boolean;
  /** Ranges allowed although not public, e.g. `['127.0.0.1/32']` for a local test server. Default none. */
  allowedRanges?: readonly string[];
}

/** Decides whether the server may connect to an address. */
export class AddressPolicy {
  readonly #allowAll: boolean;
  readonly #allowed: Range[];

  constructor(options: AddressPolicyOptions = {}) {
    this.#allowAll = options.allowPrivateAddresses === true;
    this.#allowed = (options.allowedRanges ?? []).map(parseCidr);
  }

  /** Why `address` is refused, or `undefined` when it is allowed. */
  refusal(address: string): string | undefined {
    const parsed = parseAddress(address);
    if (parsed === undefined) return `"${address}" is not an IP address`;
    const kind = classifyAddress(address) ?? 'reserved';
    if (kind === 'public' || this.#allowAll) return undefined;
    const candidates = [parsed, embeddedIPv4(parsed)].filter((a): a is ParsedAddress => a !== undefined);
    if (this.#allowed.some((range) => candidates.some((candidate) => contains(range, candidate)))) return undefined;
    return `${address} is a ${kind} address`;
  }
}
