/**
 * The JSON-RPC helpers of `@mcpkit/core` used by the stdio transport, imported in one place.
 *
 * @module
 */
// TODO(lead): switch to `from '@mcpkit/core'` once the core index exports its jsonrpc barrel.
export { decodeMessages, encodeMessage, errorResponse } from '../../../core/src/jsonrpc/index.js';
