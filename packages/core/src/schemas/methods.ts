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

/** One entry of {@link REQUEST_SCHEMAS}. */
export interface RequestEntry<P extends z.ZodMiniType, R extends z.ZodMiniType, E extends MethodEra>
  extends RequestMethodSchemas {
  readonly params: P;
  readonly result: R;
  readonly era: E;
}

/** One entry of {@link NOTIFICATION_SCHEMAS}. */
export interface NotificationEntry<P extends z.ZodMiniType, E extends MethodEra> extends NotificationMethodSchemas {
  readonly params: P;
  readonly era: E;
}

/** Every request method of every supported version, with its params and result schemas. */
/** The type of {@link REQUEST_SCHEMAS}: each method's schemas, named so declarations stay small. */
export interface RequestSchemaTable {
  readonly initialize: RequestEntry<typeof InitializeRequestParamsSchema, typeof InitializeResultSchema, 'legacy'>;
  readonly ping: RequestEntry<typeof RequestParamsSchema, typeof EmptyResultSchema, 'legacy'>;
  readonly 'server/discover': RequestEntry<typeof RequestParamsSchema, typeof DiscoverResultSchema, 'modern'>;
  readonly 'resources/list': RequestEntry<
    typeof PaginatedRequestParamsSchema,
    typeof ListResourcesResultSchema,
    'both'
  >;
  readonly 'resources/templates/list': RequestEntry<
    typeof PaginatedRequestParamsSchema,
    typeof ListResourceTemplatesResultSchema,
    'both'
  >;
  readonly 'resources/read': RequestEntry<
    typeof ReadResourceRequestParamsSchema,
    typeof ReadResourceResultSchema,
    'both'
  >;
  readonly 'resources/subscribe': RequestEntry<typeof SubscribeRequestParamsSchema, typeof EmptyResultSchema, 'legacy'>;
  readonly 'resources/unsubscribe': RequestEntry<
    typeof UnsubscribeRequestParamsSchema,
    typeof EmptyResultSchema,
    'legacy'
  >;
  readonly 'subscriptions/listen': RequestEntry<
    typeof SubscriptionsListenRequestParamsSchema,
    typeof SubscriptionsListenResultSchema,
    'modern'
  >;
  readonly 'prompts/list': RequestEntry<typeof PaginatedRequestParamsSchema, typeof ListPromptsResultSchema, 'both'>;
  readonly 'prompts/get': RequestEntry<typeof GetPromptRequestParamsSchema, typeof GetPromptResultSchema, 'both'>;
  readonly 'tools/list': RequestEntry<typeof PaginatedRequestParamsSchema, typeof ListToolsResultSchema, 'both'>;
  readonly 'tools/call': RequestEntry<typeof CallToolRequestParamsSchema, typeof CallToolResultSchema, 'both'>;
  readonly 'completion/complete': RequestEntry<typeof CompleteRequestParamsSchema, typeof CompleteResultSchema, 'both'>;
  readonly 'logging/setLevel': RequestEntry<typeof SetLevelRequestParamsSchema, typeof EmptyResultSchema, 'legacy'>;
  readonly 'tasks/get': RequestEntry<
    typeof TaskRequestParamsSchema,
    z.ZodMiniType<z.infer<typeof GetTaskResultSchema> | z.infer<typeof ModernGetTaskResultSchema>>,
    'both'
  >;
  readonly 'tasks/result': RequestEntry<typeof TaskRequestParamsSchema, typeof GetTaskPayloadResultSchema, 'legacy'>;
  readonly 'tasks/cancel': RequestEntry<
    typeof TaskRequestParamsSchema,
    z.ZodMiniType<z.infer<typeof CancelTaskResultSchema> | z.infer<typeof TaskAcknowledgementResultSchema>>,
    'both'
  >;
  readonly 'tasks/list': RequestEntry<typeof PaginatedRequestParamsSchema, typeof ListTasksResultSchema, 'legacy'>;
  readonly 'tasks/update': RequestEntry<
    typeof UpdateTaskRequestParamsSchema,
    typeof TaskAcknowledgementResultSchema,
    'modern'
  >;
  readonly 'sampling/createMessage': RequestEntry<
    typeof CreateMessageRequestParamsSchema,
    typeof CreateMessageResultSchema,
    'both'
  >;
  readonly 'roots/list': RequestEntry<typeof RequestParamsSchema, typeof ListRootsResultSchema, 'both'>;
  readonly 'elicitation/create': RequestEntry<typeof ElicitRequestParamsSchema, typeof ElicitResultSchema, 'both'>;
}

export const REQUEST_SCHEMAS: RequestSchemaTable = {
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
};

/** Every notification method of every supported version, with its params schema. */
/** The type of {@link NOTIFICATION_SCHEMAS}. */
export interface NotificationSchemaTable {
  readonly 'notifications/cancelled': NotificationEntry<typeof CancelledNotificationParamsSchema, 'both'>;
  readonly 'notifications/initialized': NotificationEntry<typeof NotificationParamsSchema, 'legacy'>;
  readonly 'notifications/progress': NotificationEntry<typeof ProgressNotificationParamsSchema, 'both'>;
  readonly 'notifications/message': NotificationEntry<typeof LoggingMessageNotificationParamsSchema, 'both'>;
  readonly 'notifications/resources/list_changed': NotificationEntry<typeof NotificationParamsSchema, 'both'>;
  readonly 'notifications/resources/updated': NotificationEntry<typeof ResourceUpdatedNotificationParamsSchema, 'both'>;
  readonly 'notifications/prompts/list_changed': NotificationEntry<typeof NotificationParamsSchema, 'both'>;
  readonly 'notifications/tools/list_changed': NotificationEntry<typeof NotificationParamsSchema, 'both'>;
  readonly 'notifications/roots/list_changed': NotificationEntry<typeof NotificationParamsSchema, 'legacy'>;
  readonly 'notifications/subscriptions/acknowledged': NotificationEntry<
    typeof SubscriptionsAcknowledgedNotificationParamsSchema,
    'modern'
  >;
  readonly 'notifications/elicitation/complete': NotificationEntry<
    typeof ElicitationCompleteNotificationParamsSchema,
    'legacy'
  >;
  readonly 'notifications/tasks/status': NotificationEntry<typeof TaskStatusNotificationParamsSchema, 'legacy'>;
  readonly 'notifications/tasks': NotificationEntry<typeof ModernTaskStatusNotificationParamsSchema, 'modern'>;
}

export const NOTIFICATION_SCHEMAS: NotificationSchemaTable = {
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
};

/** A request method name MCP defines. */
export type RequestMethod = keyof RequestSchemaTable;
/** A notification method name MCP defines. */
export type NotificationMethod = keyof NotificationSchemaTable;
/** The params type of request method `M`. */
export type RequestParamsOf<M extends RequestMethod> = z.infer<RequestSchemaTable[M]['params']>;
/** The result type of request method `M`. */
export type ResultOf<M extends RequestMethod> = z.infer<RequestSchemaTable[M]['result']>;
/** The params type of notification method `M`. */
export type NotificationParamsOf<M extends NotificationMethod> = z.infer<NotificationSchemaTable[M]['params']>;

/** True if `method` is a request method MCP defines. */
export function isRequestMethod(method: string): method is RequestMethod {
  return Object.prototype.hasOwnProperty.call(REQUEST_SCHEMAS, method);
}

/** True if `method` is a notification method MCP defines. */
export function isNotificationMethod(method: string): method is NotificationMethod {
  return Object.prototype.hasOwnProperty.call(NOTIFICATION_SCHEMAS, method);
}
