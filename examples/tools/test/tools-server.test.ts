import type { Client } from '@mcpkit/client';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createToolsServer } from '../src/server.js';
import { connect, ERAS, firstText } from './connect.js';

describe.each(ERAS)('the tools server, $era era', ({ era, options }) => {
  let client: Client;

  beforeEach(async () => {
    client = await connect(createToolsServer(), options);
    expect(client.era).toBe(era);
  });
  afterEach(async () => {
    await client.close();
  });

  async function call(name: string, args: Record<string, unknown>) {
    return client.callTool({ name, arguments: args });
  }

  it('lists every tool with input and output schemas', async () => {
    const tools = [];
    for await (const tool of client.tools()) tools.push(tool);
    expect(tools.map((t) => t.name).sort()).toEqual(
      ['add', 'change_case', 'csv_to_json', 'divide', 'evaluate', 'json_to_csv', 'multiply', 'power', 'subtract', 'text_stats'],
    );
    for (const tool of tools) {
      expect(tool.inputSchema.type).toBe('object');
      expect(tool.outputSchema?.type).toBe('object');
    }
    const csv = tools.find((t) => t.name === 'csv_to_json');
    expect(csv?.inputSchema.required).toEqual(['csv']);
  });

  it('calculates with structured output', async () => {
    expect((await call('add', { a: 2, b: 3 })).structuredContent).toEqual({ result: 5 });
    expect((await call('subtract', { a: 2, b: 3 })).structuredContent).toEqual({ result: -1 });
    expect((await call('multiply', { a: 2.5, b: 4 })).structuredContent).toEqual({ result: 10 });
    expect((await call('divide', { a: 1, b: 4 })).structuredContent).toEqual({ result: 0.25 });
    expect((await call('power', { a: 2, b: 10 })).structuredContent).toEqual({ result: 1024 });
    const evaluated = await call('evaluate', { expression: '2 * (3 + 4) ^ 2 - sqrt(16)' });
    expect(evaluated.isError).toBeFalsy();
    expect(evaluated.structuredContent).toEqual({ expression: '2 * (3 + 4) ^ 2 - sqrt(16)', result: 94 });
    // Older clients read the text block: it mirrors the structured result.
    expect(JSON.parse(firstText(evaluated))).toEqual(evaluated.structuredContent);
  });

  it('answers bad arithmetic with a tool error and keeps serving', async () => {
    const byZero = await call('divide', { a: 1, b: 0 });
    expect(byZero.isError).toBe(true);
    expect(firstText(byZero)).toBe('Division by zero');
    const malformed = await call('evaluate', { expression: '2 * (3 + ' });
    expect(malformed.isError).toBe(true);
    expect(firstText(malformed)).toBe('The expression ends too early');
    const injection = await call('evaluate', { expression: 'process.exit(1)' });
    expect(injection.isError).toBe(true);
    expect(firstText(injection)).toMatch(/Unexpected character "\." at position 8/);
    const deep = await call('evaluate', { expression: '('.repeat(100) + '1' + ')'.repeat(100) });
    expect(firstText(deep)).toBe('Expression nests deeper than 64 levels');
    const long = await call('evaluate', { expression: '1+'.repeat(600) + '1' });
    expect(firstText(long)).toBe('Expression is 1201 characters long; the limit is 1000');
    const overflow = await call('power', { a: 10, b: 400 });
    expect(firstText(overflow)).toBe('The power is too large to represent');
    const wrongType = await call('add', { a: 'two', b: 3 });
    expect(wrongType.isError).toBe(true);
    expect(firstText(wrongType)).toMatch(/^Invalid arguments for tool "add"/);
    expect((await call('add', { a: 1, b: 1 })).structuredContent).toEqual({ result: 2 });
  });

  it('counts text and changes case', async () => {
    const stats = await call('text_stats', { text: 'Hello, world! How are you?\n\nFine 👍🏽.' });
    expect(stats.structuredContent).toEqual({
      characters: 35,
      charactersExcludingSpaces: 28,
      words: 6,
      sentences: 3,
      lines: 3,
      paragraphs: 2,
    });
    const cases = { upper: 'XMLHTTPREQUEST HANDLER', lower: 'xmlhttprequest handler', title: 'Xmlhttprequest Handler', snake: 'xml_http_request_handler', kebab: 'xml-http-request-handler', camel: 'xmlHttpRequestHandler', pascal: 'XmlHttpRequestHandler' };
    for (const [to, expected] of Object.entries(cases)) {
      expect((await call('change_case', { text: 'XMLHttpRequest handler', to })).structuredContent).toEqual({ result: expected });
    }
    const unknown = await call('change_case', { text: 'x', to: 'shouting' });
    expect(unknown.isError).toBe(true);
    expect(firstText(unknown)).toMatch(/to/);
  });

  it('converts CSV with quoted commas, quotes and line breaks to typed JSON, and back', async () => {
    const csv = 'name,age,member,note\r\n"Lovelace, Ada",36,true,"said ""hi""\nthen left"\r\nBabbage,,false,"42"\r\n';
    const json = await call('csv_to_json', { csv });
    expect(json.isError).toBeFalsy();
    expect(json.structuredContent).toEqual({
      columns: ['name', 'age', 'member', 'note'],
      rows: [
        { name: 'Lovelace, Ada', age: 36, member: true, note: 'said "hi"\nthen left' },
        { name: 'Babbage', age: null, member: false, note: '42' },
      ],
      rowCount: 2,
    });
    const back = await call('json_to_csv', { json: JSON.stringify((json.structuredContent as { rows: unknown[] }).rows) });
    expect(back.structuredContent).toEqual({ csv, columns: ['name', 'age', 'member', 'note'], rowCount: 2 });
    const plain = await call('csv_to_json', { csv: 'a;b\n1;x', delimiter: ';', inferTypes: false });
    expect((plain.structuredContent as { rows: unknown[] }).rows).toEqual([{ a: '1', b: 'x' }]);
  });

  it('refuses ragged rows, malformed CSV and bad JSON with clear errors', async () => {
    const ragged = await call('csv_to_json', { csv: 'a,b,c\n1,2,3\n4,5\n' });
    expect(ragged.isError).toBe(true);
    expect(firstText(ragged)).toBe('Row 2 (line 3) has 2 fields but the header has 3');
    const unterminated = await call('csv_to_json', { csv: 'a,b\n"1,2\n' });
    expect(firstText(unterminated)).toBe('Unterminated quoted field starting on line 2');
    const notJson = await call('json_to_csv', { json: '[{"a":1},' });
    expect(notJson.isError).toBe(true);
    expect(firstText(notJson)).toMatch(/^"json" is not valid JSON/);
    const notRecords = await call('json_to_csv', { json: '[1, 2]' });
    expect(firstText(notRecords)).toBe('Item 0 of the array is not an object: every item becomes one CSV row');
    expect((await call('json_to_csv', { json: '[{"x":null}]' })).structuredContent).toEqual({ csv: 'x\r\nnull\r\n', columns: ['x'], rowCount: 1 });
  });

  it('refuses a 50 MB CSV with a size error and keeps serving', async () => {
    const huge = 'a,b\n' + '1234567,"text, quoted"\n'.repeat(Math.ceil((50 * 1024 * 1024) / 23));
    const result = await call('csv_to_json', { csv: huge });
    expect(result.isError).toBe(true);
    expect(firstText(result)).toBe('"csv" is at least 50.0 MiB; the limit is 5.0 MiB (maxInputBytes). Send a smaller input.');
    expect((await call('csv_to_json', { csv: 'a\n1' })).structuredContent).toEqual({ columns: ['a'], rows: [{ a: 1 }], rowCount: 1 });
  });
});

