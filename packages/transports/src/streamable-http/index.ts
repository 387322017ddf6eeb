/**
 * `@mcpkit/transports/streamable-http`: the Streamable HTTP transport of both eras. The server
 * end is a Web-standard `(Request) => Promise<Response>` handler (run it on node:http with
 * `@mcpkit/transports/http`); the client end is {@link StreamableHttpClientTransport}.
 *
 * @packageDocumentation
 */
export { createStreamableHttpHandler, type StreamableHttpHandler } from './server-handler.js';
export {
  STREAMABLE_HTTP_DEFAULTS,
  type ConnectableServer,
  type LegacySessionOptions,
  type ModernRequestOptions,
  type StreamableHttpHandlerOptions,
} from './options.js';
export type { ResponseMode } from './post-responder.js';
export { LegacySessionTransport, type LegacySessionConfig } from './legacy-session.js';
export { randomSessionId } from './legacy-sessions.js';
export {
  InMemoryEventStore,
  inMemoryEventStores,
  type EventStore,
  type EventStoreFactory,
  type InMemoryEventStoreOptions,
  type StoredEvent,
} from './event-store.js';
export { StreamableHttpClientTransport } from './client-transport.js';
export { CLIENT_DEFAULTS, type StreamableHttpClientTransportOptions } from './client-options.js';
export { readHeaderParams, type HeaderParam, type HeaderParamsResult } from './x-mcp-header.js';
export { decodeHeaderValue, encodeHeaderValue } from './header-encoding.js';
export { buildRequestMetadataHeaders, checkRequestMetadataHeaders } from './request-metadata.js';
export { DEFAULT_RECONNECTION, type ReconnectionOptions } from '../http/backoff.js';
export type { FetchLike, HeaderRecord } from '../http/fetch-like.js';
export type { CorsOptions } from '../http/cors.js';
export { DEFAULT_ALLOWED_HOSTS, type DnsRebindingOptions } from '../http/security.js';
export { FallbackHttpClientTransport, type FallbackHttpClientTransportOptions } from './fallback-client-transport.js';
export type { Authenticate, AuthInfo } from '../http/authenticate.js';
