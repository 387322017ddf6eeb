/**
 * The internet server: `fetch_url` returns a web page as markdown (or a text resource as is),
 * respecting robots.txt, refusing private and loopback addresses, within size, time and redirect
 * limits.
 *
 * @module
 */
import { McpServer, ToolError } from '@mcpkit/server';
import * as z from 'zod';
import { AddressPolicy } from './address-policy.js';
import { checkUrl, fetchResource, type FetchContext } from './fetch-resource.js';
import { checkLimit, INTERNET_DEFAULTS, type InternetServerOptions } from './options.js';
import { systemResolver } from './resolve-host.js';
import { RobotsCache } from './robots-cache.js';
import { assertSupportedType, toText } from './to-text.js';

export { INTERNET_DEFAULTS, type InternetServerOptions } from './options.js';

/**
 * Builds the internet server.
 *
 * @example
 * ```ts
 * const server = createInternetServer({ maxBytes: 512 * 1024, timeoutMs: 10_000 });
 * await server.connect(new StdioServerTransport());
 * ```
 */
export function createInternetServer(options: InternetServerOptions = {}): McpServer {
  const maxBytes = checkLimit('maxBytes', options.maxBytes ?? INTERNET_DEFAULTS.maxBytes, 1);
  const timeoutMs = checkLimit('timeoutMs', options.timeoutMs ?? INTERNET_DEFAULTS.timeoutMs, 1);
  const robotsMaxBytes = checkLimit('robotsMaxBytes', options.robotsMaxBytes ?? INTERNET_DEFAULTS.robotsMaxBytes, 1);
  const context: FetchContext = {
    policy: new AddressPolicy(options),
    resolve: options.resolve ?? systemResolver,
    userAgent: options.userAgent ?? INTERNET_DEFAULTS.userAgent,
    maxRedirects: checkLimit('maxRedirects', options.maxRedirects ?? INTERNET_DEFAULTS.maxRedirects, 0),
  };
  if (options.respectRobotsTxt ?? INTERNET_DEFAULTS.respectRobotsTxt) {
    const robots = new RobotsCache({
      agent: options.robotsAgent ?? INTERNET_DEFAULTS.robotsAgent,
      ttlMs: checkLimit('robotsCacheTtlMs', options.robotsCacheTtlMs ?? INTERNET_DEFAULTS.robotsCacheTtlMs, 0),
      maxOrigins: checkLimit('robotsCacheMaxOrigins', options.robotsCacheMaxOrigins ?? INTERNET_DEFAULTS.robotsCacheMaxOrigins, 1),
      now: options.now ?? Date.now,
      async fetchRobots(url, signal) {
        // Not through beforeHop (robots.txt is always allowed); RFC 9309: follow at least five redirects.
        const response = await fetchResource(url, { ...context, beforeHop: undefined, maxRedirects: 5 }, signal);
        if (response.status < 200 || response.status >= 300) {
          response.discard();
          return { status: response.status, text: '' };
        }
        const { body } = await response.read(robotsMaxBytes);
        return { status: response.status, text: body.toString('utf8') };
      },
    });
    context.beforeHop = (url, signal) => robots.check(url, signal);
  }

  const server = new McpServer(
    { name: 'mcpkit-example-internet', version: '1.0.0' },
    { instructions: 'fetch_url reads a public web page as markdown (or a text file as is). It respects robots.txt and refuses private addresses.' },
  );

  server.tool(
    'fetch_url',
    {
      title: 'Fetch a URL',
      description: `Fetch a public http(s) URL and return its content: HTML as markdown, text as is. Other types are refused. At most ${maxBytes} bytes are read.`,
      inputSchema: z.object({ url: z.string().min(1).max(4096).describe('The http or https URL to fetch') }),
      outputSchema: z.object({
        url: z.string(),
        status: z.number(),
        contentType: z.string(),
        format: z.enum(['markdown', 'text']),
        title: z.string().optional(),
        bytes: z.number(),
        truncated: z.boolean(),
        redirects: z.number(),
      }),
      annotations: { readOnlyHint: true, openWorldHint: true },
    },
    async ({ url }, ctx) => {
      const deadline = AbortSignal.timeout(timeoutMs);
      const signal = AbortSignal.any([ctx.signal, deadline]);
      try {
        const response = await fetchResource(checkUrl(url), context, signal);
        if (response.status < 200 || response.status >= 300) {
          response.discard();
          throw new ToolError(`${response.url.href} answered HTTP ${response.status}${response.statusText === '' ? '' : ` ${response.statusText}`}.`);
        }
        const contentType = response.headers['content-type'];
        try {
          assertSupportedType(contentType);
        } catch (error) {
          // Refused before the body is downloaded.
          response.discard();
          throw error;
        }
        const { body, truncated } = await response.read(maxBytes);
        const page = toText(body, contentType);
        const note = truncated ? `\n\n[Truncated: only the first ${maxBytes} bytes of the page were read.]` : '';
        return {
          content: [{ type: 'text', text: `${page.text}${note}` }],
          structuredContent: {
            url: response.url.href,
            status: response.status,
            contentType: contentType ?? '',
            format: page.format,
            ...(page.title === undefined ? {} : { title: page.title }),
            bytes: body.length,
            truncated,
            redirects: response.redirects,
          },
        };
      } catch (error) {
        if (deadline.aborted) throw new ToolError(`Fetching ${url} took longer than ${timeoutMs} ms and was stopped.`);
        if (error instanceof ToolError || ctx.signal.aborted) throw error;
        // Decoding failures and the like: say what happened, without a stack.
        throw new ToolError(`Could not fetch ${url}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
  );
  return server;
}
