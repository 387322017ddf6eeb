import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { createConformanceServer } from '../../../examples/conformance/src/fixtures.js';
import { open } from './helpers.js';

function validatorFor(version: string) {
  const schema = JSON.parse(readFileSync(new URL(`../../../../shared/spec/schema/${version}/schema.json`, import.meta.url), 'utf8')) as Record<string, unknown>;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  ajv.addSchema(schema, 'mcp');
  return (def: string, value: unknown): string[] => {
    const validate = ajv.getSchema(`mcp#/$defs/${def}`);
    if (validate === undefined) throw new Error(`no definition ${def}`);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${def}${e.instancePath} ${e.message ?? ''}`);
  };
}

const CAPS = { elicitation: {}, sampling: {}, roots: {} };

describe('results match the official JSON Schema of their era', () => {
  it('2026-07-28', async () => {
    const check = validatorFor('2026-07-28');
    // The validator itself must be able to fail: a legacy-shaped list lacks resultType and caching hints.
    expect(check('ListToolsResult', { tools: [] }).length).toBeGreaterThan(0);
    const c = await open(createConformanceServer(), 'modern', CAPS);
    const results: Array<[string, Record<string, unknown>]> = [
      ['DiscoverResult', await c.call('server/discover')],
      ['ListToolsResult', await c.call('tools/list')],
      ['CallToolResult', await c.call('tools/call', { name: 'test_multiple_content_types' })],
      ['CallToolResult', await c.call('tools/call', { name: 'test_audio_content' })],
      ['CallToolResult', await c.call('tools/call', { name: 'test_error_handling' })],
      ['InputRequiredResult', await c.call('tools/call', { name: 'test_input_required_result_multiple_inputs' })],
      ['ListResourcesResult', await c.call('resources/list')],
      ['ListResourceTemplatesResult', await c.call('resources/templates/list')],
      ['ReadResourceResult', await c.call('resources/read', { uri: 'test://static-binary' })],
      ['ReadResourceResult', await c.call('resources/read', { uri: 'test://template/7/data' })],
      ['ListPromptsResult', await c.call('prompts/list')],
      ['GetPromptResult', await c.call('prompts/get', { name: 'test_prompt_with_embedded_resource', arguments: { resourceUri: 'test://x' } })],
      ['GetPromptResult', await c.call('prompts/get', { name: 'test_prompt_with_image' })],
      ['CompleteResult', await c.call('completion/complete', { ref: { type: 'ref/prompt', name: 'test_prompt_with_arguments' }, argument: { name: 'arg1', value: 'pa' } })],
    ];
    const errors = results.flatMap(([def, value]) => check(def, value));
    expect(errors).toEqual([]);
    await c.close();
  });

  it('2025-11-25', async () => {
    const check = validatorFor('2025-11-25');
    const c = await open(createConformanceServer(), 'legacy', CAPS, {
      'elicitation/create': () => ({ action: 'accept', content: { name: 'x' } }),
    });
    const init = await c.session.request('initialize', { protocolVersion: '2025-11-25', capabilities: CAPS, clientInfo: { name: 't', version: '1' } });
    const results: Array<[string, Record<string, unknown>]> = [
      ['InitializeResult', init],
      ['ListToolsResult', await c.call('tools/list')],
      ['CallToolResult', await c.call('tools/call', { name: 'test_multiple_content_types' })],
      ['CallToolResult', await c.call('tools/call', { name: 'test_input_required_result_elicitation' })],
      ['ListResourcesResult', await c.call('resources/list')],
      ['ListResourceTemplatesResult', await c.call('resources/templates/list')],
      ['ReadResourceResult', await c.call('resources/read', { uri: 'test://static-text' })],
      ['ListPromptsResult', await c.call('prompts/list')],
      ['GetPromptResult', await c.call('prompts/get', { name: 'test_prompt_with_arguments', arguments: { arg1: 'a', arg2: 'b' } })],
      ['CompleteResult', await c.call('completion/complete', { ref: { type: 'ref/resource', uri: 'test://template/{id}/data' }, argument: { name: 'id', value: '1' } })],
      ['EmptyResult', await c.call('ping')],
    ];
    const errors = results.flatMap(([def, value]) => check(def, value));
    expect(errors).toEqual([]);
    await c.close();
  });
});
