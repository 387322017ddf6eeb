/**
 * `completion/complete` for prompt arguments and template variables.
 *
 * @module
 */
import { ErrorCode, McpError } from '@mcpkit/core';
import type { Completer } from '../registry/resources.js';
import type { MethodHandler } from '../server-core.js';

/** Most values in one completion result (the spec's limit). */
export const MAX_COMPLETION_VALUES = 100;

/** `completion/complete`. */
export const complete: MethodHandler = async (core, call) => {
  const ref = call.params.ref as { type?: string; name?: string; uri?: string };
  const argument = call.params.argument as { name: string; value: string };
  const context = (call.params.context ?? {}) as { arguments?: Record<string, string> };
  let completer: Completer | undefined;
  if (ref.type === 'ref/prompt') {
    const prompt = core.prompts.get(String(ref.name));
    if (prompt === undefined) throw new McpError(ErrorCode.InvalidParams, `Unknown prompt: ${String(ref.name)}`);
    completer = prompt.complete[argument.name];
  } else if (ref.type === 'ref/resource') {
    const template = core.templates.list().find((t) => t.definition.uriTemplate === ref.uri);
    if (template === undefined && core.resources.get(String(ref.uri)) === undefined) {
      throw new McpError(ErrorCode.InvalidParams, `Unknown resource template: ${String(ref.uri)}`);
    }
    completer = template?.complete[argument.name];
  } else {
    throw new McpError(ErrorCode.InvalidParams, 'ref.type must be "ref/prompt" or "ref/resource"');
  }
  const values = completer === undefined ? [] : [...(await completer(argument.value, { arguments: context.arguments ?? {} }))];
  const shown = values.slice(0, MAX_COMPLETION_VALUES);
  return { completion: { values: shown, total: values.length, hasMore: values.length > shown.length } };
};
