/**
 * The document folder on disk: URIs ↔ relative paths, confinement to the folder (symlinks
 * resolved), MIME types, listing and reading. Nothing here knows about MCP.
 *
 * @module
 */
import { readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, join, relative, resolve, sep } from 'node:path';

/** The scheme of document URIs: `docs://guides/getting-started.md`. */
export const DOCS_SCHEME = 'docs://';

/** Why a document cannot be served. */
export class DocumentError extends Error {
  /** `not-found`, `refused` (outside the folder, hidden, not a file) or `too-large`. */
  readonly kind: 'not-found' | 'refused' | 'too-large';

  /**
   * @param kind - the reason, mapped to a protocol error by the server
   * @param message - safe to show to the client: never an absolute path
   */
  constructor(kind: DocumentError['kind'], message: string) {
    super(message);
    this.name = 'DocumentError';
    this.kind = kind;
  }
}

/** The URI of a document, each path segment percent-encoded. */
export function uriOf(relativePath: string): string {
  return DOCS_SCHEME + relativePath.split('/').map(encodeURIComponent).join('/');
}

const MIME_TYPES: Record<string, string> = {
  '.md': 'text/markdown',
  '.markdown': 'text/markdown',
  '.txt': 'text/plain',
  '.csv': 'text/csv',
  '.html': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.ts': 'text/x-typescript',
  '.json': 'application/json',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.xml': 'application/xml',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
};

const TEXT_TYPES = new Set(['application/json', 'application/yaml', 'application/xml', 'image/svg+xml']);

/** The MIME type of a file, from its extension. */
export function mimeTypeOf(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Whether files of `mimeType` are served as text (the rest as base64 blobs). */
export function isTextType(mimeType: string): boolean {
  return mimeType.startsWith('text/') || TEXT_TYPES.has(mimeType);
}

function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** A document folder, its real path resolved once. */
export class DocumentFolder {
  /** The folder's real path (symlinks resolved). */
  readonly root: string;

  /** @param root - the folder; it must exist */
  constructor(root: string) {
    let real: string;
    try {
      real = realpathSync(resolve(root));
    } catch {
      throw new Error(`The documents folder "${root}" does not exist or cannot be read`);
    }
    if (!statSync(real).isDirectory()) throw new Error(`The documents folder "${root}" is not a folder`);
    this.root = real;
  }

  /**
   * Resolves a relative path to a real file inside the folder, or throws `DocumentError`.
   * Containment is checked on the real path, so `../` and symlinks that lead out are refused alike.
   */
  async resolve(relativePath: string): Promise<string> {
    if (relativePath === '' || relativePath.includes('\0')) throw new DocumentError('refused', 'Invalid document path');
    if (relativePath.split(/[/\\]/).some((segment) => segment.startsWith('.') && segment !== '.')) {
      throw new DocumentError('refused', `Refused "${relativePath}": paths with "..", or hidden files, are not served`);
    }
    const candidate = resolve(this.root, relativePath);
    if (!isInside(this.root, candidate)) throw new DocumentError('refused', `Refused "${relativePath}": it is outside the documents folder`);
    let real: string;
    try {
      real = await realpath(candidate);
    } catch {
      throw new DocumentError('not-found', `No document at "${relativePath}"`);
    }
    if (!isInside(this.root, real)) throw new DocumentError('refused', `Refused "${relativePath}": it links outside the documents folder`);
    return real;
  }

  /** Reads a document: text for text types, bytes otherwise; refuses files over `maxBytes`. */
  async read(relativePath: string, maxBytes: number): Promise<{ mimeType: string; text: string } | { mimeType: string; bytes: Uint8Array }> {
    const path = await this.resolve(relativePath);
    const info = await stat(path);
    if (!info.isFile()) throw new DocumentError('refused', `"${relativePath}" is not a file`);
    if (info.size > maxBytes) throw new DocumentError('too-large', `"${relativePath}" is ${info.size} bytes; the limit is ${maxBytes} (maxFileBytes)`);
    const bytes = new Uint8Array(await readFile(path));
    const mimeType = mimeTypeOf(path);
    if (isTextType(mimeType)) {
      try {
        return { mimeType, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
      } catch {
        // Not UTF-8 after all: serve the bytes rather than mangled text.
      }
    }
    return { mimeType, bytes };
  }

  /**
   * Lists the files (relative POSIX paths, sorted) with their size and modification time, skipping
   * hidden entries and symlinks that lead outside, up to `maxFiles`. Synchronous on purpose: the
   * server lists the folder when it is created, before any client can ask; the folder is bounded.
   */
  list(maxFiles: number): Map<string, { size: number; mtimeMs: number }> {
    const files = new Map<string, { size: number; mtimeMs: number }>();
    const walk = (dir: string): void => {
      let entries: Dirent[];
      try {
        entries = readdirSync(dir, { withFileTypes: true });
      } catch {
        return; // Removed while we looked: the next change event rescans.
      }
      entries.sort((a, b) => (a.name < b.name ? -1 : 1));
      for (const entry of entries) {
        if (files.size >= maxFiles) return;
        if (entry.name.startsWith('.')) continue;
        const path = join(dir, entry.name);
        try {
          const real = entry.isSymbolicLink() ? realpathSync(path) : path;
          if (!isInside(this.root, real)) continue;
          const info = statSync(real);
          if (info.isDirectory() && !entry.isSymbolicLink()) walk(path);
          else if (info.isFile()) files.set(relative(this.root, path).split(sep).join('/'), { size: info.size, mtimeMs: info.mtimeMs });
        } catch {
          // A dangling symlink or a file removed while listing: leave it out.
        }
      }
    };
    walk(this.root);
    return files;
  }
}
