import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    memory: 'src/memory/index.ts',
    stdio: 'src/stdio/index.ts',
    'streamable-http': 'src/streamable-http/index.ts',
    sse: 'src/sse/index.ts',
    websocket: 'src/websocket/index.ts',
    http: 'src/http/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  target: 'es2022',
  platform: 'neutral',
  tsconfig: 'tsconfig.build.json',
});
