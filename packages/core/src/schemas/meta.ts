/**
 * Common structures of every MCP version: `_meta` objects, tokens, icons, annotations,
 * implementation info and the base shapes of requests, notifications and results.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ClientCapabilitiesSchema } from './capabilities.js';
import { JSONRPC_VERSION, RequestIdSchema } from './jsonrpc.js';

/** A progress token: associates progress notifications with the request that asked for them. */
export const ProgressTokenSchema = z.union([z.string(), z.int()]);
/** A progress token: associates progress notifications with the request that asked for them. */
export type ProgressToken = z.infer<typeof ProgressTokenSchema>;

/** An opaque pagination cursor. */
export const CursorSchema = z.string();
/** An opaque pagination cursor. */
export type Cursor = z.infer<typeof CursorSchema>;

/** The sender or recipient of a message in a conversation. */
export const RoleSchema = z.enum(['user', 'assistant']);
/** The sender or recipient of a message in a conversation. */
export type Role = z.infer<typeof RoleSchema>;

/** Severity of a log message (RFC 5424 levels). */
export const LoggingLevelSchema = z.enum([
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
]);
/** Severity of a log message (RFC 5424 levels). */
export type LoggingLevel = z.infer<typeof LoggingLevelSchema>;

/** An icon for display in a user interface. `src` is an `https:` or `data:` URI. */
export const IconSchema = z.looseObject({
  src: z.string(),
  mimeType: z.optional(z.string()),
  sizes: z.optional(z.array(z.string())),
  theme: z.optional(z.enum(['light', 'dark'])),
});
/** An icon for display in a user interface. `src` is an `https:` or `data:` URI. */
export interface Icon extends z.infer<typeof IconSchema> {}

/** Shared `icons` member of tools, prompts, resources and implementations. */
export const IconsSchema = z.looseObject({ icons: z.optional(z.array(IconSchema)) });
/** Shared `icons` member of tools, prompts, resources and implementations. */
export interface Icons extends z.infer<typeof IconsSchema> {}

const annotationsSchema = z.looseObject({
  audience: z.optional(z.array(RoleSchema)),
  priority: z.optional(z.number().check(z.gte(0), z.lte(1))),
  lastModified: z.optional(z.string()),
});
/** Hints to the client on how to use or display an object. */
export interface Annotations extends z.infer<typeof annotationsSchema> {}
/** Hints to the client on how to use or display an object. */
export const AnnotationsSchema: z.ZodMiniType<Annotations> = annotationsSchema;

/** A programmatic `name` and an optional display `title`. */
export const BaseMetadataSchema = z.looseObject({ name: z.string(), title: z.optional(z.string()) });
/** A programmatic `name` and an optional display `title`. */
export interface BaseMetadata extends z.infer<typeof BaseMetadataSchema> {}

const implementationSchema = z.looseObject({
  name: z.string(),
  title: z.optional(z.string()),
  version: z.string(),
  description: z.optional(z.string()),
  icons: z.optional(z.array(IconSchema)),
  websiteUrl: z.optional(z.string()),
});
/** Name and version of an MCP client or server. */
export interface Implementation extends z.infer<typeof implementationSchema> {}
/** Name and version of an MCP client or server. */
export const ImplementationSchema: z.ZodMiniType<Implementation> = implementationSchema;

/** A `_meta` object: free-form metadata; `io.modelcontextprotocol/`-prefixed keys are reserved. */
export const MetaObjectSchema = z.looseObject({});
/** A `_meta` object: free-form metadata; `io.modelcontextprotocol/`-prefixed keys are reserved. */
export interface MetaObject extends z.infer<typeof MetaObjectSchema> {}

const requestMetaObjectSchema = z.looseObject({
  progressToken: z.optional(ProgressTokenSchema),
  'io.modelcontextprotocol/protocolVersion': z.optional(z.string()),
  'io.modelcontextprotocol/clientCapabilities': z.optional(ClientCapabilitiesSchema),
  'io.modelcontextprotocol/clientInfo': z.optional(ImplementationSchema),
  'io.modelcontextprotocol/logLevel': z.optional(LoggingLevelSchema),
});
/** The `_meta` of a request. See {@link RequestMetaObjectSchema}. */
export interface RequestMetaObject extends z.infer<typeof requestMetaObjectSchema> {}
/**
 * The `_meta` of a request. In the modern era it carries the envelope (protocol version and
 * client capabilities are required there); legacy requests carry at most a `progressToken`, so
 * every key is optional here and the era layer enforces the envelope.
 */
export const RequestMetaObjectSchema: z.ZodMiniType<RequestMetaObject> = requestMetaObjectSchema;

