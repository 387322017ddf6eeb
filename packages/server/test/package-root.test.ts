import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as server from '@mcpkit/server';

const src = fileURLToPath(new URL('../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('package root', () => {
  it('imports no node:* module and no transport outside the node subpath', () => {
    const offenders = files(src)
      .filter((f) => !relative(src, f).startsWith('node'))
      .filter((f) => /from '(node:|@mcpkit\/transports)/.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('exports exactly the public names', () => {
    expect(Object.keys(server).sort()).toMatchInlineSnapshot(`
      [
        "DEFAULT_HANDLER_TIMEOUT_MS",
        "DEFAULT_MAX_CONCURRENT_HANDLERS",
        "DEFAULT_MAX_QUEUED_HANDLERS",
        "DEFAULT_MAX_RESULT_BYTES",
        "DEFAULT_PAGE_SIZE",
        "DEFAULT_REQUEST_STATE_TTL_MS",
        "InMemoryTaskStore",
        "McpServer",
        "TASKS_EXTENSION",
        "ToolError",
        "UriTemplate",
        "audio",
        "audioFromUrl",
        "compose",
        "detectMimeType",
        "embeddedResource",
        "image",
        "imageFromUrl",
        "mimeTypeFromPath",
        "observe",
        "resourceLink",
        "text",
        "toBase64",
      ]
    `);
  });
});
