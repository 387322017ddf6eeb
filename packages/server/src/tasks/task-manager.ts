/**
 * Runs tool calls as tasks (tasks extension `io.modelcontextprotocol/tasks`): creates them in the
 * store, parks input requests for `tasks/update`, and serves `tasks/get` and `tasks/cancel`.
 *
 * @module
 */
import {
  ErrorCode,
  McpError,
  MetaKey,
  missingClientCapabilityError,
  toWireError,
  type CapabilitiesObject,
  type ResultObject,
} from '@mcpkit/core';
import type { LaunchedTask } from '../mrtr/execute.js';
import { assertModernCapability, checkInputResponse, type InputChannel, type InputRequest } from '../mrtr/input-channel.js';
import { isTerminal, type TaskRecord, type TaskStore } from './task-store.js';

/** The extension id of tasks. */
export const TASKS_EXTENSION = 'io.modelcontextprotocol/tasks';

/** True if the capabilities declare the tasks extension. */
export function declaresTasks(capabilities: CapabilitiesObject | undefined): boolean {
  const extensions = capabilities?.extensions;
  return typeof extensions === 'object' && extensions !== null && (extensions as Record<string, unknown>)[TASKS_EXTENSION] !== undefined;
}

/** The -32021 error of a request that needs the tasks extension. */
export function tasksRequiredError(): McpError {
  return missingClientCapabilityError({ extensions: { [TASKS_EXTENSION]: {} } });
}

interface Waiter {
  input: InputRequest;
  resolve: (result: ResultObject) => void;
  reject: (error: unknown) => void;
}

interface LiveTask {
  controller: AbortController;
  waiters: Map<string, Waiter>;
  counter: number;
}

/** Options of {@link TaskManager}. */
export interface TaskManagerOptions {
  store: TaskStore;
  ttlMs: number;
  pollIntervalMs: number;
  now: () => number;
  report: (error: Error) => void;
  /** Told every new state of a task (for `notifications/tasks` on listen streams). */
  onChange?: (task: ResultObject) => void;
}

function wire(record: TaskRecord): ResultObject {
  const out: ResultObject = {
    taskId: record.taskId,
    status: record.status,
    createdAt: record.createdAt,
    lastUpdatedAt: record.lastUpdatedAt,
    ttlMs: record.ttlMs,
    pollIntervalMs: record.pollIntervalMs,
  };
  if (record.statusMessage !== undefined) out.statusMessage = record.statusMessage;
  return out;
}

/** The task with the members of its status (the extension's `DetailedTask`). */
function detailed(record: TaskRecord): ResultObject {
  const out = wire(record);
  if (record.status === 'input_required' && record.inputRequests !== undefined) out.inputRequests = record.inputRequests;
  if (record.status === 'completed' && record.result !== undefined) out.result = record.result;
  if (record.status === 'failed' && record.error !== undefined) out.error = record.error;
  return out;
}

/** Creates and serves tasks. One per server. */
export class TaskManager {
  readonly #options: TaskManagerOptions;
  readonly #live = new Map<string, LiveTask>();

  /** @param options - store, lifetimes, clock and error sink */
  constructor(options: TaskManagerOptions) {
    this.#options = options;
  }

  #iso(): string {
    return new Date(this.#options.now()).toISOString();
  }

