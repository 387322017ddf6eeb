import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Tests run against the TypeScript sources, so no build is needed before `pnpm test`.
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@mcpkit\/core$/, replacement: root('./packages/core/src/index.ts') },
      { find: /^@mcpkit\/client$/, replacement: root('./packages/client/src/index.ts') },
      { find: /^@mcpkit\/server\/node$/, replacement: root('./packages/server/src/node/index.ts') },
      { find: /^@mcpkit\/server$/, replacement: root('./packages/server/src/index.ts') },
      { find: /^@mcpkit\/transports\/(.*)$/, replacement: root('./packages/transports/src/$1/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'examples/*/test/**/*.test.ts', 'bench/test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // CI asks for a JSON report as well, from which .ci/run prints its `N passed, M failed` line.
    reporters: process.env.MCPKIT_TEST_JSON ? ['default', 'json'] : ['default'],
    ...(process.env.MCPKIT_TEST_JSON ? { outputFile: { json: process.env.MCPKIT_TEST_JSON } } : {}),
  },
});
