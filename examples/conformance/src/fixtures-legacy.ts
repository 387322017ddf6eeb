/**
 * The legacy-era fixtures of the conformance suite (tools, resources, prompts, completion).
 * They work unchanged for 2026-07-28 clients: the SDK maps `ctx.elicit`/`ctx.sample` per era.
 *
 * @module
 */
import { McpError, McpkitError } from '@mcpkit/core';
import { ToolError, audio, embeddedResource, image, text, type McpServer } from '@mcpkit/server';
import * as z from 'zod';
import { PNG_BASE64, WAV_BYTES } from './fixtures-media.js';

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });

/** The JSON Schema 2020-12 tool input the `json-schema-2020-12` scenario expects, kept verbatim. */
export const JSON_SCHEMA_2020_12_INPUT = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  $defs: { address: { $anchor: 'addressDef', type: 'object', properties: { street: { type: 'string' }, city: { type: 'string' } } } },
  properties: {
    name: { type: 'string' },
    address: { $ref: '#/$defs/address' },
    contactMethod: { type: 'string', enum: ['phone', 'email'] },
    phone: { type: 'string' },
    email: { type: 'string' },
  },
  allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
  if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
  then: { required: ['phone'] },
  else: { required: ['email'] },
  additionalProperties: false,
} as const;

function describeError(error: unknown): string {
  if (error instanceof McpError || error instanceof McpkitError) return (error as Error).message;
  return 'the request failed';
}

/** Registers the content tools. */
export function registerContentTools(server: McpServer): void {
  server.tool('test_simple_text', { description: 'Returns simple text content' }, () => 'This is a simple text response for testing.');
  server.tool('test_image_content', { description: 'Returns image content' }, () => ({ content: [image(PNG_BASE64, 'image/png')] }));
  server.tool('test_audio_content', { description: 'Returns audio content' }, () => ({ content: [audio(WAV_BYTES, 'audio/wav')] }));
  server.tool('test_embedded_resource', { description: 'Returns an embedded resource' }, () => ({
    content: [embeddedResource({ uri: 'test://embedded-resource', mimeType: 'text/plain', text: 'This is an embedded resource content.' })],
  }));
  server.tool('test_multiple_content_types', { description: 'Returns text, image and resource content' }, () => ({
    content: [
      text('Multiple content types test:'),
      image(PNG_BASE64, 'image/png'),
      embeddedResource({ uri: 'test://mixed-content-resource', mimeType: 'application/json', text: '{"test":"data","value":123}' }),
    ],
  }));
  server.tool('test_error_handling', { description: 'Always fails with a tool error' }, () => {
    throw new ToolError('This tool intentionally returns an error for testing');
  });
  server.tool('json_schema_2020_12_tool', { description: 'Tool with JSON Schema 2020-12 features', inputSchema: JSON_SCHEMA_2020_12_INPUT }, () => 'ok');
}