  async #update(taskId: string, patch: Partial<TaskRecord>): Promise<void> {
    const updated = await this.#options.store.update(taskId, { ...patch, lastUpdatedAt: this.#iso() });
    if (updated !== undefined) this.#options.onChange?.(detailed(updated));
  }

  /** Creates a task for a run; the returned handle is the `CreateTaskResult`. */
  async launch(capabilities: CapabilitiesObject): Promise<LaunchedTask> {
    const now = this.#iso();
    const record: TaskRecord = {
      taskId: globalThis.crypto.randomUUID(),
      status: 'working',
      createdAt: now,
      lastUpdatedAt: now,
      ttlMs: this.#options.ttlMs,
      pollIntervalMs: this.#options.pollIntervalMs,
    };
    // Durable before the handle goes out: a tasks/get right after must find it.
    await this.#options.store.create(record);
    const live: LiveTask = { controller: new AbortController(), waiters: new Map(), counter: 0 };
    this.#live.set(record.taskId, live);
    const done = (): void => {
      this.#live.delete(record.taskId);
    };
    return {
      handle: { resultType: 'task', ...wire(record) },
      channel: this.#channel(record.taskId, live, capabilities),
      signal: live.controller.signal,
      complete: (result) => {
        done();
        const { _meta, ...rest } = result;
        const meta = { ...(_meta as Record<string, unknown> | undefined) };
        delete meta[MetaKey.RelatedTask];
        const clean = Object.keys(meta).length > 0 ? { ...rest, _meta: meta } : rest;
        this.#update(record.taskId, { status: 'completed', result: clean, inputRequests: undefined }).catch(this.#options.report);
      },
      fail: (error) => {
        done();
        if (!(error instanceof McpError)) this.#options.report(error instanceof Error ? error : new Error(String(error)));
        this.#update(record.taskId, { status: 'failed', error: toWireError(error), inputRequests: undefined }).catch(this.#options.report);
      },
    };
  }

  #channel(taskId: string, live: LiveTask, capabilities: CapabilitiesObject): InputChannel {
    return {
      request: (input, key) => {
        assertModernCapability(input, capabilities);
        const id = key ?? `${input.method.split('/')[0]}_${live.counter++}`;
        return new Promise<ResultObject>((resolve, reject) => {
          live.waiters.set(id, { input, resolve, reject });
          this.#update(taskId, { status: 'input_required', inputRequests: this.#pending(live) }).catch(this.#options.report);
        });
      },
    };
  }

  #pending(live: LiveTask): Record<string, unknown> {
    return Object.fromEntries([...live.waiters].map(([key, w]) => [key, { method: w.input.method, params: w.input.params }]));
  }

  async #require(taskId: unknown): Promise<TaskRecord> {
    const record = typeof taskId === 'string' ? await this.#options.store.get(taskId) : undefined;
    if (record === undefined) throw new McpError(ErrorCode.InvalidParams, `Unknown task: ${String(taskId)}`);
    return record;
  }

  /** `tasks/get`: the task with its input requests, result or error. */
  async get(taskId: unknown): Promise<ResultObject> {
    return { resultType: 'complete', ...detailed(await this.#require(taskId)) };
  }

  /** `tasks/update`: delivers answers to outstanding input requests; unknown keys are ignored. */
  async update(taskId: unknown, inputResponses: Record<string, unknown>): Promise<ResultObject> {
    const record = await this.#require(taskId);
    const live = this.#live.get(record.taskId);
    if (live === undefined || isTerminal(record.status)) return { resultType: 'complete' };
    for (const [key, response] of Object.entries(inputResponses)) {
      const waiter = live.waiters.get(key);
      if (waiter === undefined) continue;
      const answer = checkInputResponse(waiter.input, key, response);
      live.waiters.delete(key);
      waiter.resolve(answer);
    }
    const remaining = this.#pending(live);
    await this.#update(record.taskId, Object.keys(remaining).length === 0 ? { status: 'working', inputRequests: undefined } : { inputRequests: remaining });
    return { resultType: 'complete' };
  }

  /** `tasks/cancel`: cooperative; idempotent on terminal tasks. */
  async cancel(taskId: unknown): Promise<ResultObject> {
    const record = await this.#require(taskId);
    if (isTerminal(record.status)) return { resultType: 'complete' };
    await this.#update(record.taskId, { status: 'cancelled', inputRequests: undefined });
    const live = this.#live.get(record.taskId);
    if (live !== undefined) {
      this.#live.delete(record.taskId);
      live.controller.abort(new McpError(ErrorCode.InvalidRequest, 'Task cancelled'));
      for (const waiter of live.waiters.values()) waiter.reject(new McpError(ErrorCode.InvalidRequest, 'Task cancelled'));
    }
    return { resultType: 'complete' };
  }
}
