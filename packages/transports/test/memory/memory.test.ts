// The memory subpath re-exports the core pair; a Session on each end proves it is the working one.
import { describe, expect, it } from 'vitest';
import { McpkitErrorCode, Session } from '@mcpkit/core';
import { createMemoryTransportPair } from '@mcpkit/transports/memory';

describe('@mcpkit/transports/memory', () => {
  it('links two sessions, and closing one end rejects the other end’s pending requests', async () => {
    const [clientTransport, serverTransport] = createMemoryTransportPair();
    const server = new Session(serverTransport);
    const client = new Session(clientTransport);
    server.setRequestHandler('echo', (request) => ({ echo: request.params ?? {} }));
    server.setRequestHandler('hang', () => new Promise(() => {}));
    await Promise.all([server.start(), client.start()]);
    await expect(client.request('echo', { a: 1 })).resolves.toEqual({ echo: { a: 1 } });
    const pending = client.request('hang');
    await server.close();
    await expect(pending).rejects.toMatchObject({ code: McpkitErrorCode.ConnectionClosed });
    expect(client.closed).toBe(true);
  });
});
