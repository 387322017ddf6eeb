/**
 * GET a URL safely: only http(s), every hop's host resolved and checked, the connection pinned to
 * the checked address, redirects followed by hand (each re-checked) up to a limit, all within one
 * deadline.
 *
 * @module
 */
import { ToolError } from '@mcpkit/server';
import type { AddressPolicy } from './address-policy.js';
import { httpGet, type PendingResponse } from './http-get.js';
import { resolveChecked, type ResolveHost } from './resolve-host.js';

/** What one fetch needs. */
export interface FetchContext {
  /** Which addresses may be reached. */
  policy: AddressPolicy;
  /** DNS. */
  resolve: ResolveHost;
  /** Sent as `User-Agent`. */
  userAgent: string;
  /** Redirects followed at most. */
  maxRedirects: number;
  /** Called before each hop; throws to refuse it (robots.txt). */
  beforeHop?: (url: URL, signal: AbortSignal) => Promise<void>;
}

/** A final (non-redirect) response, body unread. */
export interface FetchedResponse extends PendingResponse {
  /** The URL that answered, after redirects. */
  url: URL;
  /** Redirects followed. */
  redirects: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** Parses and checks a URL the server is asked to fetch. */
export function checkUrl(text: string | URL): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ToolError(`Not a valid URL: ${JSON.stringify(String(text).slice(0, 200))}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ToolError(`Only http and https URLs can be fetched, not ${url.protocol}`);
  if (url.username !== '' || url.password !== '') throw new ToolError('URLs with credentials (user:password@) are not fetched.');
  url.hash = '';
  return url;
}

/**
 * Fetches `start`, following redirects. Throws a `ToolError` for a refused URL or address, too
 * many redirects or a network failure. The caller reads (or discards) the body.
 */
export async function fetchResource(start: URL, context: FetchContext, signal: AbortSignal): Promise<FetchedResponse> {
  let url = start;
  for (let redirects = 0; ; redirects++) {
    await context.beforeHop?.(url, signal);
    const address = await resolveChecked(url.hostname, context.policy, context.resolve);
    let response: PendingResponse;
    try {
      response = await httpGet(url, address, { 'user-agent': context.userAgent, accept: 'text/html, text/plain;q=0.9, text/*;q=0.8, */*;q=0.1', 'accept-encoding': 'gzip, deflate, br' }, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      const code = (error as { code?: unknown }).code;
      throw new ToolError(`Could not fetch ${url.href}: ${typeof code === 'string' ? code : (error as Error).message}`);
    }
    const location = response.headers.location;
    if (!REDIRECTS.has(response.status) || location === undefined) return { ...response, url, redirects };
    response.discard();
    if (redirects >= context.maxRedirects) throw new ToolError(`Too many redirects (more than ${context.maxRedirects}) starting at ${start.href}.`);
    url = checkUrl(new URL(location, url));
  }
}
