import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@mcpkit/client';
import { ErrorCode, McpError } from '@mcpkit/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_DOCUMENTS, createResourcesServer } from '../src/server.js';
import { connect, ERAS, nextEvent } from './connect.js';

async function rejection(promise: Promise<unknown>): Promise<McpError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(McpError);
    return error as McpError;
  }
  throw new Error('expected the call to fail');
}

describe.each(ERAS)('the resources server, $era era', ({ era, options }) => {
  let temp: string;
  let docs: string;
  let stop: AbortController;
  let client: Client;

  beforeEach(async () => {
    // A copy of the bundled folder, with a secret outside it and a symlink that points there.
    temp = mkdtempSync(join(tmpdir(), 'mcpkit-resources-'));
    docs = join(temp, 'docs');
    cpSync(BUNDLED_DOCUMENTS, docs, { recursive: true });
    mkdirSync(join(temp, 'private'));
    writeFileSync(join(temp, 'private', 'secret.txt'), 'top secret');
    symlinkSync(join(temp, 'private'), join(docs, 'escape'));
    writeFileSync(join(docs, '.env'), 'TOKEN=hidden');
    stop = new AbortController();
    client = await connect(createResourcesServer({ root: docs, debounceMs: 30, signal: stop.signal }), options);
    expect(client.era).toBe(era);
  });

  afterEach(async () => {
    stop.abort();
    await client.close();
    rmSync(temp, { recursive: true, force: true });
  });

  async function listUris(): Promise<string[]> {
    return (await client.listResources()).resources.map((r) => r.uri);
  }

  it('lists every document with its MIME type, leaving out hidden files and escaping links', async () => {
    const { resources } = await client.listResources();
    expect(resources.map((r) => [r.uri, r.mimeType])).toEqual([
      ['docs://data/planets.json', 'application/json'],
      ['docs://guides/getting-started.md', 'text/markdown'],
      ['docs://images/logo.png', 'image/png'],
      ['docs://notes.txt', 'text/plain'],
      ['docs://welcome.md', 'text/markdown'],
    ]);
    expect(resources[1]).toMatchObject({ name: 'guides/getting-started.md', title: 'getting-started.md' });
    const { resourceTemplates } = await client.listResourceTemplates();
    expect(resourceTemplates.map((t) => t.uriTemplate).sort()).toEqual(['docs://{+path}', 'search://docs{?q,limit}']);
  });

  it('reads text as text and binary files as base64 blobs', async () => {
    const welcome = await client.readResource({ uri: 'docs://welcome.md' });
    expect(welcome.contents).toEqual([{ uri: 'docs://welcome.md', mimeType: 'text/markdown', text: readFileSync(join(docs, 'welcome.md'), 'utf8') }]);
    const logo = (await client.readResource({ uri: 'docs://images/logo.png' })).contents[0];
    expect(logo).toMatchObject({ uri: 'docs://images/logo.png', mimeType: 'image/png' });
    expect(Buffer.from((logo as { blob: string }).blob, 'base64')).toEqual(readFileSync(join(docs, 'images', 'logo.png')));
    // Through the template: an equivalent spelling of a path still reads the document.
    const planets = await client.readResource({ uri: 'docs://data/./planets.json' });
    expect(JSON.parse((planets.contents[0] as { text: string }).text)).toHaveLength(6);
  });

  it('refuses paths that leave the folder, symlinks included, and keeps serving', async () => {
    for (const [uri, message] of [
      ['docs://../private/secret.txt', 'paths with "..", or hidden files, are not served'],
      ['docs://%2e%2e/%2e%2e/%2e%2e/etc/passwd', 'paths with "..", or hidden files, are not served'],
      ['docs:///etc/passwd', 'it is outside the documents folder'],
      ['docs://escape/secret.txt', 'it links outside the documents folder'],
      ['docs://.env', 'paths with "..", or hidden files, are not served'],
      ['docs://guides', 'is not a file'],
    ] as const) {
      const error = await rejection(client.readResource({ uri }));
      expect(error.code).toBe(ErrorCode.InvalidParams);
      expect(error.message).toContain(message);
      expect(error.message).not.toContain(temp);
    }
    const missing = await rejection(client.readResource({ uri: 'docs://nope.md' }));
    expect(missing.code).toBe(era === 'modern' ? ErrorCode.InvalidParams : ErrorCode.ResourceNotFound);
    expect(missing.message).toBe('No document at "nope.md"');
    expect((await client.readResource({ uri: 'docs://notes.txt' })).contents).toHaveLength(1);
  });

  it('searches the text documents', async () => {
    const result = await client.readResource({ uri: 'search://docs?q=INSTALL' });
    expect(result.contents[0]?.mimeType).toBe('application/json');
    expect(JSON.parse((result.contents[0] as { text: string }).text)).toEqual({
      query: 'INSTALL',
      results: [
        {
          uri: 'docs://guides/getting-started.md',
          name: 'guides/getting-started.md',
          matches: [
            { line: 3, text: '1. Install the dependencies: `npx -y pnpm@10.34.9 install`.' },
            { line: 7, text: 'Search the documents with the `search://docs{?q}` template, for example `search://docs?q=install`.' },
          ],
        },
      ],
      truncated: false,
    });
    const limited = JSON.parse((await client.readResource({ uri: 'search://docs?q=the&limit=1' })).contents[0]?.text as string) as { results: unknown[]; truncated: boolean };
    expect(limited.results).toHaveLength(1);
    expect(limited.truncated).toBe(true);
    const empty = await rejection(client.readResource({ uri: 'search://docs' }));
    expect(empty.message).toBe('Search needs a query: search://docs?q=words');
    const long = await rejection(client.readResource({ uri: `search://docs?q=${'x'.repeat(201)}` }));
    expect(long.message).toBe('The query is 201 characters; the limit is 200 (maxQueryLength)');
  });

  it('completes document paths', async () => {
    const complete = async (value: string) => (await client.complete({ ref: { type: 'ref/resource', uri: 'docs://{+path}' }, argument: { name: 'path', value } })).completion.values;
    expect(await complete('gu')).toEqual(['guides/getting-started.md']);
    expect(await complete('.md')).toEqual(['guides/getting-started.md', 'welcome.md']);
    expect(await complete('')).toHaveLength(5);
  });

  it('announces changed, added and removed files to subscribers', async () => {
    const uri = 'docs://notes.txt';
    const subscription = era === 'modern' ? await client.listen({ resourcesListChanged: true, resourceSubscriptions: [uri] }) : undefined;
    if (subscription === undefined) await client.subscribeResource({ uri });

    const updated = nextEvent(client, 'resourceUpdated', (e) => e.uri === uri);
    writeFileSync(join(docs, 'notes.txt'), 'rewritten');
    expect(await updated).toEqual({ uri });
    expect((await client.readResource({ uri })).contents[0]).toMatchObject({ text: 'rewritten' });

    const added = nextEvent(client, 'resourcesListChanged');
    mkdirSync(join(docs, 'new'));
    writeFileSync(join(docs, 'new', 'page one.md'), '# New');
    await added;
    await expect.poll(listUris).toContain('docs://new/page%20one.md');
    expect((await client.readResource({ uri: 'docs://new/page%20one.md' })).contents[0]).toMatchObject({ text: '# New' });

    const removed = nextEvent(client, 'resourcesListChanged');
    unlinkSync(join(docs, 'welcome.md'));
    await removed;
    await expect.poll(listUris).not.toContain('docs://welcome.md');
    await subscription?.close();
  });
});

