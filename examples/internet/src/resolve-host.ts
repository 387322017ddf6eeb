/**
 * Resolves a host name ourselves and checks every address it resolves to, so the connection can
 * be pinned to an address that was checked (a second DNS answer cannot swap it: DNS rebinding).
 *
 * @module
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { ToolError } from '@mcpkit/server';
import { parseAddress, type AddressPolicy } from './address-policy.js';

/** Resolves a host name to all its addresses (`node:dns` `lookup` with `all: true` by default). */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

/** The default resolver: the system's, like every other program on the machine. */
export const systemResolver: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** An address the server may connect to. */
export interface CheckedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * The address to connect to for `hostname` (a URL's `hostname`, IPv6 in brackets). Throws a
 * `ToolError` when it resolves to nothing or when ANY of its addresses is refused: a name that
 * mixes public and private addresses is not one to trust.
 */
export async function resolveChecked(hostname: string, policy: AddressPolicy, resolve: ResolveHost): Promise<CheckedAddress> {
  const literal = parseAddress(hostname);
  const bare = hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: { address: string; family: number }[];
  if (literal !== undefined) addresses = [{ address: bare, family: literal.family }];
  else {
    try {
      addresses = await resolve(hostname);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new ToolError(`Could not resolve ${hostname}${typeof code === 'string' ? ` (${code})` : ''}.`);
    }
  }
  if (addresses.length === 0) throw new ToolError(`Could not resolve ${hostname}: no addresses.`);
  for (const { address } of addresses) {
    const refusal = policy.refusal(address);
    if (refusal !== undefined) {
      throw new ToolError(`Refused to fetch from ${hostname}: ${refusal}. Only public addresses may be fetched.`);
    }
  }
  const first = addresses[0] ?? { address: bare, family: 4 };
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}
