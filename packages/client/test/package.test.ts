import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as api from '@mcpkit/client';
import type { Client, TypedCallToolResult } from '@mcpkit/client';

const SRC = join(__dirname, '..', 'src');

describe('@mcpkit/client surface', () => {
  it('exports exactly the public names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'Client',
      'DEFAULT_MAX_INPUT_ROUNDS',
      'DEFAULT_PROBE_TIMEOUT',
      'DEFAULT_REQUEST_TIMEOUT',
      'ResponseCache',
      'applyElicitationDefaults',
    ]);
  });

  it('imports no node:* module and no transport from the package root', () => {
    for (const file of readdirSync(SRC).filter((f) => f.endsWith('.ts'))) {
      const text = readFileSync(join(SRC, file), 'utf8');
      const imports = [...text.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
      for (const spec of imports) {
        expect(spec, `${file} imports ${spec}`).not.toMatch(/^node:|^@mcpkit\/transports|^ws$/);
      }
    }
  });

  it('types structuredContent from the callTool type argument', () => {
    type Weather = { temperature: number };
    const call = (client: Client) => client.callTool<Weather>({ name: 'weather' });
    expectTypeOf<Awaited<ReturnType<typeof call>>>().toEqualTypeOf<TypedCallToolResult<Weather>>();
    expectTypeOf<TypedCallToolResult<Weather>['structuredContent']>().toEqualTypeOf<Weather | undefined>();
  });
});
