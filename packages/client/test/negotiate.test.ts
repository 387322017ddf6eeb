import { ErrorCode, McpError, McpkitError, McpkitErrorCode, MetaKey } from '@mcpkit/core';
import { afterEach, describe, expect, it } from 'vitest';
import { Client } from '@mcpkit/client';
import { metaOf, startRawServer, type RawServer } from './helpers/raw-server.js';

const info = { name: 'test-client', version: '0.0.1' };
let server: RawServer | undefined;
let client: Client | undefined;

afterEach(async () => {
  await client?.close();
  await server?.close();
  client = undefined;
  server = undefined;
});

describe('era negotiation', () => {
  it('probes with server/discover and stays modern on a modern server', async () => {
    server = await startRawServer({ instructions: 'be nice' });
    client = new Client(info);
    await client.connect(server.clientTransport);
    expect(client.era).toBe('modern');
    expect(client.protocolVersion).toBe('2026-07-28');
    expect(client.serverInfo).toEqual({ name: 'raw-server', version: '1.0.0' });
    expect(client.serverCapabilities).toHaveProperty('tools');
    expect(client.instructions).toBe('be nice');
    expect(server.methods()).toEqual(['server/discover']);
    const meta = metaOf(server.received[0]);
    expect(meta[MetaKey.ProtocolVersion]).toBe('2026-07-28');
    expect(meta[MetaKey.ClientInfo]).toEqual(info);
    expect(meta[MetaKey.ClientCapabilities]).toEqual({});
  });

  it('falls back to initialize when discover is an unknown method (legacy server)', async () => {
    server = await startRawServer({ modern: false });
    client = new Client(info);
    await client.connect(server.clientTransport);
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe('2025-11-25');
    expect(server.methods()).toEqual(['server/discover', 'initialize']);
    expect(server.notifications.map((n) => n.method)).toContain('notifications/initialized');
  });

  it('falls back to initialize when the probe gets no answer in time', async () => {
    server = await startRawServer({ silentDiscover: true });
    client = new Client(info, { probeTimeout: 50 });
    await client.connect(server.clientTransport);
    expect(client.era).toBe('legacy');
  });

  it('retries discover with a version from data.supported on -32022', async () => {
    let calls = 0;
    server = await startRawServer({
      supportedVersions: ['2026-07-28'],
      handlers: {
        'server/discover': () => {
          calls++;
          if (calls === 1) throw new McpError(ErrorCode.UnsupportedProtocolVersion, 'Unsupported', { supported: ['2026-07-28'], requested: 'x' });
          return { resultType: 'complete', supportedVersions: ['2026-07-28'], capabilities: {}, ttlMs: 0, cacheScope: 'public' };
        },
      },
    });
    // Pinning the era but not the version keeps the probe and its retry, without legacy fallback.
    client = new Client(info, { era: 'modern' });
    await client.connect(server.clientTransport);
    expect(client.era).toBe('modern');
    expect(calls).toBe(2);
  });

  it('does not fall back to legacy on a recognized modern error with no mutual version', async () => {
    server = await startRawServer({
      handlers: {
        'server/discover': () => {
          throw new McpError(ErrorCode.UnsupportedProtocolVersion, 'Unsupported', { supported: ['2099-01-01'] });
        },
      },
    });
    client = new Client(info);
    const error = await client.connect(server.clientTransport).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpkitError);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.UnsupportedProtocolVersion);
    expect(server.methods()).toEqual(['server/discover']);
  });

  it('uses initialize when discover lists only legacy versions', async () => {
    server = await startRawServer({ supportedVersions: ['2025-06-18'] });
    client = new Client(info);
    await client.connect(server.clientTransport);
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe('2025-06-18');
  });

  it('a pinned modern version sends nothing at connect', async () => {
    server = await startRawServer();
    client = new Client(info, { protocolVersion: '2026-07-28' });
    await client.connect(server.clientTransport);
    expect(client.era).toBe('modern');
    expect(client.serverCapabilities).toBeUndefined();
    expect(server.methods()).toEqual([]);
    const discovered = await client.discover();
    expect(discovered.supportedVersions).toContain('2026-07-28');
    expect(client.serverCapabilities).toHaveProperty('tools');
  });

  it('a pinned legacy era goes straight to initialize', async () => {
    server = await startRawServer();
    client = new Client(info, { era: 'legacy' });
    await client.connect(server.clientTransport);
    expect(server.methods()).toEqual(['initialize']);
    expect(client.era).toBe('legacy');
  });

  it('a pinned legacy version that the server does not answer with fails', async () => {
    server = await startRawServer({ supportedVersions: ['2025-06-18'] });
    client = new Client(info, { protocolVersion: '2025-11-25' });
    const error = await client.connect(server.clientTransport).catch((e: unknown) => e);
    expect((error as McpkitError).code).toBe(McpkitErrorCode.UnsupportedProtocolVersion);
  });

  it('a pinned modern era fails instead of falling back', async () => {
    server = await startRawServer({ modern: false });
    client = new Client(info, { era: 'modern' });
    const error = await client.connect(server.clientTransport).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect(server.methods()).toEqual(['server/discover']);
  });

  it('falls back when discover returns something that is no DiscoverResult', async () => {
    server = await startRawServer({ handlers: { 'server/discover': () => ({ resultType: 'complete' }) } });
    client = new Client(info);
    await client.connect(server.clientTransport);
    expect(client.era).toBe('legacy');
  });
});

describe('version switch during a call', () => {
  it('resends once with a version from data.supported when the server refuses the pinned one', async () => {
    server = await startRawServer({
      handlers: {
        'tools/list': (params) => {
          const version = (params['_meta'] as Record<string, unknown>)[MetaKey.ProtocolVersion];
          if (version !== '2026-07-28') {
            throw new McpError(ErrorCode.UnsupportedProtocolVersion, 'Unsupported', { supported: ['2026-07-28'], requested: version });
          }
          return { resultType: 'complete', ttlMs: 0, cacheScope: 'public', tools: [] };
        },
      },
    });
    client = new Client(info, { protocolVersion: '2027-01-01' });
    await client.connect(server.clientTransport);
    await expect(client.listTools()).resolves.toMatchObject({ tools: [] });
    expect(client.protocolVersion).toBe('2026-07-28');
    expect(server.methods()).toEqual(['tools/list', 'tools/list']);
  });
});

describe('legacy session loss', () => {
  it('initializes a new session after an HTTP 404 and resends the request once', async () => {
    let calls = 0;
    server = await startRawServer({
      handlers: {
        'tools/list': () => {
          calls++;
          if (calls === 1) throw new McpError(ErrorCode.InvalidRequest, 'Session not found', { httpStatus: 404 });
          return { tools: [] };
        },
      },
    });
    client = new Client(info, { era: 'legacy' });
    await client.connect(server.clientTransport);
    await expect(client.listTools()).resolves.toEqual({ tools: [] });
    expect(server.methods()).toEqual(['initialize', 'tools/list', 'initialize', 'tools/list']);
  });

  it('does not renew on other HTTP errors', async () => {
    server = await startRawServer({
      handlers: {
        'tools/list': () => {
          throw new McpError(ErrorCode.InvalidRequest, 'Bad request', { httpStatus: 400 });
        },
      },
    });
    client = new Client(info, { era: 'legacy' });
    await client.connect(server.clientTransport);
    await expect(client.listTools()).rejects.toBeInstanceOf(McpError);
    expect(server.methods()).toEqual(['initialize', 'tools/list']);
  });
});
