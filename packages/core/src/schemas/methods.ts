/**
 * Method tables: for each MCP method, the schema of its params and of its result, and the eras
 * it belongs to. The server validates inbound params with them and the client validates results.
 *
 * @example
 * ```ts
 * const entry = REQUEST_SCHEMAS['tools/call'];
 * const checked = entry.params.safeParse(message.params ?? {});
 * if (!checked.success) throw new McpError(ErrorCode.InvalidParams, 'Invalid params for tools/call');
 * ```
 *
 * @module
 */
import * as z from 'zod/mini';
import { CompleteRequestParamsSchema, CompleteResultSchema } from './completion.js';
import {
  ElicitRequestParamsSchema,
  ElicitResultSchema,
  ElicitationCompleteNotificationParamsSchema,
} from './elicitation.js';
import {
  CancelledNotificationParamsSchema,
  DiscoverResultSchema,
  InitializeRequestParamsSchema,
  InitializeResultSchema,
  ProgressNotificationParamsSchema,
} from './lifecycle.js';
import { LoggingMessageNotificationParamsSchema, SetLevelRequestParamsSchema } from './logging.js';
import {
  EmptyResultSchema,
  NotificationParamsSchema,
  PaginatedRequestParamsSchema,
  RequestParamsSchema,
} from './meta.js';
import { GetPromptRequestParamsSchema, GetPromptResultSchema, ListPromptsResultSchema } from './prompts.js';
import {
  ListResourceTemplatesResultSchema,
  ListResourcesResultSchema,
  ReadResourceRequestParamsSchema,
  ReadResourceResultSchema,
  ResourceUpdatedNotificationParamsSchema,
} from './resources.js';
import { ListRootsResultSchema } from './roots.js';
import { CreateMessageResultSchema } from './sampling-message.js';
import { CreateMessageRequestParamsSchema } from './sampling.js';
import {
  SubscribeRequestParamsSchema,
  SubscriptionsAcknowledgedNotificationParamsSchema,
  SubscriptionsListenRequestParamsSchema,
  SubscriptionsListenResultSchema,
  UnsubscribeRequestParamsSchema,
} from './subscriptions.js';
import {
  ModernGetTaskResultSchema,
  ModernTaskStatusNotificationParamsSchema,
  TaskAcknowledgementResultSchema,
  UpdateTaskRequestParamsSchema,
} from './tasks-extension.js';
import {
  CancelTaskResultSchema,
  GetTaskPayloadResultSchema,
  GetTaskResultSchema,
  ListTasksResultSchema,
  TaskRequestParamsSchema,
  TaskStatusNotificationParamsSchema,
} from './tasks.js';
import { CallToolRequestParamsSchema, CallToolResultSchema, ListToolsResultSchema } from './tools.js';

/** Which eras a method exists in. */
export type MethodEra = 'legacy' | 'modern' | 'both';

/** The schemas of one request method. */
export interface RequestMethodSchemas {
  /** Validates `params` (pass `params ?? {}` when the message has none). */
  readonly params: z.ZodMiniType;
  /** Validates the result. Check `resultType === 'input_required'` first where MRTR applies. */
  readonly result: z.ZodMiniType;
  /** The eras the method exists in. */
  readonly era: MethodEra;
}

/** The schema of one notification method. */
export interface NotificationMethodSchemas {
  /** Validates `params` (pass `params ?? {}` when the message has none). */
  readonly params: z.ZodMiniType;
  /** The eras the method exists in. */
  readonly era: MethodEra;
}

