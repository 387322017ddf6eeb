/**
 * Tasks as defined in core 2025-11-25 (legacy era): task-augmented requests, `tasks/get`,
 * `tasks/result`, `tasks/cancel`, `tasks/list` and `notifications/tasks/status`. The 2026-07-28
 * tasks extension is in `tasks-extension.ts`.
 *
 * @module
 */
import * as z from 'zod/mini';
import {
  PaginatedRequestParamsSchema,
  notificationEnvelopeShape,
  notificationParamsShape,
  requestEnvelopeShape,
  requestParamsShape,
  resultShape,
} from './meta.js';

/** Status of a task. `completed`, `failed` and `cancelled` are terminal. */
export const TaskStatusSchema = z.enum(['working', 'input_required', 'completed', 'failed', 'cancelled']);
/** Status of a task. `completed`, `failed` and `cancelled` are terminal. */
export type TaskStatus = z.infer<typeof TaskStatusSchema>;

/** 2025-11-25: the `task` member of a task-augmented request. */
export const TaskMetadataSchema = z.looseObject({ ttl: z.optional(z.int()) });
/** 2025-11-25: the `task` member of a task-augmented request. */
export interface TaskMetadata extends z.infer<typeof TaskMetadataSchema> {}

/** 2025-11-25: `_meta["io.modelcontextprotocol/related-task"]`, tying a message to a task. */
export const RelatedTaskMetadataSchema = z.looseObject({ taskId: z.string() });
/** 2025-11-25: ties a message to a task. */
export interface RelatedTaskMetadata extends z.infer<typeof RelatedTaskMetadataSchema> {}

const taskShape = {
  taskId: z.string(),
  status: TaskStatusSchema,
  statusMessage: z.optional(z.string()),
  createdAt: z.string(),
  lastUpdatedAt: z.string(),
  ttl: z.nullable(z.int()),
  pollInterval: z.optional(z.int()),
};

/** 2025-11-25: the state of a task. `ttl` is `null` for unlimited. */
export const TaskSchema = z.looseObject(taskShape);
/** 2025-11-25: the state of a task. */
export interface Task extends z.infer<typeof TaskSchema> {}

/** 2025-11-25: params of a request that may run as a task. */
export const TaskAugmentedRequestParamsSchema = z.looseObject({
  ...requestParamsShape,
  task: z.optional(TaskMetadataSchema),
});
/** 2025-11-25: params of a request that may run as a task. */
export interface TaskAugmentedRequestParams extends z.infer<typeof TaskAugmentedRequestParamsSchema> {}

/** 2025-11-25: the answer to a task-augmented request: the created task. */
export const CreateTaskResultSchema = z.looseObject({ ...resultShape, task: TaskSchema });
/** 2025-11-25: the answer to a task-augmented request. */
export interface CreateTaskResult extends z.infer<typeof CreateTaskResultSchema> {}

/** Params of `tasks/get`, `tasks/result` and `tasks/cancel`. */
export const TaskRequestParamsSchema = z.looseObject({ ...requestParamsShape, taskId: z.string() });
/** Params of `tasks/get`, `tasks/result` and `tasks/cancel`. */
export interface TaskRequestParams extends z.infer<typeof TaskRequestParamsSchema> {}

/** Request: the state of a task (both the 2025-11-25 core and the 2026-07-28 extension). */
export const GetTaskRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('tasks/get'),
  params: TaskRequestParamsSchema,
});
/** Request: the state of a task. */
export interface GetTaskRequest extends z.infer<typeof GetTaskRequestSchema> {}

/** 2025-11-25: result of `tasks/get`. */
export const GetTaskResultSchema = z.looseObject({ ...resultShape, ...taskShape });
/** 2025-11-25: result of `tasks/get`. */
export interface GetTaskResult extends z.infer<typeof GetTaskResultSchema> {}

/** 2025-11-25 request: the result of a finished task. */
export const GetTaskPayloadRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('tasks/result'),
  params: TaskRequestParamsSchema,
});
/** 2025-11-25 request: the result of a finished task. */
export interface GetTaskPayloadRequest extends z.infer<typeof GetTaskPayloadRequestSchema> {}

/** 2025-11-25: result of `tasks/result`: the original request's result. */
export const GetTaskPayloadResultSchema = z.looseObject({ ...resultShape });
/** 2025-11-25: result of `tasks/result`. */
export interface GetTaskPayloadResult extends z.infer<typeof GetTaskPayloadResultSchema> {}

/** Request: cancel a task (both the 2025-11-25 core and the 2026-07-28 extension). */
export const CancelTaskRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('tasks/cancel'),
  params: TaskRequestParamsSchema,
});
/** Request: cancel a task. */
export interface CancelTaskRequest extends z.infer<typeof CancelTaskRequestSchema> {}

/** 2025-11-25: result of `tasks/cancel`: the task's new state. */
export const CancelTaskResultSchema = z.looseObject({ ...resultShape, ...taskShape });
/** 2025-11-25: result of `tasks/cancel`. */
export interface CancelTaskResult extends z.infer<typeof CancelTaskResultSchema> {}

/** 2025-11-25 request: list tasks. */
export const ListTasksRequestSchema = z.looseObject({
  ...requestEnvelopeShape,
  method: z.literal('tasks/list'),
  params: z.optional(PaginatedRequestParamsSchema),
});
/** 2025-11-25 request: list tasks. */
export interface ListTasksRequest extends z.infer<typeof ListTasksRequestSchema> {}

/** 2025-11-25: result of `tasks/list`. */
export const ListTasksResultSchema = z.looseObject({
  ...resultShape,
  tasks: z.array(TaskSchema),
  nextCursor: z.optional(z.string()),
});
/** 2025-11-25: result of `tasks/list`. */
export interface ListTasksResult extends z.infer<typeof ListTasksResultSchema> {}

/** 2025-11-25: params of `notifications/tasks/status`: the task's full state. */
export const TaskStatusNotificationParamsSchema = z.looseObject({ ...notificationParamsShape, ...taskShape });
/** 2025-11-25: params of `notifications/tasks/status`. */
export interface TaskStatusNotificationParams extends z.infer<typeof TaskStatusNotificationParamsSchema> {}

/** 2025-11-25 notification: a task's status changed. */
export const TaskStatusNotificationSchema = z.looseObject({
  ...notificationEnvelopeShape,
  method: z.literal('notifications/tasks/status'),
  params: TaskStatusNotificationParamsSchema,
});
/** 2025-11-25 notification: a task's status changed. */
export interface TaskStatusNotification extends z.infer<typeof TaskStatusNotificationSchema> {}
