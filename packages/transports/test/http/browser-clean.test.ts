/**
 * The client ends run in browsers: bundling an entry for the browser must reach no `node:*`
 * module and, except through the lazy `ws` fallback of the WebSocket entry, no `ws`.
 */
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const src = (entry: string) => fileURLToPath(new URL(`../../src/${entry}/index.ts`, import.meta.url));
const repo = fileURLToPath(new URL('../../../../', import.meta.url));

async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    entryPoints: [src(entry)],
    bundle: true,
    write: false,
    platform: 'browser',
    format: 'esm',
    metafile: true,
    logLevel: 'silent',
    // The server ends load ws and node:http lazily; a browser bundle leaves them out.
    external: ['ws', 'node:http'],
    alias: { '@mcpkit/core': `${repo}packages/core/src/index.ts` },
  });
  return Object.keys(result.metafile.inputs);
}

describe.each(['streamable-http', 'sse', 'websocket'])('the %s entry', (entry) => {
  it('bundles for the browser without node:* or ws', async () => {
    const inputs = await bundledInputs(entry);
    expect(inputs.length).toBeGreaterThan(1);
    expect(inputs.filter((p) => p.startsWith('node:') || /node_modules\/(\.pnpm\/)?ws[@/]/.test(p))).toEqual([]);
  });
});
