/**
 * `tasks/get`, `tasks/update` and `tasks/cancel` (tasks extension), gated on the client having
 * declared the extension for the request.
 *
 * @module
 */
import { MetaKey, type CapabilitiesObject } from '@mcpkit/core';
import { readInputResponses } from '../mrtr/run-round.js';
import { declaresTasks, tasksRequiredError } from '../tasks/task-manager.js';
import type { ResultObject } from '@mcpkit/core';
import type { Call, MethodHandler } from '../server-core.js';

function assertTasks(call: Call): void {
  const perRequest = call.meta[MetaKey.ClientCapabilities] as CapabilitiesObject | undefined;
  if (!declaresTasks(call.era.clientCapabilities) && !declaresTasks(perRequest)) throw tasksRequiredError();
}

/**
 * On a 2025-11-25 connection a task result is also that version's `Task`, whose schema requires
 * `ttl` (ms, or null for unlimited); the extension's `ttlMs` stays beside it.
 */
function withLegacyTaskFields(call: Call, task: ResultObject): ResultObject {
  if (call.era.era !== 'legacy' || !('ttlMs' in task) || 'ttl' in task) return task;
  return { ...task, ttl: typeof task.ttlMs === 'number' ? task.ttlMs : null };
}

/** `tasks/get`. */
export const getTask: MethodHandler = async (core, call) => {
  assertTasks(call);
  return withLegacyTaskFields(call, await core.tasks.get(call.params.taskId));
};

/** `tasks/update`. */
export const updateTask: MethodHandler = async (core, call) => {
  assertTasks(call);
  return core.tasks.update(call.params.taskId, readInputResponses(call.params.inputResponses));
};

/** `tasks/cancel`. */
export const cancelTask: MethodHandler = async (core, call) => {
  assertTasks(call);
  return core.tasks.cancel(call.params.taskId);
};
