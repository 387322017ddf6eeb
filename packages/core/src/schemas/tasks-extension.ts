/**
 * The 2026-07-28 tasks extension (`io.modelcontextprotocol/tasks`): a server may answer a
 * request with a task handle (`resultType: "task"`) that the client polls with `tasks/get`,
 * feeds with `tasks/update` and stops with `tasks/cancel` (requests shared with `tasks.ts`).
 *
 * @module
 */
import * as z from 'zod/mini';
import { JSONObjectSchema } from './json.js';
import { inputRetryShape } from './input-responses.js';
import { ErrorObjectSchema } from './jsonrpc.js';
import { InputRequestsSchema } from './mrtr.js';
import {
  ResultMetaObjectSchema,
  notificationEnvelopeShape,
  notificationParamsShape,
  requestEnvelopeShape,
  requestParamsShape,
} from './meta.js';
import { TaskStatusSchema } from './tasks.js';

/** The extension id, used as a key of `capabilities.extensions`. */
export const TASKS_EXTENSION_ID = 'io.modelcontextprotocol/tasks';

/** `_meta` key of the task ids a client considers related to a request (advisory). */
export const RELATED_TASK_IDS_META_KEY = 'io.modelcontextprotocol/relatedTaskIds';

const modernTaskShape = {
  taskId: z.string(),
  status: TaskStatusSchema,
  statusMessage: z.optional(z.string()),
  createdAt: z.string(),
  lastUpdatedAt: z.string(),
  ttlMs: z.nullable(z.int()),
  pollIntervalMs: z.optional(z.int()),
};

/** Tasks extension: the state of a task. `ttlMs` is `null` for unlimited. */
export const ModernTaskSchema = z.looseObject(modernTaskShape);
/** Tasks extension: the state of a task. */
export interface ModernTask extends z.infer<typeof ModernTaskSchema> {}

const detailedTaskSchema = z.discriminatedUnion('status', [
  z.looseObject({ ...modernTaskShape, status: z.literal('working') }),
  z.looseObject({ ...modernTaskShape, status: z.literal('input_required'), inputRequests: InputRequestsSchema }),
  z.looseObject({ ...modernTaskShape, status: z.literal('completed'), result: JSONObjectSchema }),
  z.looseObject({ ...modernTaskShape, status: z.literal('failed'), error: ErrorObjectSchema }),
  z.looseObject({ ...modernTaskShape, status: z.literal('cancelled') }),
]);
/** Tasks extension: a task with the members of its status. */
export type DetailedTask = z.infer<typeof detailedTaskSchema>;
/** Tasks extension: a task with the members of its status (input requests, result or error). */
export const DetailedTaskSchema: z.ZodMiniType<DetailedTask> = detailedTaskSchema;

/** Tasks extension: the task handle a server returns instead of the request's normal result. */
export const ModernCreateTaskResultSchema = z.looseObject({
  _meta: z.optional(ResultMetaObjectSchema),
  resultType: z.literal('task'),
  ...modernTaskShape,
});
/** Tasks extension: the task handle a server returns instead of the normal result. */
export interface ModernCreateTaskResult extends z.infer<typeof ModernCreateTaskResultSchema> {}

const completeShape = { _meta: z.optional(ResultMetaObjectSchema), resultType: z.optional(z.literal('complete')) };

const modernGetTaskResultSchema = z.intersection(z.looseObject(completeShape), DetailedTaskSchema);
/** Tasks extension: result of `tasks/get`. */
export type ModernGetTaskResult = z.infer<typeof modernGetTaskResultSchema>;
/** Tasks extension: result of `tasks/get`. */
export const ModernGetTaskResultSchema: z.ZodMiniType<ModernGetTaskResult> = modernGetTaskResultSchema;

/** Tasks extension: params of `tasks/update`. */
export const UpdateTaskRequestParamsSchema = z.looseObject({
  ...requestParamsShape,
  taskId: z.string(),
  inputResponses: z.nonoptional(inputRetryShape.inputResponses),
});
/** Tasks extension: params of `tasks/update`. */
export interface UpdateTaskRequestParams extends z.infer<typeof UpdateTaskRequestParamsSchema> {}

/** Tasks extension request: answer a task's outstanding input requests. */
export const UpdateTaskRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('tasks/update'),
  params: UpdateTaskRequestParamsSchema,
});
/** Tasks extension request: answer a task's outstanding input requests. */
export interface UpdateTaskRequest extends z.infer<typeof UpdateTaskRequestSchema> {}

/** Tasks extension: the empty acknowledgement of `tasks/update` and `tasks/cancel`. */
export const TaskAcknowledgementResultSchema = z.looseObject(completeShape);
/** Tasks extension: the empty acknowledgement of `tasks/update` and `tasks/cancel`. */
export interface TaskAcknowledgementResult extends z.infer<typeof TaskAcknowledgementResultSchema> {}

const modernTaskStatusNotificationParamsSchema = z.intersection(
  z.looseObject({ ...notificationParamsShape }),
  DetailedTaskSchema,
);
/** Tasks extension: params of `notifications/tasks`. */
export type ModernTaskStatusNotificationParams = z.infer<typeof modernTaskStatusNotificationParamsSchema>;
/** Tasks extension: params of `notifications/tasks`, the task's full state. */
export const ModernTaskStatusNotificationParamsSchema: z.ZodMiniType<ModernTaskStatusNotificationParams> =
  modernTaskStatusNotificationParamsSchema;

/** Tasks extension notification: a task's status changed (delivered on a listen stream). */
export const ModernTaskStatusNotificationSchema = z.looseObject({
  ...notificationEnvelopeShape,
  method: z.literal('notifications/tasks'),
  params: ModernTaskStatusNotificationParamsSchema,
});
/** Tasks extension notification: a task's status changed. */
export interface ModernTaskStatusNotification extends z.infer<typeof ModernTaskStatusNotificationSchema> {}

/** Tasks extension: the `taskIds` member it adds to a subscription filter. */
export const TaskSubscriptionNotificationsSchema = z.looseObject({ taskIds: z.optional(z.array(z.string())) });
/** Tasks extension: the `taskIds` member it adds to a subscription filter. */
export interface TaskSubscriptionNotifications extends z.infer<typeof TaskSubscriptionNotificationsSchema> {}