describe('options', () => {
  it('refuses a missing folder and bad limits when the server is built', () => {
    expect(() => createResourcesServer({ root: join(tmpdir(), 'mcpkit-no-such-folder'), watch: false })).toThrow(/^The documents folder ".*mcpkit-no-such-folder" does not exist or cannot be read$/);
    expect(() => createResourcesServer({ root: join(BUNDLED_DOCUMENTS, 'notes.txt'), watch: false })).toThrow(/is not a folder$/);
    expect(() => createResourcesServer({ maxFiles: 0, watch: false })).toThrow(new RangeError('maxFiles must be a positive integer, got 0'));
    expect(() => createResourcesServer({ debounceMs: -5, watch: false })).toThrow(new RangeError('debounceMs must be a non-negative integer, got -5'));
  });

  it('serves the bundled folder without watching it', async () => {
    const client = await connect(createResourcesServer({ watch: false, maxFiles: 2 }));
    expect((await client.listResources()).resources.map((r) => r.name)).toEqual(['data/planets.json', 'guides/getting-started.md']);
    // Files past maxFiles are not listed, but the template still reads them.
    expect((await client.readResource({ uri: 'docs://welcome.md' })).contents[0]).toMatchObject({ mimeType: 'text/markdown' });
    await client.close();
  });
});
