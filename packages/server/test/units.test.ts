import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { audioFromFile, imageFromFile } from '../src/node/index.js';
import { UriTemplate, audio, detectMimeType, embeddedResource, image, imageFromUrl, mimeTypeFromPath, resourceLink, text } from '@mcpkit/server';

describe('UriTemplate', () => {
  it('matches and expands simple, reserved, path and query expressions', () => {
    expect(new UriTemplate('test://template/{id}/data').match('test://template/123/data')).toEqual({ id: '123' });
    expect(new UriTemplate('test://template/{id}/data').match('test://template/1/2/data')).toBeUndefined();
    const file = new UriTemplate('file:///{+path}{?rev,mode}');
    expect(file.match('file:///a/b%20c.txt?rev=3&mode=r')).toEqual({ path: 'a/b c.txt', rev: '3', mode: 'r' });
    expect(file.match('file:///a/b.txt')).toEqual({ path: 'a/b.txt' });
    expect(file.expand({ path: 'a/b c.txt', rev: '3' })).toBe('file:///a/b%20c.txt?rev=3');
    expect(new UriTemplate('x://{/segs*}').match('x:///a/b/c')).toEqual({ segs: ['a', 'b', 'c'] });
    expect(new UriTemplate('x://{a}').variableNames).toEqual(['a']);
    expect(() => new UriTemplate('x://{a')).toThrow(SyntaxError);
  });

  it('round-trips simple variables and never throws on arbitrary URIs', () => {
    const t = new UriTemplate('db://{table}/{id}');
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), fc.string(), (table, id, junk) => {
        expect(t.match(t.expand({ table, id }))).toEqual({ table, id });
        t.match(junk);
      }),
      { numRuns: 200 },
    );
  });
});

describe('content helpers', () => {
  const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
  const wav = new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x41, 0x56, 0x45, 0, 0]);

  it('detects MIME types from bytes, base64 and extensions', () => {
    expect(detectMimeType(png)).toBe('image/png');
    expect(detectMimeType(wav)).toBe('audio/wav');
    expect(image(png)).toEqual({ type: 'image', data: btoa(String.fromCharCode(...png)), mimeType: 'image/png' });
    expect(audio(btoa(String.fromCharCode(...wav))).mimeType).toBe('audio/wav');
    expect(mimeTypeFromPath('/tmp/song.MP3?x=1')).toBe('audio/mpeg');
    expect(() => image(new Uint8Array([1, 2, 3]))).toThrow(/MIME/);
  });

  it('builds text, embedded resources and resource links', () => {
    expect(text('hi')).toEqual({ type: 'text', text: 'hi' });
    expect(embeddedResource({ uri: 'a://b', mimeType: 'application/octet-stream', blob: new Uint8Array([1]) })).toEqual({
      type: 'resource',
      resource: { uri: 'a://b', mimeType: 'application/octet-stream', blob: 'AQ==' },
    });
    expect(resourceLink({ uri: 'a://b', name: 'b' })).toEqual({ type: 'resource_link', uri: 'a://b', name: 'b' });
  });

  it('downloads images with an injected fetch and enforces the size limit', async () => {
    const fetchPng = (async () => new Response(png, { headers: { 'content-type': 'application/octet-stream' } })) as typeof fetch;
    expect((await imageFromUrl('https://example.com/x', { fetch: fetchPng })).mimeType).toBe('image/png');
    await expect(imageFromUrl('https://example.com/x', { fetch: fetchPng, maxBytes: 4 })).rejects.toThrow(/larger/);
  });
});

describe('@mcpkit/server/node', () => {
  it('reads image and audio files with MIME detection from bytes, then extension', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcpkit-'));
    writeFileSync(join(dir, 'pic.bin'), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    writeFileSync(join(dir, 'clip.mp3'), new Uint8Array([0, 1, 2, 3]));
    expect((await imageFromFile(join(dir, 'pic.bin'))).mimeType).toBe('image/png');
    expect((await audioFromFile(join(dir, 'clip.mp3'))).mimeType).toBe('audio/mpeg');
  });
});
