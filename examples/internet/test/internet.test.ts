import type { Client } from '@mcpkit/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolveHost } from '../src/resolve-host.js';
import { connect, ERAS, textOf } from './harness.js';
import { startSite, type TestSite } from './web-server.js';

let site: TestSite;

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site.close();
});

/** A fake DNS: names ending in .test resolve as listed, nothing else resolves (no real DNS in tests). */
function fakeDns(table: Record<string, string[]>, calls: string[] = []): ResolveHost {
  return async (hostname) => {
    calls.push(hostname);
    const addresses = table[hostname];
    if (addresses === undefined) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' });
    return addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));
  };
}

/** Only the test site's loopback address is allowed: other private addresses stay refused. */
const LOOPBACK_ONLY = { allowedRanges: ['127.0.0.1/32'], resolve: fakeDns({}) };

describe.each(ERAS)('internet server ($era era)', ({ era, options }) => {
  let client: Client;
  let close: () => Promise<void>;

  beforeAll(async () => {
    ({ client, close } = await connect({ ...LOOPBACK_ONLY, maxBytes: 1000, maxRedirects: 3 }, options));
    expect(client.era).toBe(era);
  });
  afterAll(async () => {
    await close();
  });

  const fetchUrl = (url: string) => client.callTool({ name: 'fetch_url', arguments: { url } });

  it('returns an HTML page as markdown, without scripts and styles', async () => {
    const result = await fetchUrl(`${site.origin}/page.html`);
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toBe('# Hello\n\nSome **bold** text and [a link](/next).\n\n-   one\n-   two');
    expect(result.structuredContent).toEqual({
      url: `${site.origin}/page.html`,
      status: 200,
      contentType: 'text/html; charset=utf-8',
      format: 'markdown',
      title: 'The Test Page',
      bytes: expect.any(Number),
      truncated: false,
      redirects: 0,
    });
    expect(site.requests.at(-1)?.userAgent).toMatch(/^mcpkit-fetch\/1\.0/);
  });

  it('returns text types as they are, decoded with their charset', async () => {
    expect(textOf(await fetchUrl(`${site.origin}/notes.txt`))).toBe('plain *text* stays as is\n');
    expect(textOf(await fetchUrl(`${site.origin}/data.json`))).toBe('{"a":1}');
    expect(textOf(await fetchUrl(`${site.origin}/latin1.txt`))).toBe('café');
    expect(textOf(await fetchUrl(`${site.origin}/gzip.html`))).toBe('compressed');
  });

  it('refuses other content types', async () => {
    const result = await fetchUrl(`${site.origin}/image.png`);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe('The URL returned image/png, which is not text or HTML; only text and HTML pages are fetched.');
  });

  it('stops reading at maxBytes, also for a compressed body that expands', async () => {
    const big = await fetchUrl(`${site.origin}/big.txt`);
    expect(big.structuredContent).toMatchObject({ bytes: 1000, truncated: true });
    expect(textOf(big)).toBe(`${'x'.repeat(1000)}\n\n[Truncated: only the first 1000 bytes of the page were read.]`);
    expect((await fetchUrl(`${site.origin}/bomb.txt`)).structuredContent).toMatchObject({ bytes: 1000, truncated: true });
  });

  it('follows redirects up to the limit', async () => {
    expect((await fetchUrl(`${site.origin}/redirect`)).structuredContent).toMatchObject({ url: `${site.origin}/page.html`, redirects: 1 });
    const loop = await fetchUrl(`${site.origin}/loop`);
    expect(loop.isError).toBe(true);
    expect(textOf(loop)).toBe(`Too many redirects (more than 3) starting at ${site.origin}/loop.`);
  });

  it('checks the address again on every redirect', async () => {
    const result = await fetchUrl(`${site.origin}/to-private`);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toBe('Refused to fetch from 10.0.0.1: 10.0.0.1 is a private address. Only public addresses may be fetched.');
  });

  it('respects robots.txt, fetched once per origin', async () => {
    const before = site.requests.filter((r) => r.path === '/robots.txt').length;
    const refused = await fetchUrl(`${site.origin}/private/page`);
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toBe(`${site.origin}/private/page is disallowed by ${site.origin}/robots.txt for user agent "mcpkit-fetch".`);
    expect(site.requests.some((r) => r.path === '/private/page')).toBe(false);
    expect(textOf(await fetchUrl(`${site.origin}/private/open`))).toBe('open');
    // Earlier tests of this connection's server already loaded the rules.
    expect(site.requests.filter((r) => r.path === '/robots.txt').length).toBe(before);
  });

  it('answers HTTP errors, bad URLs and unreachable hosts with tool errors, and keeps serving', async () => {
    expect(textOf(await fetchUrl(`${site.origin}/missing`))).toBe(`${site.origin}/missing answered HTTP 404 Not Found.`);
    expect(textOf(await fetchUrl('file:///etc/passwd'))).toBe('Only http and https URLs can be fetched, not file:');
    expect(textOf(await fetchUrl('not a url'))).toBe('Not a valid URL: "not a url"');
    expect(textOf(await fetchUrl('http://nowhere.test/'))).toBe('Could not resolve nowhere.test (ENOTFOUND).');
    expect(textOf(await fetchUrl(`http://user:pw@127.0.0.1:${site.port}/`))).toBe('URLs with credentials (user:password@) are not fetched.');
    expect((await fetchUrl(`${site.origin}/notes.txt`)).isError).toBeFalsy();
  });
});

