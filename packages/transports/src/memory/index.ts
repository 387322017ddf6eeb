/**
 * `@mcpkit/transports/memory`: a linked pair of in-process transports, for tests and for running
 * a client and a server in one process. The implementation lives in `@mcpkit/core`; this subpath
 * gives it the same home as the other transports.
 *
 * @example
 * ```ts
 * import { createMemoryTransportPair } from '@mcpkit/transports/memory';
 * const [clientTransport, serverTransport] = createMemoryTransportPair();
 * await Promise.all([server.connect(serverTransport), client.connect(clientTransport)]);
 * ```
 *
 * @packageDocumentation
 */
// TODO(lead): switch to `from '@mcpkit/core'` once the core index exports the memory transport.
export { createMemoryTransportPair, type MemoryTransportOptions } from '@mcpkit/core';
