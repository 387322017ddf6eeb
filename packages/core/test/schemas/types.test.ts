import { describe, expectTypeOf, it } from 'vitest';
import type {
  CallToolRequestParams,
  CallToolResult,
  ContentBlock,
  InputRequest,
  RequestParamsOf,
  ResultOf,
  Tool,
} from '../../src/schemas/index.js';

// The inferred types users write against read like the spec.
describe('inferred types', () => {
  it('Tool has the spec members', () => {
    expectTypeOf<Tool['name']>().toEqualTypeOf<string>();
    expectTypeOf<Tool['description']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Tool['inputSchema']['type']>().toEqualTypeOf<'object'>();
    expectTypeOf<Tool>().toHaveProperty('annotations');
  });

  it('content blocks narrow on type', () => {
    const block = { type: 'text', text: 'hi' } as ContentBlock;
    if (block.type === 'text') expectTypeOf(block.text).toEqualTypeOf<string>();
    if (block.type === 'image') expectTypeOf(block.data).toEqualTypeOf<string>();
    expectTypeOf<ContentBlock['type']>().toEqualTypeOf<'text' | 'image' | 'audio' | 'resource_link' | 'resource'>();
  });

  it('input requests narrow on method', () => {
    expectTypeOf<InputRequest['method']>().toEqualTypeOf<'sampling/createMessage' | 'roots/list' | 'elicitation/create'>();
  });

  it('method tables give the params and result types', () => {
    expectTypeOf<RequestParamsOf<'tools/call'>>().toEqualTypeOf<CallToolRequestParams>();
    expectTypeOf<ResultOf<'tools/call'>>().toEqualTypeOf<CallToolResult>();
    expectTypeOf<CallToolResult['isError']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<CallToolResult['content']>().toEqualTypeOf<ContentBlock[]>();
  });
});
