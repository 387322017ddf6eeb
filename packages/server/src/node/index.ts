/**
 * `@mcpkit/server/node`: content helpers that read files (Node only; the package root imports no
 * `node:*` module).
 *
 * @packageDocumentation
 */
import { readFile } from 'node:fs/promises';
import type { AudioContent, ImageContent } from '@mcpkit/core';
import { audio, image } from '../content/helpers.js';
import { detectMimeType, mimeTypeFromPath } from '../content/mime.js';

/** An image content block read from a file; MIME type from the bytes, then the extension. */
export async function imageFromFile(path: string, mimeType?: string): Promise<ImageContent> {
  const bytes = new Uint8Array(await readFile(path));
  return image(bytes, mimeType ?? detectMimeType(bytes) ?? mimeTypeFromPath(path));
}

/** An audio content block read from a file; MIME type from the bytes, then the extension. */
export async function audioFromFile(path: string, mimeType?: string): Promise<AudioContent> {
  const bytes = new Uint8Array(await readFile(path));
  return audio(bytes, mimeType ?? detectMimeType(bytes) ?? mimeTypeFromPath(path));
}
