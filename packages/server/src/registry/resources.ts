/**
 * Resource and resource-template registrations.
 *
 * @module
 */
import type { Annotations, BlobResourceContents, Icon, Resource, ResourceTemplate, TextResourceContents } from '@mcpkit/core';
import type { ServerContext } from '../context/server-context.js';
import type { CacheHints } from './registry.js';
import { UriTemplate, type UriVariables } from './uri-template.js';

/** Metadata of a resource or template, as listed. */
export interface ResourceConfig {
  /** Display name. */
  title?: string;
  /** What it holds. */
  description?: string;
  /** MIME type of its contents. */
  mimeType?: string;
  /** Size in bytes, if known. */
  size?: number;
  /** Audience and priority hints. */
  annotations?: Annotations;
  /** Icons for user interfaces. */
  icons?: Icon[];
  /** Extra `_meta`. */
  _meta?: Record<string, unknown>;
  /** Caching hints of `resources/read` results (modern era). */
  cache?: CacheHints;
}

/** One item of `contents`, text or binary; `uri` and `mimeType` default to the resource's. */
export type ResourceContentsInput =
  | (Omit<TextResourceContents, 'uri'> & { uri?: string })
  | (Omit<BlobResourceContents, 'uri'> & { uri?: string });

/** What a read handler returns: contents, or a string (text) or bytes (blob) as one item. */
export type ReadResourceReturn = { contents: ResourceContentsInput[] } | string | Uint8Array;

/**
 * Reads a static resource. Returning `undefined` means "no such resource": the client gets the
 * era's not-found error (-32002 legacy, -32602 modern).
 */
export type ResourceReadHandler = (
  uri: string,
  ctx: ServerContext,
) => ReadResourceReturn | undefined | Promise<ReadResourceReturn | undefined>;

/** Names of the variables of an RFC 6570 template string, from its type. */
export type TemplateVariableNames<T extends string> = T extends `${string}{${infer Expr}}${infer Rest}`
  ? ExpressionNames<Expr> | TemplateVariableNames<Rest>
  : never;
type ExpressionNames<E extends string> = E extends `${'+' | '#' | '.' | '/' | ';' | '?' | '&'}${infer Body}` ? ListNames<Body> : ListNames<E>;
type ListNames<B extends string> = B extends `${infer Head},${infer Tail}` ? CleanName<Head> | ListNames<Tail> : CleanName<B>;
type CleanName<N extends string> = N extends `${infer Base}*` ? Base : N extends `${infer Base}:${string}` ? Base : N;

/** The variables a template handler receives, typed from the template text. */
export type TemplateVariables<T extends string> = string extends T ? UriVariables : { [K in TemplateVariableNames<T>]: string | string[] };

/** Completes one template variable or prompt argument: the candidates for a partial `value`. */
export type Completer = (value: string, context: { arguments: Record<string, string> }) => readonly string[] | Promise<readonly string[]>;

/** Config of a resource template. */
export interface ResourceTemplateConfig<T extends string> extends Omit<ResourceConfig, 'size'> {
  /** Completers of the template's variables (`completion/complete` with `ref/resource`). */
  complete?: { [K in TemplateVariableNames<T>]?: Completer };
  /** Lists concrete resources of this template in `resources/list`. */
  list?: (ctx: ServerContext) => Resource[] | Promise<Resource[]>;
}

/** Reads a resource of a template. */
export type TemplateReadHandler<T extends string> = (
  uri: string,
  variables: TemplateVariables<T>,
  ctx: ServerContext,
) => ReadResourceReturn | undefined | Promise<ReadResourceReturn | undefined>;

/** The handle of a registered resource or template. */
export interface RegisteredResource {
  /** The resource's URI or the template's name. */
  readonly key: string;
  /** Unregisters it (clients are told the list changed). */
  remove(): boolean;
}

/** What the server keeps of a static resource. */
export interface ResourceEntry {
  readonly uri: string;
  readonly definition: Resource;
  readonly cache: CacheHints | undefined;
  readonly read: ResourceReadHandler;
}

/** What the server keeps of a template. */
export interface TemplateEntry {
  readonly name: string;
  readonly template: UriTemplate;
  readonly definition: ResourceTemplate;
  readonly cache: CacheHints | undefined;
  readonly complete: Record<string, Completer | undefined>;
  readonly list: ((ctx: ServerContext) => Resource[] | Promise<Resource[]>) | undefined;
  readonly read: (uri: string, variables: UriVariables, ctx: ServerContext) => ReadResourceReturn | Promise<ReadResourceReturn>;
}

function describe<T extends { name: string }>(base: T, config: ResourceConfig): T {
  const out: Record<string, unknown> = { ...base };
  for (const key of ['title', 'description', 'mimeType', 'size', 'annotations', 'icons', '_meta'] as const) {
    if (config[key] !== undefined) out[key] = config[key];
  }
  return out as T;
}

/** Builds the entry of a static resource. */
export function buildResourceEntry(name: string, uri: string, config: ResourceConfig, read: ResourceReadHandler): ResourceEntry {
  return { uri, definition: describe<Resource>({ name, uri } as Resource, config), cache: config.cache, read };
}

/** Builds the entry of a template (throws `SyntaxError` for a malformed template). */
export function buildTemplateEntry<T extends string>(
  name: string,
  uriTemplate: T,
  config: ResourceTemplateConfig<T>,
  read: TemplateReadHandler<T>,
): TemplateEntry {
  const { complete, list, ...meta } = config;
  return {
    name,
    template: new UriTemplate(uriTemplate),
    definition: describe<ResourceTemplate>({ name, uriTemplate } as ResourceTemplate, meta),
    cache: config.cache,
    complete: (complete ?? {}) as Record<string, Completer | undefined>,
    list,
    read: read as TemplateEntry['read'],
  };
}
