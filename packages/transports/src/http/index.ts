/**
 * `@mcpkit/transports/http`: run any Web-standard MCP endpoint on node:http — the adapter for
 * node:http, Express and Fastify, and a localhost-only `serve` helper for development.
 *
 * @packageDocumentation
 */
export {
  serve,
  toNodeListener,
  type FetchHandler,
  type NodeRequestListener,
  type ServeOptions,
  type ServedHandler,
} from './node-adapter.js';
