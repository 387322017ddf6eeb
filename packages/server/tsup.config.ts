import { defineConfig } from 'tsup';

export default defineConfig({
  // `node` is the Node-only subpath (`@mcpkit/server/node`); the root entry stays runtime-neutral.
  entry: { index: 'src/index.ts', node: 'src/node/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
  external: [/^node:/],
  tsconfig: 'tsconfig.build.json',
});
