import { describe, expect, it } from 'vitest';
import {
  ClientCapabilitiesSchema,
  DetailedTaskSchema,
  ModernCreateTaskResultSchema,
  ModernGetTaskResultSchema,
  ModernTaskStatusNotificationSchema,
  NOTIFICATION_SCHEMAS,
  REQUEST_SCHEMAS,
  TASKS_EXTENSION_ID,
  TaskAcknowledgementResultSchema,
  UpdateTaskRequestSchema,
} from '../../src/schemas/index.js';

// The 2026-07-28 tasks extension has no official JSON Schema in ../shared/spec; these messages
// follow the extension's specification (extensions/tasks and the ext-tasks schema types).
const task = {
  taskId: 'task-1',
  status: 'working',
  createdAt: '2026-07-28T10:00:00Z',
  lastUpdatedAt: '2026-07-28T10:00:05Z',
  ttlMs: 60_000,
  pollIntervalMs: 500,
};

describe('tasks extension', () => {
  it('declares support with its id in capabilities.extensions', () => {
    const caps = ClientCapabilitiesSchema.parse({ extensions: { [TASKS_EXTENSION_ID]: {} } });
    expect(caps.extensions?.[TASKS_EXTENSION_ID]).toEqual({});
  });

  it('reads a task handle returned instead of a result', () => {
    expect(ModernCreateTaskResultSchema.safeParse({ resultType: 'task', ...task }).success).toBe(true);
    expect(ModernCreateTaskResultSchema.safeParse({ resultType: 'complete', ...task }).success).toBe(false);
    expect(ModernCreateTaskResultSchema.safeParse({ resultType: 'task', ...task, ttlMs: null }).success).toBe(true);
    expect(ModernCreateTaskResultSchema.safeParse({ resultType: 'task', ...task, ttlMs: 1.5 }).success).toBe(false);
  });

  it('reads tasks/get results with the members of each status', () => {
    const parse = (value: object) => ModernGetTaskResultSchema.safeParse({ resultType: 'complete', ...task, ...value });
    expect(parse({}).success).toBe(true);
    expect(parse({ status: 'completed', result: { content: [], resultType: 'complete' } }).success).toBe(true);
    expect(parse({ status: 'completed' }).success).toBe(false);
    expect(parse({ status: 'failed', error: { code: -32603, message: 'Internal error' } }).success).toBe(true);
    expect(parse({ status: 'failed', error: { code: 'x' } }).success).toBe(false);
    const inputRequests = { q1: { method: 'elicitation/create', params: { message: 'Name?', requestedSchema: { type: 'object', properties: {} } } } };
    expect(parse({ status: 'input_required', inputRequests }).success).toBe(true);
    expect(parse({ status: 'input_required' }).success).toBe(false);
    expect(parse({ status: 'paused' }).success).toBe(false);
  });

  it('narrows a detailed task on status', () => {
    const parsed = DetailedTaskSchema.parse({ ...task, status: 'completed', result: { ok: true } });
    expect(parsed.status === 'completed' && parsed.result).toEqual({ ok: true });
  });

  it('reads tasks/update and its acknowledgement', () => {
    const update = {
      jsonrpc: '2.0',
      id: 3,
      method: 'tasks/update',
      params: { taskId: 'task-1', inputResponses: { q1: { action: 'accept', content: { name: 'Ada' } } } },
    };
    expect(UpdateTaskRequestSchema.safeParse(update).success).toBe(true);
    expect(UpdateTaskRequestSchema.safeParse({ ...update, params: { taskId: 'task-1' } }).success).toBe(false);
    expect(TaskAcknowledgementResultSchema.safeParse({ resultType: 'complete' }).success).toBe(true);
    expect(REQUEST_SCHEMAS['tasks/update'].era).toBe('modern');
  });

  it('reads notifications/tasks with the full task state', () => {
    const message = { jsonrpc: '2.0', method: 'notifications/tasks', params: { ...task, status: 'cancelled' } };
    expect(ModernTaskStatusNotificationSchema.safeParse(message).success).toBe(true);
    expect(NOTIFICATION_SCHEMAS['notifications/tasks'].params.safeParse({ ...task, status: 'done' }).success).toBe(false);
  });

  it('accepts both eras on the shared tasks/get and tasks/cancel methods', () => {
    const legacy = { taskId: 't', status: 'working', createdAt: 'a', lastUpdatedAt: 'b', ttl: null, pollInterval: 100 };
    expect(REQUEST_SCHEMAS['tasks/get'].result.safeParse(legacy).success).toBe(true);
    expect(REQUEST_SCHEMAS['tasks/get'].result.safeParse({ resultType: 'complete', ...task }).success).toBe(true);
    expect(REQUEST_SCHEMAS['tasks/cancel'].result.safeParse({ resultType: 'complete' }).success).toBe(true);
  });
});
