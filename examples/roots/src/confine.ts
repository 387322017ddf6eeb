/**
 * Confinement to the client's roots. A path is allowed only if it lies inside a root both as
 * written and after `realpath` resolved every symlink, so `../` and links that lead out are refused
 * alike. Nothing here knows about MCP.
 *
 * @module
 */
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A root the client shared, resolved on disk. */
export interface AllowedRoot {
  /** The root's `file://` URI as the client sent it. */
  uri: string;
  /** Its name, if the client gave one. */
  name: string | undefined;
  /** Its path as written in the URI (resolved, not through symlinks). */
  path: string;
  /** Its real path. */
  real: string;
}

/** A path the tools refuse, or cannot find; the message is safe to show. */
export class PathError extends Error {
  /** @param message - says which path and why */
  constructor(message: string) {
    super(message);
    this.name = 'PathError';
  }
}

/** Whether `path` is `root` or inside it. */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/**
 * Turns the client's roots into folders on disk. Roots that are not `file://` URIs, or that do
 * not exist as directories, are left out: they cannot be served.
 */
export async function resolveRoots(roots: ReadonlyArray<{ uri: string; name?: string | undefined }>): Promise<AllowedRoot[]> {
  const allowed: AllowedRoot[] = [];
  for (const root of roots) {
    if (!root.uri.startsWith('file://')) continue;
    try {
      const path = resolve(fileURLToPath(root.uri));
      const real = await realpath(path);
      if ((await stat(real)).isDirectory()) allowed.push({ uri: root.uri, name: root.name, path, real });
    } catch {
      // A malformed URI or a folder that is gone: not a root we can serve.
    }
  }
  return allowed;
}

/**
 * Resolves `input` — an absolute path, a `file://` URI, or a path relative to the first root —
 * to a real path inside one of `roots`.
 *
 * @throws PathError when it is outside every root (as written or through a symlink), or missing
 */
export async function confine(roots: readonly AllowedRoot[], input: string): Promise<{ real: string; root: AllowedRoot }> {
  const first = roots[0];
  if (first === undefined) throw new PathError('The client shared no file:// roots: there is nothing this server may access');
  if (input.includes('\0')) throw new PathError('Invalid path: it contains a NUL character');
  let written: string;
  try {
    written = input.startsWith('file://') ? fileURLToPath(input) : input;
  } catch {
    throw new PathError(`Invalid file URI: ${input}`);
  }
  const candidate = isAbsolute(written) ? resolve(written) : resolve(first.real, written);
  // The lexical check refuses `../` before the file system is touched at all.
  if (!roots.some((root) => isInside(root.path, candidate) || isInside(root.real, candidate))) {
    throw new PathError(`Access denied: "${input}" is outside the client's roots`);
  }
  let real: string;
  try {
    real = await realpath(candidate);
  } catch {
    throw new PathError(`Not found: "${input}"`);
  }
  const root = roots.find((r) => isInside(r.real, real));
  if (root === undefined) throw new PathError(`Access denied: "${input}" resolves (through a symbolic link) outside the client's roots`);
  return { real, root };
}
