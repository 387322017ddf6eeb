import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as z from 'zod';
import * as z3 from 'zod/v3';
import * as v from 'valibot';
import { toStandardJsonSchema } from '@valibot/to-json-schema';
import { type } from 'arktype';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { McpkitError } from '@mcpkit/core';
import { McpServer, type JsonSchemaConverter, type JsonSchemaObject } from '@mcpkit/server';
import { open } from './helpers.js';

const zod3Converter: JsonSchemaConverter = (schema) =>
  (schema as { '~standard': { vendor: string } })['~standard'].vendor === 'zod' ? (zodToJsonSchema(schema as never) as JsonSchemaObject) : undefined;

async function listAndCall(server: McpServer, args: Record<string, unknown>) {
  const c = await open(server, 'modern');
  const list = await c.call('tools/list');
  const ok = await c.call('tools/call', { name: 't', arguments: args });
  const bad = await c.call('tools/call', { name: 't', arguments: { city: 7 } });
  await c.close();
  return { schema: (list.tools as Array<{ inputSchema: JsonSchemaObject }>)[0]!.inputSchema, ok, bad };
}

describe('Standard Schema libraries', () => {

  it('zod 4: JSON Schema from Standard JSON Schema, validation from Standard Schema', async () => {
    const serverOf = new McpServer({ name: 's', version: '1' });
    serverOf.tool('t', { inputSchema: z.object({ city: z.string(), units: z.enum(['c', 'f']).default('c') }) }, ({ city, units }) => `${city}/${units}`);
    const { schema, ok, bad } = await listAndCall(serverOf, { city: 'Rome' });
    expect(schema).toMatchObject({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object', required: ['city'] });
    expect(ok.content).toEqual([{ type: 'text', text: 'Rome/c' }]);
    expect(bad.isError).toBe(true);
  });

  it('zod 3: through the jsonSchemaConverter option', async () => {
    const server = new McpServer({ name: 's', version: '1' }, { jsonSchemaConverter: zod3Converter });
    server.tool('t', { inputSchema: z3.object({ city: z3.string() }) }, ({ city }) => city);
    const { schema, ok, bad } = await listAndCall(server, { city: 'Oslo' });
    expect(schema).toMatchObject({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] });
    expect(ok.content).toEqual([{ type: 'text', text: 'Oslo' }]);
    expect(bad.isError).toBe(true);
  });

  it('zod 3 without a converter is a clear registration error', () => {
    const server = new McpServer({ name: 's', version: '1' });
    expect(() => server.tool('t', { inputSchema: z3.object({ a: z3.string() }) }, () => 'x')).toThrow(McpkitError);
  });

  it('valibot: through toStandardJsonSchema', async () => {
    const server = new McpServer({ name: 's', version: '1' });
    server.tool('t', { inputSchema: toStandardJsonSchema(v.object({ city: v.string() })) }, ({ city }) => city);
    const { schema, ok, bad } = await listAndCall(server, { city: 'Lima' });
    expect(schema).toMatchObject({ type: 'object', required: ['city'] });
    expect(ok.content).toEqual([{ type: 'text', text: 'Lima' }]);
    expect(bad.isError).toBe(true);
  });

  it('arktype', async () => {
    const server = new McpServer({ name: 's', version: '1' });
    server.tool('t', { inputSchema: type({ city: 'string' }) }, ({ city }) => city);
    const { schema, ok, bad } = await listAndCall(server, { city: 'Kyiv' });
    expect(schema).toMatchObject({ type: 'object', required: ['city'] });
    expect(ok.content).toEqual([{ type: 'text', text: 'Kyiv' }]);
    expect(bad.isError).toBe(true);
  });

  it('raw JSON Schema is kept verbatim ($schema, $defs, additionalProperties) and validated', async () => {
    const raw = {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      type: 'object',
      $defs: { city: { type: 'string', minLength: 2 } },
      properties: { city: { $ref: '#/$defs/city' } },
      required: ['city'],
      additionalProperties: false,
    };
    const server = new McpServer({ name: 's', version: '1' });
    server.tool('t', { inputSchema: raw }, (args) => String(args.city));
    const { schema, ok, bad } = await listAndCall(server, { city: 'Nice' });
    expect(schema).toEqual(raw);
    expect(ok.content).toEqual([{ type: 'text', text: 'Nice' }]);
    expect(bad.isError).toBe(true);
  });

  it('rejects a non-object root', () => {
    const server = new McpServer({ name: 's', version: '1' });
    expect(() => server.tool('t', { inputSchema: z.string() }, () => 'x')).toThrow(/object/);
  });
});
