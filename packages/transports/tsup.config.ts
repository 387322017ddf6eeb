import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    memory: 'src/memory/index.ts',
    stdio: 'src/stdio/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  target: 'es2022',
  platform: 'node',
  tsconfig: 'tsconfig.build.json',
});