/** Every request method of every supported version, with its params and result schemas. */
export const REQUEST_SCHEMAS = {
  initialize: { params: InitializeRequestParamsSchema, result: InitializeResultSchema, era: 'legacy' },
  ping: { params: RequestParamsSchema, result: EmptyResultSchema, era: 'legacy' },
  'server/discover': { params: RequestParamsSchema, result: DiscoverResultSchema, era: 'modern' },
  'resources/list': { params: PaginatedRequestParamsSchema, result: ListResourcesResultSchema, era: 'both' },
  'resources/templates/list': {
    params: PaginatedRequestParamsSchema,
    result: ListResourceTemplatesResultSchema,
    era: 'both',
  },
  'resources/read': { params: ReadResourceRequestParamsSchema, result: ReadResourceResultSchema, era: 'both' },
  'resources/subscribe': { params: SubscribeRequestParamsSchema, result: EmptyResultSchema, era: 'legacy' },
  'resources/unsubscribe': { params: UnsubscribeRequestParamsSchema, result: EmptyResultSchema, era: 'legacy' },
  'subscriptions/listen': {
    params: SubscriptionsListenRequestParamsSchema,
    result: SubscriptionsListenResultSchema,
    era: 'modern',
  },
  'prompts/list': { params: PaginatedRequestParamsSchema, result: ListPromptsResultSchema, era: 'both' },
  'prompts/get': { params: GetPromptRequestParamsSchema, result: GetPromptResultSchema, era: 'both' },
  'tools/list': { params: PaginatedRequestParamsSchema, result: ListToolsResultSchema, era: 'both' },
  'tools/call': { params: CallToolRequestParamsSchema, result: CallToolResultSchema, era: 'both' },
  'completion/complete': { params: CompleteRequestParamsSchema, result: CompleteResultSchema, era: 'both' },
  'logging/setLevel': { params: SetLevelRequestParamsSchema, result: EmptyResultSchema, era: 'legacy' },
  'tasks/get': {
    params: TaskRequestParamsSchema,
    result: z.union([GetTaskResultSchema, ModernGetTaskResultSchema]),
    era: 'both',
  },
  'tasks/result': { params: TaskRequestParamsSchema, result: GetTaskPayloadResultSchema, era: 'legacy' },
  'tasks/cancel': {
    params: TaskRequestParamsSchema,
    result: z.union([CancelTaskResultSchema, TaskAcknowledgementResultSchema]),
    era: 'both',
  },
  'tasks/list': { params: PaginatedRequestParamsSchema, result: ListTasksResultSchema, era: 'legacy' },
  'tasks/update': { params: UpdateTaskRequestParamsSchema, result: TaskAcknowledgementResultSchema, era: 'modern' },
  'sampling/createMessage': {
    params: CreateMessageRequestParamsSchema,
    result: CreateMessageResultSchema,
    era: 'both',
  },
  'roots/list': { params: RequestParamsSchema, result: ListRootsResultSchema, era: 'both' },
  'elicitation/create': { params: ElicitRequestParamsSchema, result: ElicitResultSchema, era: 'both' },
} as const satisfies Record<string, RequestMethodSchemas>;

/** Every notification method of every supported version, with its params schema. */
export const NOTIFICATION_SCHEMAS = {
  'notifications/cancelled': { params: CancelledNotificationParamsSchema, era: 'both' },
  'notifications/initialized': { params: NotificationParamsSchema, era: 'legacy' },
  'notifications/progress': { params: ProgressNotificationParamsSchema, era: 'both' },
  'notifications/message': { params: LoggingMessageNotificationParamsSchema, era: 'both' },
  'notifications/resources/list_changed': { params: NotificationParamsSchema, era: 'both' },
  'notifications/resources/updated': { params: ResourceUpdatedNotificationParamsSchema, era: 'both' },
  'notifications/prompts/list_changed': { params: NotificationParamsSchema, era: 'both' },
  'notifications/tools/list_changed': { params: NotificationParamsSchema, era: 'both' },
  'notifications/roots/list_changed': { params: NotificationParamsSchema, era: 'legacy' },
  'notifications/subscriptions/acknowledged': {
    params: SubscriptionsAcknowledgedNotificationParamsSchema,
    era: 'modern',
  },
  'notifications/elicitation/complete': { params: ElicitationCompleteNotificationParamsSchema, era: 'legacy' },
  'notifications/tasks/status': { params: TaskStatusNotificationParamsSchema, era: 'legacy' },
  'notifications/tasks': { params: ModernTaskStatusNotificationParamsSchema, era: 'modern' },
} as const satisfies Record<string, NotificationMethodSchemas>;

/** A request method name MCP defines. */
export type RequestMethod = keyof typeof REQUEST_SCHEMAS;
/** A notification method name MCP defines. */
export type NotificationMethod = keyof typeof NOTIFICATION_SCHEMAS;
/** The params type of request method `M`. */
export type RequestParamsOf<M extends RequestMethod> = z.infer<(typeof REQUEST_SCHEMAS)[M]['params']>;
/** The result type of request method `M`. */
export type ResultOf<M extends RequestMethod> = z.infer<(typeof REQUEST_SCHEMAS)[M]['result']>;
/** The params type of notification method `M`. */
export type NotificationParamsOf<M extends NotificationMethod> = z.infer<(typeof NOTIFICATION_SCHEMAS)[M]['params']>;

/** True if `method` is a request method MCP defines. */
export function isRequestMethod(method: string): method is RequestMethod {
  return Object.prototype.hasOwnProperty.call(REQUEST_SCHEMAS, method);
}

/** True if `method` is a notification method MCP defines. */
export function isNotificationMethod(method: string): method is NotificationMethod {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_SCHEMAS, method);
}
