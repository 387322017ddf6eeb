/**
 * Checks the four packages as a user gets them: built output, not sources. `pnpm test` builds first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));
const pkgDir = (name: string) => `${repo}packages/${name}/`;
const ROOT_PACKAGES = ['core', 'client', 'server'] as const;

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
}

describe.each(ROOT_PACKAGES)('@mcpkit/%s root entry', (name) => {
  const dist = `${pkgDir(name)}dist/index.js`;

  it('is built (pnpm test runs the build first)', () => {
    expect(existsSync(dist), `${dist} missing: run pnpm run build`).toBe(true);
  });

  it('reaches no node:* module, no ws and no transport when bundled for the browser', async () => {
    const result = await build({
      entryPoints: [dist],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      metafile: true,
      logLevel: 'silent',
      // Resolve sibling packages to their built output, as a user's bundler would.
      nodePaths: [`${repo}node_modules`],
    });
    const inputs = Object.keys(result.metafile.inputs);
    const offending = inputs.filter(
      (p) => p.startsWith('node:') || /(^|\/)node_modules\/(\.pnpm\/)?ws[@/]/.test(p) || p.includes('packages/transports'),
    );
    expect(offending).toEqual([]);
  });

  it('has a clean package.json for publishing', () => {
    const pkg = readJson(`${pkgDir(name)}package.json`);
    expect(pkg['type']).toBe('module');
    expect(pkg['sideEffects']).toBe(false);
    expect(pkg['files']).toEqual(['dist']);
    expect((pkg['engines'] as Record<string, string>)['node']).toBe('>=20');
  });
});

describe('errors across two copies of @mcpkit/core', () => {
  it('instanceof holds between the ESM and the CJS build', async () => {
    const esm = (await import(pathToFileURL(`${pkgDir('core')}dist/index.js`).href)) as typeof import('@mcpkit/core');
    const cjs = createRequire(import.meta.url)(`${pkgDir('core')}dist/index.cjs`) as typeof import('@mcpkit/core');
    expect(esm.McpError).not.toBe(cjs.McpError);
    const wire = new cjs.McpError(-32602, 'bad');
    const local = new cjs.McpkitError('MCPKIT_TIMEOUT', 'slow');
    expect(wire instanceof esm.McpError).toBe(true);
    expect(local instanceof esm.McpkitError).toBe(true);
    expect(wire instanceof esm.McpkitError).toBe(false);
    expect(new Error('x') instanceof esm.McpError).toBe(false);
  });
});

describe('public surface', () => {
  // Every export is public API: a change to these lists is a deliberate, reviewed change.
  it('@mcpkit/core exports exactly these names', async () => {
    const core = await import(pathToFileURL(`${pkgDir('core')}dist/index.js`).href);
    expect(Object.keys(core).sort()).toMatchSnapshot();
  });

  it.each(['memory', 'stdio', 'streamable-http', 'sse', 'websocket', 'http'])(
    '@mcpkit/transports/%s exports exactly these names',
    async (subpath) => {
      const mod = await import(pathToFileURL(`${pkgDir('transports')}dist/${subpath}.js`).href);
      expect(Object.keys(mod).sort()).toMatchSnapshot();
    },
  );
});
