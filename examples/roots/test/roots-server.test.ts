import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Client } from '@mcpkit/client';
import fc from 'fast-check';
import { McpError, type Root } from '@mcpkit/core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRootsServer } from '../src/server.js';
import { connect, ERAS, firstText } from './connect.js';

let temp: string;
let project: string;
let other: string;

beforeAll(() => {
  temp = realpathSync(mkdtempSync(join(tmpdir(), 'mcpkit-roots-')));
  project = join(temp, 'project');
  other = join(temp, 'other');
  mkdirSync(join(project, 'src'), { recursive: true });
  mkdirSync(join(project, 'node_modules', 'dep'), { recursive: true });
  mkdirSync(other);
  mkdirSync(join(temp, 'outside'));
  writeFileSync(join(project, 'README.md'), '# Project\nTODO: write the docs\n');
  writeFileSync(join(project, 'src', 'index.ts'), 'export const answer = 42; // todo: explain\n');
  writeFileSync(join(project, 'src', 'util.ts'), 'export const twice = (n: number) => 2 * n;\n');
  writeFileSync(join(project, 'node_modules', 'dep', 'index.js'), '// TODO in a dependency\n');
  writeFileSync(join(project, 'pixel.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]));
  writeFileSync(join(other, 'notes.txt'), 'other notes\n');
  writeFileSync(join(temp, 'outside', 'secret.txt'), 'top secret\n');
  // Links that lead out of the root: a directory and a file.
  symlinkSync(join(temp, 'outside'), join(project, 'escape'));
  symlinkSync(join(temp, 'outside', 'secret.txt'), join(project, 'secret-link.txt'));
});

afterAll(() => {
  rmSync(temp, { recursive: true, force: true });
});

describe.each(ERAS)('the roots server, $era era', ({ era, options }) => {
  let client: Client;
  let roots: Root[];

  beforeEach(async () => {
    roots = [{ uri: pathToFileURL(project).href, name: 'project' }];
    client = await connect(createRootsServer(), { ...options, roots: { list: () => roots } });
    expect(client.era).toBe(era);
  });
  afterEach(async () => {
    await client.close();
  });

  const call = (name: string, args: Record<string, unknown> = {}) => client.callTool({ name, arguments: args });

  it("lists the client's roots", async () => {
    expect((await call('list_roots')).structuredContent).toEqual({ roots: [{ uri: pathToFileURL(project).href, name: 'project', path: project }] });
  });

  it('lists a directory without following links', async () => {
    const result = await call('list_directory', { path: '.' });
    expect(result.structuredContent).toEqual({
      path: project,
      entries: [
        { name: 'README.md', type: 'file', size: 31 },
        { name: 'escape', type: 'symlink' },
        { name: 'node_modules', type: 'directory' },
        { name: 'pixel.png', type: 'file', size: 12 },
        { name: 'secret-link.txt', type: 'symlink' },
        { name: 'src', type: 'directory' },
      ],
      truncated: false,
    });
    expect((await call('list_directory', { path: pathToFileURL(join(project, 'src')).href })).structuredContent).toMatchObject({ entries: [{ name: 'index.ts' }, { name: 'util.ts' }] });
  });

  it('reads text and binary files by relative path, absolute path or file URI', async () => {
    const readme = await call('read_file', { path: 'README.md' });
    expect(readme.content).toEqual([{ type: 'resource', resource: { uri: pathToFileURL(join(project, 'README.md')).href, mimeType: 'text/markdown', text: '# Project\nTODO: write the docs\n' } }]);
    expect((await call('read_file', { path: join(project, 'src', 'index.ts') })).content[0]).toMatchObject({ resource: { text: expect.stringContaining('answer = 42') } });
    expect((await call('read_file', { path: pathToFileURL(join(project, 'src', 'util.ts')).href })).isError).toBeFalsy();
    const pixel = await call('read_file', { path: 'pixel.png' });
    expect(pixel.content[0]).toMatchObject({ resource: { mimeType: 'image/png', blob: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64') } });
  });

  it('refuses traversal and symlink escapes, and keeps serving', async () => {
    for (const [path, message] of [
      ['../outside/secret.txt', `Access denied: "../outside/secret.txt" is outside the client's roots`],
      ['src/../../outside/secret.txt', `Access denied: "src/../../outside/secret.txt" is outside the client's roots`],
      ['../../../../../../etc/passwd', `Access denied: "../../../../../../etc/passwd" is outside the client's roots`],
      ['/etc/passwd', `Access denied: "/etc/passwd" is outside the client's roots`],
      ['file:///etc/passwd', `Access denied: "file:///etc/passwd" is outside the client's roots`],
      ['escape/secret.txt', `Access denied: "escape/secret.txt" resolves (through a symbolic link) outside the client's roots`],
      ['secret-link.txt', `Access denied: "secret-link.txt" resolves (through a symbolic link) outside the client's roots`],
      ['missing.txt', 'Not found: "missing.txt"'],
      ['src', '"src" is a directory: use list_directory'],
    ] as const) {
      const result = await call('read_file', { path });
      expect(result.isError).toBe(true);
      expect(firstText(result)).toBe(message);
    }
    expect(firstText(await call('list_directory', { path: 'escape' }))).toContain('through a symbolic link');
    expect(firstText(await call('search_files', { query: 'secret', path: '..' }))).toBe(`Access denied: ".." is outside the client's roots`);
    expect(firstText(await call('read_file', { path: 42 }))).toMatch(/^Invalid arguments for tool "read_file"/);
    expect((await call('read_file', { path: 'README.md' })).isError).toBeFalsy();
  });

  it('never reveals a file outside the roots, whatever the path', async () => {
    const segment = fc.constantFrom('..', '.', '', 'escape', 'secret-link.txt', 'secret.txt', 'outside', 'src', 'README.md', '%2e%2e', 'etc', 'passwd', '~');
    const path = fc.oneof(
      fc.array(segment, { maxLength: 8 }).map((parts) => parts.join('/')),
      fc.array(segment, { maxLength: 8 }).map((parts) => `${project}/${parts.join('/')}`),
      fc.array(segment, { maxLength: 8 }).map((parts) => `file://${project}/${parts.join('/')}`),
      fc.string(),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('read_file', 'list_directory', 'search_files'), path, async (tool, p) => {
        const result = await call(tool, tool === 'search_files' ? { query: 'secret', mode: 'content', path: p } : { path: p });
        expect(JSON.stringify(result)).not.toContain('top secret');
        if (tool === 'list_directory' && result.isError !== true) expect((result.structuredContent as { path: string }).path.startsWith(project)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('searches by name and by content, skipping ignored folders and links', async () => {
    const byName = await call('search_files', { query: 'INDEX' });
    expect(byName.structuredContent).toMatchObject({ results: [{ path: join(project, 'src', 'index.ts') }], truncated: false });
    const byContent = await call('search_files', { query: 'todo', mode: 'content' });
    expect(byContent.structuredContent).toEqual({
      query: 'todo',
      mode: 'content',
      results: [
        { path: join(project, 'README.md'), line: 2, text: 'TODO: write the docs' },
        { path: join(project, 'src', 'index.ts'), line: 1, text: 'export const answer = 42; // todo: explain' },
      ],
      scannedFiles: 4,
      truncated: false,
    });
    const limited = await call('search_files', { query: 'todo', mode: 'content', maxResults: 1 });
    expect(limited.structuredContent).toMatchObject({ results: [{ line: 2 }], truncated: true });
    expect((await call('search_files', { query: '' })).isError).toBe(true);
  });

  it('follows changes of the roots', async () => {
    roots = [{ uri: pathToFileURL(other).href }];
    // Legacy clients announce the change; modern requests carry the roots of each round anyway.
    await client.sendRootsListChanged();
    expect((await call('list_roots')).structuredContent).toEqual({ roots: [{ uri: pathToFileURL(other).href, path: other }] });
    expect(firstText(await call('read_file', { path: join(project, 'README.md') }))).toContain('is outside the client\'s roots');
    expect((await call('read_file', { path: 'notes.txt' })).content[0]).toMatchObject({ resource: { text: 'other notes\n' } });
    roots = [];
    expect(firstText(await call('read_file', { path: 'notes.txt' }))).toBe('The client shared no file:// roots: there is nothing this server may access');
    roots = [{ uri: 'https://example.com/not-a-folder' }, { uri: pathToFileURL(join(temp, 'gone')).href }];
    expect((await call('list_roots')).structuredContent).toEqual({ roots: [] });
  });
});

describe('a client without roots, and limits', () => {
  it('gets a clear refusal in each era', async () => {
    const legacy = await connect(createRootsServer(), { protocolVersion: '2025-11-25' });
    const result = await legacy.callTool({ name: 'list_roots', arguments: {} });
    expect(result.isError).toBe(true);
    expect(firstText(result)).toBe('The client does not support roots/list (capability "roots" not declared)');
    await legacy.close();

    const modern = await connect(createRootsServer());
    const error = await modern.callTool({ name: 'list_roots', arguments: {} }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(McpError);
    expect((error as McpError).code).toBe(-32021);
    await modern.close();
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => createRootsServer({ maxEntries: 0 })).toThrow(new RangeError('maxEntries must be a positive integer, got 0'));
  });

  it('enforces the file size limit', async () => {
    const client = await connect(createRootsServer({ maxFileBytes: 10 }), { roots: { list: () => [{ uri: pathToFileURL(project).href }] } });
    expect(firstText(await client.callTool({ name: 'read_file', arguments: { path: 'README.md' } }))).toBe('"README.md" is 31 bytes; the limit is 10 (maxFileBytes)');
    await client.close();
  });
});