describe('internet server address checks', () => {
  it('refuses loopback URLs by default, without sending anything', async () => {
    const { client, close } = await connect({}, {});
    try {
      const count = site.requests.length;
      for (const url of [`${site.origin}/page.html`, `http://[::1]:${site.port}/`, `http://[::ffff:127.0.0.1]:${site.port}/`, 'http://0.0.0.0/', 'http://169.254.169.254/latest/meta-data/']) {
        const result = await client.callTool({ name: 'fetch_url', arguments: { url } });
        expect(result.isError, url).toBe(true);
        expect(textOf(result), url).toMatch(/^Refused to fetch from .*: .* is a (loopback|unspecified|link-local) address\. Only public addresses may be fetched\.$/);
      }
      expect(site.requests.length).toBe(count);
    } finally {
      await close();
    }
  });

  it('refuses a name that resolves to a private address, or to any private address among others', async () => {
    const resolve = fakeDns({ 'evil.test': ['127.0.0.1'], 'mixed.test': ['93.184.215.14', '10.0.0.7'] });
    const { client, close } = await connect({ resolve }, { protocolVersion: '2025-11-25' });
    try {
      const evil = await client.callTool({ name: 'fetch_url', arguments: { url: `http://evil.test:${site.port}/page.html` } });
      expect(textOf(evil)).toBe('Refused to fetch from evil.test: 127.0.0.1 is a loopback address. Only public addresses may be fetched.');
      const mixed = await client.callTool({ name: 'fetch_url', arguments: { url: 'http://mixed.test/' } });
      expect(textOf(mixed)).toBe('Refused to fetch from mixed.test: 10.0.0.7 is a private address. Only public addresses may be fetched.');
    } finally {
      await close();
    }
  });

  it('connects to the address it checked: one lookup per hop, the name kept in the Host header', async () => {
    const calls: string[] = [];
    const resolve = fakeDns({ 'site.test': ['127.0.0.1'] }, calls);
    const { client, close } = await connect({ resolve, allowedRanges: ['127.0.0.0/8'] }, {});
    try {
      const result = await client.callTool({ name: 'fetch_url', arguments: { url: `http://site.test:${site.port}/notes.txt` } });
      expect(textOf(result)).toBe('plain *text* stays as is\n');
      // robots.txt, then the page: each resolved once by us and never by the system (it cannot resolve .test).
      expect(calls).toEqual(['site.test', 'site.test']);
      expect(site.requests.at(-1)).toMatchObject({ path: '/notes.txt', host: `site.test:${site.port}` });
    } finally {
      await close();
    }
  });

  it('stops a fetch that takes longer than timeoutMs', async () => {
    const { client, close } = await connect({ ...LOOPBACK_ONLY, timeoutMs: 300 }, {});
    try {
      const result = await client.callTool({ name: 'fetch_url', arguments: { url: `${site.origin}/slow` } });
      expect(result.isError).toBe(true);
      expect(textOf(result)).toBe(`Fetching ${site.origin}/slow took longer than 300 ms and was stopped.`);
    } finally {
      await close();
    }
  });

  it('treats robots.txt answered with a server error as "disallow all" (RFC 9309)', async () => {
    const broken = await startSite({
      '/robots.txt': (_req, res) => res.writeHead(503).end(),
      '/page': (_req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('page'),
    });
    const { client, close } = await connect(LOOPBACK_ONLY, {});
    try {
      const result = await client.callTool({ name: 'fetch_url', arguments: { url: `${broken.origin}/page` } });
      expect(textOf(result)).toMatch(/is disallowed by .*robots\.txt/);
      expect(broken.requests.map((r) => r.path)).toEqual(['/robots.txt']);
    } finally {
      await close();
      await broken.close();
    }
  });
});
