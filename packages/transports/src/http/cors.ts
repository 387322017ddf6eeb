/**
 * CORS for browser clients. Off unless configured.
 *
 * @module
 */

/** CORS options. */
export interface CorsOptions {
  /** Allowed origins, or `'*'` for any. */
  origins: readonly string[] | '*';
  /** Extra request headers to allow besides the MCP ones. */
  allowHeaders?: readonly string[];
  /** Preflight cache lifetime in seconds. Default 600. */
  maxAgeSeconds?: number;
}

const MCP_REQUEST_HEADERS = [
  'content-type',
  'accept',
  'authorization',
  'mcp-session-id',
  'mcp-protocol-version',
  'mcp-method',
  'mcp-name',
  'last-event-id',
];
const EXPOSED = 'mcp-session-id, mcp-protocol-version';

/** The CORS headers for a response to `request`, or `{}` when CORS is off or the origin is not allowed. */
export function corsHeaders(request: Request, options: CorsOptions | undefined): Record<string, string> {
  if (options === undefined) return {};
  const origin = request.headers.get('origin');
  if (origin === null) return {};
  if (options.origins !== '*' && !options.origins.includes(origin)) return {};
  return {
    'access-control-allow-origin': options.origins === '*' ? '*' : origin,
    'access-control-expose-headers': EXPOSED,
    vary: 'Origin',
  };
}

/** The response to a CORS preflight (`OPTIONS`) request. */
export function preflightResponse(request: Request, options: CorsOptions): Response {
  const base = corsHeaders(request, options);
  if (base['access-control-allow-origin'] === undefined) return new Response(null, { status: 403 });
  // Mcp-Param-* names are per tool, so echo what the browser asks for when it is an MCP header.
  const asked = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase())
    .filter((h) => h.startsWith('mcp-param-'));
  const allow = [...MCP_REQUEST_HEADERS, ...(options.allowHeaders ?? []), ...asked].join(', ');
  return new Response(null, {
    status: 204,
    headers: {
      ...base,
      'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
      'access-control-allow-headers': allow,
      'access-control-max-age': String(options.maxAgeSeconds ?? 600),
    },
  });
}

/** Returns `response` with `headers` added (responses from `fetch` have immutable headers, ours do not). */
export function withHeaders(response: Response, headers: Record<string, string>): Response {
  for (const [k, v] of Object.entries(headers)) response.headers.set(k, v);
  return response;
}