/** The `_meta` of a notification; tagged with the subscription id on a `subscriptions/listen` stream. */
export const NotificationMetaObjectSchema = z.looseObject({
  'io.modelcontextprotocol/subscriptionId': z.optional(RequestIdSchema),
});
/** The `_meta` of a notification. */
export interface NotificationMetaObject extends z.infer<typeof NotificationMetaObjectSchema> {}

const resultMetaObjectSchema = z.looseObject({
  'io.modelcontextprotocol/serverInfo': z.optional(ImplementationSchema),
});
/** The `_meta` of a result. */
export interface ResultMetaObject extends z.infer<typeof resultMetaObjectSchema> {}
/** The `_meta` of a result; modern servers identify themselves here. */
export const ResultMetaObjectSchema: z.ZodMiniType<ResultMetaObject> = resultMetaObjectSchema;

/** Kind of a result: `'complete'`, `'input_required'`, `'task'` (tasks extension) or another string. */
export const ResultTypeSchema = z.string();
/** Kind of a result. An absent `resultType` (legacy servers) means `'complete'`. */
export type ResultType = 'complete' | 'input_required' | (string & {});

/** Members of every request's params. Spread into params shapes. */
export const requestParamsShape = { _meta: z.optional(RequestMetaObjectSchema) };
/** Members of every notification's params. Spread into params shapes. */
export const notificationParamsShape = { _meta: z.optional(NotificationMetaObjectSchema) };
/** Members of every result. Spread into result shapes. */
export const resultShape = { _meta: z.optional(ResultMetaObjectSchema), resultType: z.optional(ResultTypeSchema) };
/** Members of every cacheable (list or read) result. Spread into result shapes. */
export const cacheableShape = {
  ttlMs: z.optional(z.int().check(z.gte(0))),
  cacheScope: z.optional(z.enum(['private', 'public'])),
};
/** The JSON-RPC members of a request message. Spread into request shapes. */
export const requestEnvelopeShape = { jsonrpc: z.literal(JSONRPC_VERSION), id: RequestIdSchema };
/** The JSON-RPC member of a notification message. Spread into notification shapes. */
export const notificationEnvelopeShape = { jsonrpc: z.literal(JSONRPC_VERSION) };

const paramsObject = z.looseObject({});

/** A request without its JSON-RPC members: a method and optional params. */
export const RequestSchema = z.looseObject({ method: z.string(), params: z.optional(paramsObject) });
/** A request without its JSON-RPC members. */
export interface Request extends z.infer<typeof RequestSchema> {}

/** A notification without its JSON-RPC member: a method and optional params. */
export const NotificationSchema = z.looseObject({ method: z.string(), params: z.optional(paramsObject) });
/** A notification without its JSON-RPC member. */
export interface Notification extends z.infer<typeof NotificationSchema> {}

/** Params of a request that has none of its own. */
export const RequestParamsSchema = z.looseObject({ ...requestParamsShape });
/** Params of a request that has none of its own. */
export interface RequestParams extends z.infer<typeof RequestParamsSchema> {}

/** Params of a paginated list request. */
export const PaginatedRequestParamsSchema = z.looseObject({ ...requestParamsShape, cursor: z.optional(CursorSchema) });
/** Params of a paginated list request. */
export interface PaginatedRequestParams extends z.infer<typeof PaginatedRequestParamsSchema> {}

/** A paginated list request (any list method). */
export const PaginatedRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.string(),
  params: z.optional(PaginatedRequestParamsSchema),
});
/** A paginated list request (any list method). */
export interface PaginatedRequest extends z.infer<typeof PaginatedRequestSchema> {}

/** Params of a notification that has none of its own. */
export const NotificationParamsSchema = z.looseObject({ ...notificationParamsShape });
/** Params of a notification that has none of its own. */
export interface NotificationParams extends z.infer<typeof NotificationParamsSchema> {}

/** Any result. Modern results carry `resultType`; legacy ones do not. */
export const ResultSchema = z.looseObject({ ...resultShape });
/** Any result. Modern results carry `resultType`; legacy ones do not. */
export interface Result extends z.infer<typeof ResultSchema> {}

/** A result with no data of its own (ping, acknowledgements). */
export const EmptyResultSchema = ResultSchema;
/** A result with no data of its own. */
export type EmptyResult = Result;

/** A result that may have another page, fetched with `nextCursor`. */
export const PaginatedResultSchema = z.looseObject({ ...resultShape, nextCursor: z.optional(CursorSchema) });
/** A result that may have another page. */
export interface PaginatedResult extends z.infer<typeof PaginatedResultSchema> {}

/** A result the client may cache for `ttlMs` milliseconds within `cacheScope` (2026-07-28). */
export const CacheableResultSchema = z.looseObject({ ...resultShape, ...cacheableShape });
/** A result the client may cache (2026-07-28). */
export interface CacheableResult extends z.infer<typeof CacheableResultSchema> {}
