/**
 * `@mcpkit/transports/websocket`: MCP over WebSocket (subprotocol `mcp`), both ends. Not one of
 * the spec's standard transports: a documented custom transport with the stdio framing rule of
 * one JSON-RPC message per text frame. `ws` is loaded only when used.
 *
 * @packageDocumentation
 */
export {
  WebSocketClientTransport,
  type WebSocketClientTransportOptions,
  type WebSocketFactory,
  type WebSocketLike,
} from './client-transport.js';
export { WebSocketServerTransport, type WebSocketServerTransportOptions } from './server-transport.js';
export { createWebSocketServer, type RunningWebSocketServer, type WebSocketServerOptions } from './server.js';
export { MCP_SUBPROTOCOL, WebSocketCloseCode, closeCodeError } from './close-codes.js';
export type { Authenticate, AuthInfo } from '../http/authenticate.js';
