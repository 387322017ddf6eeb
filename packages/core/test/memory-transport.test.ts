import { describe, expect, it } from 'vitest';
import { McpkitError, McpkitErrorCode } from '../src/errors.js';
import { createMemoryTransportPair } from '../src/memory-transport.js';
import type { JSONRPCMessage } from '../src/schemas/jsonrpc.js';
import type { MessageInfo } from '../src/transport.js';

const flush = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('createMemoryTransportPair', () => {
  it('delivers asynchronously, in order, both ways', async () => {
    const [client, server] = createMemoryTransportPair();
    const atServer: JSONRPCMessage[] = [];
    const atClient: JSONRPCMessage[] = [];
    server.onmessage = (m) => atServer.push(m);
    client.onmessage = (m) => atClient.push(m);
    await Promise.all([client.start(), server.start()]);
    void client.send({ jsonrpc: '2.0', id: 1, method: 'a' });
    void client.send({ jsonrpc: '2.0', method: 'b' });
    expect(atServer).toEqual([]);
    await server.send({ jsonrpc: '2.0', id: 1, result: {} });
    await flush();
    expect(atServer).toEqual([{ jsonrpc: '2.0', id: 1, method: 'a' }, { jsonrpc: '2.0', method: 'b' }]);
    expect(atClient).toEqual([{ jsonrpc: '2.0', id: 1, result: {} }]);
  });

  it('holds messages until the receiver starts', async () => {
    const [client, server] = createMemoryTransportPair();
    const seen: JSONRPCMessage[] = [];
    server.onmessage = (m) => seen.push(m);
    await client.send({ jsonrpc: '2.0', method: 'early' });
    await flush();
    expect(seen).toEqual([]);
    await server.start();
    await flush();
    expect(seen).toEqual([{ jsonrpc: '2.0', method: 'early' }]);
  });

  it('never shares objects between the ends', async () => {
    const [client, server] = createMemoryTransportPair();
    const sent = { jsonrpc: '2.0' as const, id: 1, method: 'x', params: { list: [1] } };
    let received: JSONRPCMessage | undefined;
    server.onmessage = (m) => (received = m);
    await server.start();
    await client.send(sent);
    sent.params.list.push(2);
    await flush();
    expect(received).toEqual({ jsonrpc: '2.0', id: 1, method: 'x', params: { list: [1] } });
    expect(received).not.toBe(sent);
  });

  it('rejects what could not cross a real wire', async () => {
    const [client] = createMemoryTransportPair();
    await expect(client.send({ jsonrpc: '2.0', method: 'x', params: { n: 1n } })).rejects.toMatchObject({ code: McpkitErrorCode.InvalidArgument });
  });

  it('passes the configured MessageInfo', async () => {
    const [client, server] = createMemoryTransportPair({ clientInfo: { authInfo: { sub: 'alice' } } });
    let info: MessageInfo | undefined;
    server.onmessage = (_m, i) => (info = i);
    await server.start();
    await client.send({ jsonrpc: '2.0', method: 'x' });
    await flush();
    expect(info).toEqual({ authInfo: { sub: 'alice' } });
  });

  it('close on either end closes both, onclose once each, after in-flight messages', async () => {
    const [client, server] = createMemoryTransportPair();
    const events: string[] = [];
    client.onclose = () => events.push('client closed');
    server.onclose = () => events.push('server closed');
    server.onmessage = (m) => events.push(`server got ${'method' in m ? m.method : '?'}`);
    await Promise.all([client.start(), server.start()]);
    void client.send({ jsonrpc: '2.0', method: 'last' });
    await client.close();
    await server.close();
    await client.close();
    await flush();
    expect(events).toEqual(['client closed', 'server got last', 'server closed']);
    const error = await server.send({ jsonrpc: '2.0', method: 'x' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpkitError);
    expect(error).toMatchObject({ code: McpkitErrorCode.NotConnected });
    await expect(client.send({ jsonrpc: '2.0', method: 'x' })).rejects.toMatchObject({ code: McpkitErrorCode.NotConnected });
  });

  it('drops messages in flight to an end that closed itself', async () => {
    const [client, server] = createMemoryTransportPair();
    const seen: JSONRPCMessage[] = [];
    client.onmessage = (m) => seen.push(m);
    await Promise.all([client.start(), server.start()]);
    void server.send({ jsonrpc: '2.0', method: 'late' });
    await client.close();
    await flush();
    expect(seen).toEqual([]);
  });

  it('reports a throwing onmessage to onerror instead of crashing', async () => {
    const [client, server] = createMemoryTransportPair();
    const errors: Error[] = [];
    server.onmessage = () => {
      throw new Error('handler bug');
    };
    server.onerror = (e) => errors.push(e);
    await server.start();
    await client.send({ jsonrpc: '2.0', method: 'x' });
    await flush();
    expect(errors.map((e) => e.message)).toEqual(['handler bug']);
  });
});