/** Registers the tools that log, report progress, sample and elicit. */
export function registerInteractiveTools(server: McpServer): void {
  server.tool('test_tool_with_logging', { description: 'Sends three log messages while running' }, async (_args, ctx) => {
    await ctx.log('info', 'Tool execution started');
    await sleep(50, ctx.signal);
    await ctx.log('info', 'Tool processing data');
    await sleep(50, ctx.signal);
    await ctx.log('info', 'Tool execution completed');
    return 'Tool with logging executed successfully';
  });
  server.tool('test_tool_with_progress', { description: 'Reports progress 0, 50, 100' }, async (_args, ctx) => {
    for (const done of [0, 50, 100]) {
      await ctx.progress(done, 100, `Completed step ${done / 50 + 1} of 3`);
      if (done < 100) await sleep(50, ctx.signal);
    }
    return 'Tool with progress executed successfully';
  });
  server.tool('test_sampling', { description: 'Asks the client LLM', inputSchema: z.object({ prompt: z.string().describe('The prompt to send') }) }, async ({ prompt }, ctx) => {
    const result = await ctx.sample({ messages: [{ role: 'user', content: { type: 'text', text: prompt } }], maxTokens: 100 });
    const content = result.content as { type?: string; text?: string } | undefined;
    return `LLM response: ${content?.type === 'text' ? content.text : JSON.stringify(result.content)}`;
  });
  server.tool('test_elicitation', { description: 'Asks the user for input', inputSchema: z.object({ message: z.string().describe('The message to show the user') }) }, async ({ message }, ctx) => {
    try {
      const result = await ctx.elicit({
        message,
        requestedSchema: {
          type: 'object',
          properties: { username: { type: 'string', description: "User's response" }, email: { type: 'string', description: "User's email address" } },
          required: ['username', 'email'],
        },
      });
      return `User response: action=${result.action}, content=${JSON.stringify(result.content ?? {})}`;
    } catch (error) {
      if (error instanceof McpError && ctx.era === 'modern') throw error;
      return { content: [text(`Elicitation failed: ${describeError(error)}`)], isError: true };
    }
  });
  server.tool('test_elicitation_sep1034_defaults', { description: 'Elicitation with defaults for every primitive type' }, async (_args, ctx) => {
    const result = await ctx.elicit({
      message: 'Please review and update the form fields with defaults',
      requestedSchema: {
        type: 'object',
        properties: {
          name: { type: 'string', description: 'User name', default: 'John Doe' },
          age: { type: 'integer', description: 'User age', default: 30 },
          score: { type: 'number', description: 'User score', default: 95.5 },
          status: { type: 'string', description: 'User status', enum: ['active', 'inactive', 'pending'], default: 'active' },
          verified: { type: 'boolean', description: 'Verification status', default: true },
        },
      },
    });
    return `Elicitation completed: action=${result.action}, content=${JSON.stringify(result.content ?? {})}`;
  });
  server.tool('test_elicitation_sep1330_enums', { description: 'Elicitation with every enum schema variant' }, async (_args, ctx) => {
    const result = await ctx.elicit({
      message: 'Please select options from the enum fields',
      requestedSchema: {
        type: 'object',
        properties: {
          untitledSingle: { type: 'string', description: 'Select one option', enum: ['option1', 'option2', 'option3'] },
          titledSingle: {
            type: 'string',
            description: 'Select one option with titles',
            oneOf: [{ const: 'value1', title: 'First Option' }, { const: 'value2', title: 'Second Option' }, { const: 'value3', title: 'Third Option' }],
          },
          legacyEnum: { type: 'string', description: 'Select one option (legacy)', enum: ['opt1', 'opt2', 'opt3'], enumNames: ['Option One', 'Option Two', 'Option Three'] },
          untitledMulti: { type: 'array', description: 'Select multiple options', items: { type: 'string', enum: ['option1', 'option2', 'option3'] } },
          titledMulti: {
            type: 'array',
            description: 'Select multiple options with titles',
            items: { anyOf: [{ const: 'value1', title: 'First Choice' }, { const: 'value2', title: 'Second Choice' }, { const: 'value3', title: 'Third Choice' }] },
          },
        },
      },
    });
    return `Elicitation completed: action=${result.action}, content=${JSON.stringify(result.content ?? {})}`;
  });
}

/** Registers the resources and the template. */
export function registerResources(server: McpServer): void {
  server.resource('static-text', 'test://static-text', { title: 'Static Text Resource', description: 'A static text resource for testing', mimeType: 'text/plain' }, () => 'This is the content of the static text resource.');
  server.resource('static-binary', 'test://static-binary', { title: 'Static Binary Resource', description: 'A static binary resource (image) for testing', mimeType: 'image/png' }, () => ({
    contents: [{ mimeType: 'image/png', blob: PNG_BASE64 }],
  }));
  server.resource('watched-resource', 'test://watched-resource', { title: 'Watched Resource', description: 'A resource for subscription testing', mimeType: 'text/plain' }, () => 'Watched resource content');
  server.resourceTemplate(
    'template',
    'test://template/{id}/data',
    { title: 'Template Resource', description: 'A resource template with a parameter', mimeType: 'application/json', complete: { id: (value) => ['123', '456', '789'].filter((id) => id.startsWith(value)) } },
    (_uri, { id }) => ({ contents: [{ mimeType: 'application/json', text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${String(id)}` }) }] }),
  );
}

/** Registers the prompts. */
export function registerPrompts(server: McpServer): void {
  server.prompt('test_simple_prompt', { description: 'A simple prompt without arguments' }, () => ({
    messages: [{ role: 'user', content: { type: 'text', text: 'This is a simple prompt for testing.' } }],
  }));
  server.prompt(
    'test_prompt_with_arguments',
    {
      description: 'A prompt with required arguments',
      argsSchema: z.object({ arg1: z.string().describe('First test argument'), arg2: z.string().describe('Second test argument') }),
      complete: { arg1: (value) => ['paris', 'park', 'party', 'test-value'].filter((v) => v.startsWith(value)) },
    },
    ({ arg1, arg2 }) => ({ messages: [{ role: 'user', content: { type: 'text', text: `Prompt with arguments: arg1='${arg1}', arg2='${arg2}'` } }] }),
  );
  server.prompt(
    'test_prompt_with_embedded_resource',
    { description: 'A prompt that includes an embedded resource', argsSchema: z.object({ resourceUri: z.string().describe('URI of the resource to embed') }) },
    ({ resourceUri }) => ({
      messages: [
        { role: 'user', content: embeddedResource({ uri: resourceUri, mimeType: 'text/plain', text: 'Embedded resource content for testing.' }) },
        { role: 'user', content: { type: 'text', text: 'Please process the embedded resource above.' } },
      ],
    }),
  );
  server.prompt('test_prompt_with_image', { description: 'A prompt that includes image content' }, () => ({
    messages: [
      { role: 'user', content: image(PNG_BASE64, 'image/png') },
      { role: 'user', content: { type: 'text', text: 'Please analyze the image above.' } },
    ],
  }));
}