describe('any arguments', () => {
  it('get a result, never a failed request, and the server keeps serving', async () => {
    const client = await connect(createToolsServer());
    const tools = ['add', 'divide', 'power', 'evaluate', 'text_stats', 'change_case', 'csv_to_json', 'json_to_csv'];
    const keys = fc.constantFrom('a', 'b', 'expression', 'text', 'to', 'csv', 'json', 'delimiter', 'header', 'inferTypes');
    const value = fc.oneof(fc.jsonValue(), fc.string({ unit: fc.constantFrom(...'0123456789,"\n\r;+-*/^()[]{}:aeE'.split('')) }));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...tools), fc.dictionary(keys, value, { maxKeys: 4 }), async (name, args) => {
        const result = await client.callTool({ name, arguments: args });
        expect(Array.isArray(result.content)).toBe(true);
        if (result.isError !== true) expect(result.structuredContent).toBeDefined();
      }),
      { numRuns: 300 },
    );
    expect((await client.callTool({ name: 'add', arguments: { a: 1, b: 2 } })).structuredContent).toEqual({ result: 3 });
    await client.close();
  });
});

describe('limits are options', () => {
  it('enforces a smaller input limit, counted in UTF-8 bytes', async () => {
    const client = await connect(createToolsServer({ maxInputBytes: 10 }));
    const result = await client.callTool({ name: 'text_stats', arguments: { text: 'ééééé€' } });
    expect(result.isError).toBe(true);
    expect(await client.callTool({ name: 'text_stats', arguments: { text: 'éééé' } })).toMatchObject({ structuredContent: { characters: 4 } });
    expect(result.content).toEqual([{ type: 'text', text: '"text" is 13 bytes; the limit is 10 bytes (maxInputBytes). Send a smaller input.' }]);
    await client.close();
  });

  it('refuses a limit that is not a positive integer when the server is built', () => {
    expect(() => createToolsServer({ maxRows: 0 })).toThrow(new RangeError('maxRows must be a positive integer, got 0'));
    expect(() => createToolsServer({ maxInputBytes: 1.5 })).toThrow('maxInputBytes must be a positive integer, got 1.5');
  });

  it('enforces the row and output limits', async () => {
    const client = await connect(createToolsServer({ maxRows: 2, maxOutputBytes: 100 }));
    const rows = await client.callTool({ name: 'csv_to_json', arguments: { csv: 'a\n1\n2\n3\n' } });
    expect(firstText(rows)).toBe('The CSV has more than 2 rows; the limit is 2 (maxRows)');
    const output = await client.callTool({ name: 'csv_to_json', arguments: { csv: `a\n${'x'.repeat(200)}\n` } });
    expect(firstText(output)).toBe('The JSON would be 210 bytes; the limit is 100 bytes (maxOutputBytes). Convert fewer rows at a time.');
    await client.close();
  });
});
