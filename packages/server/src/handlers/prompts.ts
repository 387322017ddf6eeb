/**
 * `prompts/get`: validates the arguments and renders the messages, with input rounds.
 *
 * @module
 */
import { ErrorCode, McpError, type ResultObject } from '@mcpkit/core';
import { executeWithInputs } from '../mrtr/execute.js';
import type { PromptReturn } from '../registry/prompts.js';
import { formatIssues } from '../schema/compile.js';
import type { MethodHandler } from '../server-core.js';
import { principalOf } from './tools.js';

/** `prompts/get`. */
export const getPrompt: MethodHandler = async (core, call) => {
  const name = call.params.name as string;
  const entry = core.prompts.get(name);
  if (entry === undefined) throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${name}`);
  let args: unknown = call.params.arguments ?? {};
  if (entry.args !== undefined) {
    const checked = await entry.args.validate(args);
    if (!checked.ok) throw new McpError(ErrorCode.InvalidParams, `Invalid arguments for prompt "${name}": ${formatIssues(checked.issues)}`);
    args = checked.value;
  }
  return executeWithInputs<PromptReturn>({
    rctx: call.rctx,
    cancellation: call.cancellation,
    era: call.era,
    params: call.params,
    meta: call.meta,
    salient: { name, arguments: call.params.arguments ?? {}, principal: principalOf(call.rctx.info?.authInfo) },
    codec: core.codec,
    stateTtlMs: core.limits.requestStateTtlMs,
    run: async (ctx) => entry.handler(args, ctx),
    finish: async (value): Promise<ResultObject> => {
      if (typeof value !== 'object' || value === null || !Array.isArray(value.messages)) {
        throw new TypeError(`The handler of prompt "${name}" returned no messages`);
      }
      return { ...value };
    },
  });
};
