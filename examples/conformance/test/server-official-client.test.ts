import { describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../..', import.meta.url));

describe('conformance server with the official v2 client over stdio', () => {
  it('is detected as modern by the auto probe and completes an input_required tool call', async () => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', `${root}examples/conformance/src/server.ts`, '--stdio'],
      stderr: 'ignore',
    });
    const client = new Client({ name: 'official', version: '2.4.0' }, { capabilities: { elicitation: {} }, versionNegotiation: { mode: 'auto' } });
    client.setRequestHandler('elicitation/create', async () => ({ action: 'accept', content: { name: 'Grace' } }));
    await client.connect(transport);
    expect(client.getNegotiatedProtocolVersion()).toBe('2026-07-28');
    const result = await client.callTool({ name: 'test_input_required_result_elicitation', arguments: {} });
    expect(result.content).toEqual([{ type: 'text', text: 'Hello, Grace!' }]);
    const text = await client.callTool({ name: 'test_simple_text', arguments: {} });
    expect(text.content).toEqual([{ type: 'text', text: 'This is a simple text response for testing.' }]);
    await client.close();
  });
});
