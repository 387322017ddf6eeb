import { Client } from '@mcpkit/client';
import { StdioClientTransport } from '@mcpkit/transports/stdio';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { FakeModel } from './fake-model.js';

const exampleDir = fileURLToPath(new URL('../', import.meta.url));

it('runs over stdio as a child process (src/main.ts --stdio)', async () => {
  const model = new FakeModel(() => 'positive');
  const client = new Client({ name: 'sampling-stdio-test', version: '1.0.0' }, { sampling: { handler: model.handler } });
  await client.connect(
    new StdioClientTransport({ command: process.execPath, args: ['--import', 'tsx', 'src/main.ts', '--stdio'], cwd: exampleDir }),
  );
  try {
    const result = await client.callTool({ name: 'classify', arguments: { text: 'Works great!', labels: ['positive', 'negative'] } });
    expect(result.structuredContent).toEqual({ label: 'positive', model: 'fake-model-1', attempts: 1 });
    expect(model.requests).toHaveLength(1);
  } finally {
    await client.close();
  }
});
