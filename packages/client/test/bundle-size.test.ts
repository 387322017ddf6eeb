/** The browser budget: a minimal client, bundled and minified from the sources, stays under 30 KB gzip. */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const BUDGET_GZIP_BYTES = 30 * 1024;

describe('minimal browser client bundle', () => {
  it(`is under ${BUDGET_GZIP_BYTES / 1024} KB gzip and pulls in no Node built-in`, async () => {
    const result = await build({
      stdin: {
        contents: "import { Client } from '@mcpkit/client'; export const client = new Client({ name: 'web', version: '1' });",
        resolveDir: ROOT,
        loader: 'ts',
      },
      absWorkingDir: ROOT,
      alias: { '@mcpkit/client': './packages/client/src/index.ts', '@mcpkit/core': './packages/core/src/index.ts' },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => i.startsWith('node:') || i.includes('packages/transports'))).toEqual([]);
    const bytes = gzipSync(result.outputFiles[0]!.contents).length;
    expect(bytes).toBeLessThan(BUDGET_GZIP_BYTES);
  });
});
