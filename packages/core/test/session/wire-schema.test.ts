import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ErrorCode, McpError } from '../../src/errors.js';
import { createMemoryTransportPair } from '../../src/memory-transport.js';
import type { JSONRPCMessage } from '../../src/schemas/jsonrpc.js';
import { Session } from '../../src/session/index.js';
import type { Transport } from '../../src/transport.js';
import { flush } from './helpers.js';

const VERSIONS = ['2025-11-25', '2026-07-28'] as const;
/** The shared specification sits next to the repository: `<repo>/../shared/spec`. */
const SPEC_ROOT = new URL('../../../../../shared/spec/', import.meta.url);

function validatorFor(version: string): (definition: string, value: unknown) => string | undefined {
  // ajv ships a CJS default export; unwrap it for ESM interop.
  const AjvClass = ((Ajv2020 as unknown as { default?: typeof Ajv2020 }).default ?? Ajv2020) as typeof Ajv2020;
  const ajv = new AjvClass({ strict: false });
  ajv.addSchema(JSON.parse(readFileSync(new URL(`schema/${version}/schema.json`, SPEC_ROOT), 'utf8')) as object, 'mcp');
  return (definition, value) => {
    const validate = ajv.getSchema(`mcp#/$defs/${definition}`);
    if (validate === undefined) throw new Error(`no definition ${definition}`);
    return validate(value) ? undefined : ajv.errorsText(validate.errors);
  };
}

/** Records every message sent through a transport. */
function tap(transport: Transport, wire: JSONRPCMessage[]): void {
  const send = transport.send.bind(transport);
  transport.send = (message, options) => {
    wire.push(message);
    return send(message, options);
  };
}

describe('Session messages on the wire match the official JSON Schema', () => {
  it('requests, results, errors, progress and cancellation', async () => {
    const wire: JSONRPCMessage[] = [];
    const [a, b] = createMemoryTransportPair();
    tap(a, wire);
    tap(b, wire);
    const client = new Session(a);
    const server = new Session(b);
    server.setRequestHandler('tools/call', async (_r, ctx) => {
      await ctx.progress(1, 2, 'half');
      // resultType is the modern era layer's job, not the session's; a modern handler result carries it.
      return { content: [], resultType: 'complete' };
    });
    server.setRequestHandler('fails', () => {
      throw new McpError(ErrorCode.InvalidParams, 'bad');
    });
    server.setRequestHandler('crashes', () => {
      throw new Error('secret');
    });
    server.setRequestHandler('hangs', () => new Promise(() => {}));
    await Promise.all([client.start(), server.start()]);
    await client.request('tools/call', { name: 'x' }, { onprogress: () => {} });
    await client.request('fails').catch(() => {});
    await client.request('crashes').catch(() => {});
    await client.request('nope').catch(() => {});
    const controller = new AbortController();
    const hanging = client.request('hangs', {}, { signal: controller.signal }).catch(() => {});
    await flush();
    controller.abort('stop');
    await hanging;
    await flush();

    const kinds = wire.map((m) => ('method' in m ? m.method : 'result' in m ? 'result' : 'error'));
    expect(kinds).toEqual(['tools/call', 'notifications/progress', 'result', 'fails', 'error', 'crashes', 'error', 'nope', 'error', 'hangs', 'notifications/cancelled']);
    for (const version of VERSIONS) {
      const check = validatorFor(version);
      for (const message of wire) expect(check('JSONRPCMessage', message), `${version}: ${JSON.stringify(message)}`).toBeUndefined();
      const byMethod = (method: string) => wire.find((m) => 'method' in m && m.method === method);
      expect(check('ProgressNotification', byMethod('notifications/progress'))).toBeUndefined();
      expect(check('CancelledNotification', byMethod('notifications/cancelled'))).toBeUndefined();
    }
  });
});
