/**
 * Turns a fetched body into text for the model: HTML becomes markdown (turndown), text types are
 * returned as they are, anything else is refused.
 *
 * @module
 */
import { ToolError } from '@mcpkit/server';
import TurndownService from 'turndown';

/** The body as text, and what it was. */
export interface PageText {
  /** Markdown (for HTML) or the text itself. */
  text: string;
  /** `markdown` when converted from HTML, otherwise `text`. */
  format: 'markdown' | 'text';
  /** The `<title>` of an HTML page. */
  title?: string;
}

const HTML_TYPES = new Set(['text/html', 'application/xhtml+xml']);
const TEXT_TYPES = new Set(['application/json', 'application/xml', 'application/javascript', 'application/ld+json', 'application/rss+xml', 'application/atom+xml']);

/** The media type and charset of a `Content-Type` header. */
export function parseContentType(header: string | undefined): { type: string; charset: string | undefined } {
  const [type = '', ...params] = (header ?? '').split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1]).find((c) => c !== undefined);
  return { type: type.trim().toLowerCase(), charset };
}

function isSupportedType(type: string): boolean {
  return HTML_TYPES.has(type) || type.startsWith('text/') || TEXT_TYPES.has(type) || type.endsWith('+json') || type.endsWith('+xml');
}

/** Throws a `ToolError` unless bodies of this `Content-Type` are returned (HTML and text ones). */
export function assertSupportedType(contentType: string | undefined): void {
  const { type } = parseContentType(contentType);
  if (!isSupportedType(type)) {
    throw new ToolError(`The URL returned ${type === '' ? 'no Content-Type' : type}, which is not text or HTML; only text and HTML pages are fetched.`);
  }
}

function decode(body: Buffer, charset: string | undefined): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(body);
  } catch {
    // An unknown charset label: UTF-8 is the best guess on the web.
    return new TextDecoder('utf-8').decode(body);
  }
}

function htmlTitle(html: string): string | undefined {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html);
  const title = match?.[1]?.replace(/\s+/g, ' ').trim();
  return title === undefined || title === '' ? undefined : title;
}

function markdownOf(html: string): string {
  const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
  // Scripts, styles and embedded documents are not content for a reader.
  turndown.remove(['script', 'style', 'noscript', 'iframe', 'object', 'embed', 'template', 'head', 'title']);
  return turndown.turndown(html).replace(/\n{3,}/g, '\n\n').trim();
}

/** Converts a body of type `contentType`; throws a `ToolError` for types that are not text. */
export function toText(body: Buffer, contentType: string | undefined): PageText {
  assertSupportedType(contentType);
  const { type, charset } = parseContentType(contentType);
  const text = decode(body, charset);
  if (!HTML_TYPES.has(type)) return { text, format: 'text' };
  const title = htmlTitle(text);
  return { text: markdownOf(text), format: 'markdown', ...(title === undefined ? {} : { title }) };
}
