/**
 * Keeps the server's resources in step with the folder: one static resource per file, registered
 * and removed as files come and go (the server then sends `resources/list_changed`), and
 * `notifyResourceUpdated` for files that changed.
 *
 * @module
 */
import { ErrorCode, McpError } from '@mcpkit/core';
import type { McpServer, ReadResourceReturn, RegisteredResource, ServerContext } from '@mcpkit/server';
import { basename } from 'node:path';
import { DocumentError, mimeTypeOf, uriOf, type DocumentFolder } from './documents.js';

interface Entry {
  readonly handle: RegisteredResource;
  size: number;
  mtimeMs: number;
}

/** Turns a `DocumentError` into the protocol error of the request's era. */
export function toProtocolError(error: unknown, ctx: ServerContext): unknown {
  if (!(error instanceof DocumentError)) return error;
  // Unknown resources are -32002 in the legacy era; 2026-07-28 uses -32602.
  if (error.kind === 'not-found') return new McpError(ctx.era === 'modern' ? ErrorCode.InvalidParams : ErrorCode.ResourceNotFound, error.message);
  return new McpError(ErrorCode.InvalidParams, error.message);
}

/** Reads a document as a `resources/read` return value. */
export async function readDocument(folder: DocumentFolder, path: string, maxFileBytes: number, ctx: ServerContext): Promise<ReadResourceReturn> {
  try {
    const document = await folder.read(path, maxFileBytes);
    const uri = uriOf(path);
    return 'text' in document
      ? { contents: [{ uri, mimeType: document.mimeType, text: document.text }] }
      : { contents: [{ uri, mimeType: document.mimeType, blob: Buffer.from(document.bytes).toString('base64') }] };
  } catch (error) {
    throw toProtocolError(error, ctx);
  }
}

/** The registered documents of one folder. */
export class DocumentIndex {
  readonly #server: McpServer;
  readonly #folder: DocumentFolder;
  readonly #limits: { maxFiles: number; maxFileBytes: number };
  readonly #entries = new Map<string, Entry>();

  constructor(server: McpServer, folder: DocumentFolder, limits: { maxFiles: number; maxFileBytes: number }) {
    this.#server = server;
    this.#folder = folder;
    this.#limits = limits;
  }

  /** Paths of the registered documents, sorted. */
  paths(): string[] {
    return [...this.#entries.keys()].sort();
  }

  /**
   * Rescans the folder and applies the difference. `touched` are paths the watcher named: a file
   * rewritten within the clock's resolution keeps its size and mtime, but is still announced.
   */
  sync(touched: ReadonlySet<string> = new Set()): void {
    const files = this.#folder.list(this.#limits.maxFiles);
    for (const [path, entry] of this.#entries) {
      if (!files.has(path)) {
        entry.handle.remove();
        this.#entries.delete(path);
      }
    }
    for (const [path, info] of files) {
      const entry = this.#entries.get(path);
      if (entry === undefined) {
        this.#entries.set(path, { handle: this.#register(path), ...info });
      } else if (entry.size !== info.size || entry.mtimeMs !== info.mtimeMs || touched.has(path)) {
        entry.size = info.size;
        entry.mtimeMs = info.mtimeMs;
        this.#server.notifyResourceUpdated(uriOf(path));
      }
    }
  }

  #register(path: string): RegisteredResource {
    const mimeType = mimeTypeOf(path);
    return this.#server.resource(path, uriOf(path), { title: basename(path), mimeType }, (_uri, ctx) =>
      readDocument(this.#folder, path, this.#limits.maxFileBytes, ctx),
    );
  }
}
