/**
 * `@mcpkit/transports/sse`: the deprecated HTTP+SSE transport of protocol version 2024-11-05,
 * both ends, for interoperating with old clients and servers. New code uses Streamable HTTP.
 *
 * @packageDocumentation
 */
export { createSseHandler, type SseHandler, type SseHandlerOptions } from './server-handler.js';
export { SseServerTransport } from './server-transport.js';
export { SseClientTransport, type SseClientTransportOptions } from './client-transport.js';
export type { Authenticate, AuthInfo } from '../http/authenticate.js';
