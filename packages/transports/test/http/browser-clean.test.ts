/**
 * The client ends run in browsers: bundling an entry for the browser must reach no `node:*`
 * module and, except through the lazy `ws` fallback of the WebSocket entry, no `ws`.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const src = (entry: string) => fileURLToPath(new URL(`../../src/${entry}/index.ts`, import.meta.url));
const repo = fileURLToPath(new URL('../../../../', import.meta.url));

async function bundle(entry: string): Promise<{ inputs: string[]; code: string }> {
  const result = await build({
    entryPoints: [src(entry)],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
    // Kept external so the output shows how they are reached: only lazily is acceptable.
    external: ['ws', 'node:*'],
    alias: { '@mcpkit/core': `${repo}packages/core/src/index.ts` },
  });
  return { inputs: Object.keys(result.metafile.inputs), code: result.outputFiles[0]?.text ?? '' };
}

describe.each(['streamable-http', 'sse', 'websocket'])('the %s entry', (entry) => {
  it('bundles for the browser with no static node:* or ws import', async () => {
    const { inputs, code } = await bundle(entry);
    expect(inputs.length).toBeGreaterThan(1);
    expect(code).not.toMatch(/^import[^;]*from\s*["'](node:[^"']+|ws)["']/m);
    expect(code).not.toMatch(/\brequire\(/);
  });
});
