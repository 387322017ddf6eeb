/**
 * Content helpers for tool results and prompt messages: text, image, audio (from bytes, base64 or a
 * URL, with MIME detection), embedded resources and resource links.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode, type Annotations, type AudioContent, type EmbeddedResource, type ImageContent, type ResourceLink, type TextContent } from '@mcpkit/core';
import { detectMimeType, mimeTypeFromPath } from './mime.js';

/** Bytes, or a base64 string. */
export type BinaryInput = Uint8Array | ArrayBuffer | string;

/** Encodes bytes as base64. */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64Prefix(data: string): Uint8Array {
  try {
    const head = atob(data.slice(0, 24).replace(/[^A-Za-z0-9+/]/g, '').slice(0, 16));
    return Uint8Array.from(head, (c) => c.charCodeAt(0));
  } catch {
    return new Uint8Array();
  }
}

function encodeBinary(data: BinaryInput, mimeType: string | undefined, kind: 'image' | 'audio'): { data: string; mimeType: string } {
  const bytes = typeof data === 'string' ? undefined : data instanceof Uint8Array ? data : new Uint8Array(data);
  const base64 = bytes === undefined ? (data as string) : toBase64(bytes);
  const detected = mimeType ?? detectMimeType(bytes ?? fromBase64Prefix(base64));
  if (detected === undefined) {
    throw new McpkitError(McpkitErrorCode.InvalidArgument, `Cannot tell the MIME type of this ${kind}: pass mimeType`);
  }
  return { data: base64, mimeType: detected };
}

/** A text content block. */
export function text(value: string, annotations?: Annotations): TextContent {
  return annotations === undefined ? { type: 'text', text: value } : { type: 'text', text: value, annotations };
}

/**
 * An image content block from bytes or base64; the MIME type is detected when not given.
 *
 * @example
 * ```ts
 * return { content: [image(pngBytes)] };
 * ```
 */
export function image(data: BinaryInput, mimeType?: string, annotations?: Annotations): ImageContent {
  const out: ImageContent = { type: 'image', ...encodeBinary(data, mimeType, 'image') };
  if (annotations !== undefined) out.annotations = annotations;
  return out;
}

/** An audio content block from bytes or base64; the MIME type is detected when not given. */
export function audio(data: BinaryInput, mimeType?: string, annotations?: Annotations): AudioContent {
  const out: AudioContent = { type: 'audio', ...encodeBinary(data, mimeType, 'audio') };
  if (annotations !== undefined) out.annotations = annotations;
  return out;
}

/** Options of {@link imageFromUrl} and {@link audioFromUrl}. */
export interface FetchContentOptions {
  /** The fetch to use. Default: the global `fetch`. */
  fetch?: typeof fetch;
  /** Largest body accepted, in bytes. Default 10 MiB. */
  maxBytes?: number;
  /** MIME type to use instead of detection. */
  mimeType?: string;
  /** Aborts the download. */
  signal?: AbortSignal;
}

async function download(url: string | URL, options: FetchContentOptions): Promise<{ bytes: Uint8Array; mimeType: string | undefined }> {
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const response = await (options.fetch ?? fetch)(url, options.signal === undefined ? {} : { signal: options.signal });
  if (!response.ok) throw new McpkitError(McpkitErrorCode.Transport, `Fetching ${String(url)} failed with HTTP ${response.status}`);
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) throw new McpkitError(McpkitErrorCode.MessageTooLarge, `${String(url)} is larger than ${maxBytes} bytes`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw new McpkitError(McpkitErrorCode.MessageTooLarge, `${String(url)} is larger than ${maxBytes} bytes`);
  const header = response.headers.get('content-type')?.split(';')[0]?.trim();
  return { bytes, mimeType: options.mimeType ?? detectMimeType(bytes) ?? (header !== '' ? header : undefined) ?? mimeTypeFromPath(String(url)) };
}

/** An image content block downloaded from a URL. */
export async function imageFromUrl(url: string | URL, options: FetchContentOptions = {}): Promise<ImageContent> {
  const { bytes, mimeType } = await download(url, options);
  return image(bytes, mimeType);
}

/** An audio content block downloaded from a URL. */
export async function audioFromUrl(url: string | URL, options: FetchContentOptions = {}): Promise<AudioContent> {
  const { bytes, mimeType } = await download(url, options);
  return audio(bytes, mimeType);
}

/** An embedded resource with text or binary contents. */
export function embeddedResource(
  resource: { uri: string; mimeType?: string; text: string } | { uri: string; mimeType?: string; blob: BinaryInput },
  annotations?: Annotations,
): EmbeddedResource {
  const contents =
    'text' in resource
      ? { ...resource }
      : { ...resource, blob: typeof resource.blob === 'string' ? resource.blob : toBase64(resource.blob instanceof Uint8Array ? resource.blob : new Uint8Array(resource.blob)) };
  const out = { type: 'resource', resource: contents } as EmbeddedResource;
  if (annotations !== undefined) out.annotations = annotations;
  return out;
}

/** A link to a resource the client may read. */
export function resourceLink(link: Omit<ResourceLink, 'type'>): ResourceLink {
  return { type: 'resource_link', ...link } as ResourceLink;
}
