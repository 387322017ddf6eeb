/**
 * `tools/call` in both eras, including input rounds and tasks.
 *
 * @module
 */
import { ErrorCode, McpError, MetaKey, type CapabilitiesObject } from '@mcpkit/core';
import { executeWithInputs } from '../mrtr/execute.js';
import { declaresTasks, tasksRequiredError } from '../tasks/task-manager.js';
import type { MethodHandler } from '../server-core.js';
import { runTool, toToolResult, type ToolRun } from './call-tool.js';

/** Capabilities for the tasks check: the era's, plus a per-request `_meta` opt-in (legacy sessions). */
function taskCapabilities(era: CapabilitiesObject, meta: Record<string, unknown>): CapabilitiesObject {
  const perRequest = meta[MetaKey.ClientCapabilities];
  return declaresTasks(era) || typeof perRequest !== 'object' || perRequest === null ? era : (perRequest as CapabilitiesObject);
}

/** `tools/call`. */
export const callTool: MethodHandler = async (core, call) => {
  const name = call.params.name as string;
  const entry = core.tools.get(name);
  if (entry === undefined) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${name}`);
  const tasksOn = declaresTasks(taskCapabilities(call.era.clientCapabilities, call.meta));
  if (entry.taskSupport === 'required' && !tasksOn) throw tasksRequiredError();
  const taskable = tasksOn && entry.taskSupport !== 'forbidden';
  const report = (error: Error): void => core.report(error);
  return executeWithInputs<ToolRun>({
    rctx: call.rctx,
    cancellation: call.cancellation,
    era: call.era,
    params: call.params,
    meta: call.meta,
    salient: { name, arguments: call.params.arguments ?? {}, principal: principalOf(call.rctx.info?.authInfo) },
    codec: core.codec,
    stateTtlMs: core.limits.requestStateTtlMs,
    run: (ctx) => runTool(entry, call.params.arguments, ctx, report),
    finish: (run) => toToolResult(entry, run, report),
    launchTask: taskable ? () => core.tasks.launch(call.era.clientCapabilities) : undefined,
    startTaskImmediately: taskable && entry.taskStart === 'auto',
  });
};

/** The authenticated principal, bound into `requestState` so one user's state is useless to another. */
export function principalOf(authInfo: Readonly<Record<string, unknown>> | undefined): unknown {
  if (authInfo === undefined) return null;
  return authInfo.subject ?? authInfo.sub ?? authInfo.clientId ?? authInfo.token ?? null;
}
