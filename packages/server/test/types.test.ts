import { describe, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import * as v from 'valibot';
import { toStandardJsonSchema } from '@valibot/to-json-schema';
import { type } from 'arktype';
import { McpServer, type ServerContext, type TemplateVariables, type ToolArgs } from '@mcpkit/server';

const server = new McpServer({ name: 'types', version: '1' });

describe('inferred handler types', () => {
  it('infers tool arguments from zod 4 (output side: defaults applied)', () => {
    server.tool('a', { inputSchema: z.object({ city: z.string(), days: z.number().default(1) }) }, (args, ctx) => {
      expectTypeOf(args).toEqualTypeOf<{ city: string; days: number }>();
      expectTypeOf(ctx).toEqualTypeOf<ServerContext>();
      return 'ok';
    });
  });

  it('infers from valibot and arktype', () => {
    server.tool('b', { inputSchema: toStandardJsonSchema(v.object({ n: v.number() })) }, (args) => {
      expectTypeOf(args).toEqualTypeOf<{ n: number }>();
      return 'ok';
    });
    server.tool('c', { inputSchema: type({ flag: 'boolean' }) }, (args) => {
      expectTypeOf(args).toEqualTypeOf<{ flag: boolean }>();
      return 'ok';
    });
  });

  it('types raw JSON Schema and missing schemas loosely', () => {
    expectTypeOf<ToolArgs<{ type: 'object' }>>().toEqualTypeOf<Record<string, unknown>>();
    expectTypeOf<ToolArgs<undefined>>().toEqualTypeOf<Record<string, unknown>>();
  });

  it('requires structuredContent of the output schema’s type', () => {
    server.tool('d', { outputSchema: z.object({ sum: z.number() }) }, () => ({ structuredContent: { sum: 1 } }));
    // @ts-expect-error structuredContent must match the output schema
    server.tool('e', { outputSchema: z.object({ sum: z.number() }) }, () => ({ structuredContent: { sum: 'one' } }));
    // @ts-expect-error structuredContent is required when there is an output schema
    server.tool('f', { outputSchema: z.object({ sum: z.number() }) }, () => 'text only');
  });

  it('types prompt arguments and template variables', () => {
    server.prompt('p', { argsSchema: z.object({ topic: z.string(), tone: z.string().optional() }) }, (args) => {
      expectTypeOf(args).toEqualTypeOf<{ topic: string; tone?: string | undefined }>();
      return { messages: [] };
    });
    server.resourceTemplate('t', 'users://{org}/{id}{?fields*}', {}, (_uri, vars) => {
      expectTypeOf(vars).toEqualTypeOf<{ org: string | string[]; id: string | string[]; fields: string | string[] }>();
      return '';
    });
    expectTypeOf<keyof TemplateVariables<'a://{+path}/{#frag}'>>().toEqualTypeOf<'path' | 'frag'>();
  });
});
