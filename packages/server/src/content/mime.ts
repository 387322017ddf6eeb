/**
 * MIME type detection for image and audio content: magic bytes first, then the file extension.
 *
 * @module
 */

const SIGNATURES: ReadonlyArray<{ mime: string; bytes: ReadonlyArray<number | undefined>; offset?: number }> = [
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/gif', bytes: [0x47, 0x49, 0x46, 0x38] },
  { mime: 'image/webp', bytes: [0x52, 0x49, 0x46, 0x46, undefined, undefined, undefined, undefined, 0x57, 0x45, 0x42, 0x50] },
  { mime: 'audio/wav', bytes: [0x52, 0x49, 0x46, 0x46, undefined, undefined, undefined, undefined, 0x57, 0x41, 0x56, 0x45] },
  { mime: 'image/bmp', bytes: [0x42, 0x4d] },
  { mime: 'audio/mpeg', bytes: [0x49, 0x44, 0x33] },
  { mime: 'audio/mpeg', bytes: [0xff, 0xfb] },
  { mime: 'audio/ogg', bytes: [0x4f, 0x67, 0x67, 0x53] },
  { mime: 'audio/flac', bytes: [0x66, 0x4c, 0x61, 0x43] },
  { mime: 'audio/mp4', bytes: [0x66, 0x74, 0x79, 0x70], offset: 4 },
];

const EXTENSIONS: Record<string, string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  svg: 'image/svg+xml',
  bmp: 'image/bmp',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  flac: 'audio/flac',
  m4a: 'audio/mp4',
  webm: 'audio/webm',
  txt: 'text/plain',
  md: 'text/markdown',
  json: 'application/json',
  html: 'text/html',
  csv: 'text/csv',
  pdf: 'application/pdf',
};

/** The MIME type of `bytes` from their signature, or `undefined`. */
export function detectMimeType(bytes: Uint8Array): string | undefined {
  for (const sig of SIGNATURES) {
    const offset = sig.offset ?? 0;
    if (bytes.length < offset + sig.bytes.length) continue;
    if (sig.bytes.every((b, i) => b === undefined || bytes[offset + i] === b)) return sig.mime;
  }
  return undefined;
}

/** The MIME type of a path or URL from its extension, or `undefined`. */
export function mimeTypeFromPath(path: string): string | undefined {
  const clean = path.split(/[?#]/)[0] ?? '';
  const dot = clean.lastIndexOf('.');
  if (dot === -1) return undefined;
  return EXTENSIONS[clean.slice(dot + 1).toLowerCase()];
}
