/**
 * Runs one tool: validates the arguments, calls the handler, and shapes its return value (or its
 * error) into a `CallToolResult`.
 *
 * @module
 */
import { McpError, McpkitError, type ResultObject } from '@mcpkit/core';
import type { ServerContext } from '../context/server-context.js';
import { formatIssues } from '../schema/compile.js';
import { ToolError } from '../registry/tool-error.js';
import type { ToolEntry } from '../registry/tools.js';
import { shallowCopy } from '../shallow-copy.js';

/** A handler's value after it ran: its return value, or a result already made from its failure. */
export type ToolRun = { ok: true; value: unknown } | { ok: false; result: ResultObject };

function errorResult(message: string): ResultObject {
  return { content: [{ type: 'text', text: message }], isError: true };
}

/** Validates the arguments and runs the handler; protocol errors (`McpError`) propagate. */
export async function runTool(entry: ToolEntry, args: unknown, ctx: ServerContext, report: (error: Error) => void): Promise<ToolRun> {
  let input: unknown = args ?? {};
  if (entry.input !== undefined) {
    const checked = await entry.input.validate(input);
    if (!checked.ok) return { ok: false, result: errorResult(`Invalid arguments for tool "${entry.name}": ${formatIssues(checked.issues)}`) };
    input = checked.value;
  }
  try {
    return { ok: true, value: await entry.handler(input, ctx) };
  } catch (error) {
    if (error instanceof McpError) throw error;
    if (error instanceof ToolError) return { ok: false, result: errorResult((error as ToolError).message) };
    // Our own local errors (missing capability, client timeout or refusal) carry safe messages.
    if (error instanceof McpkitError) return { ok: false, result: errorResult((error as McpkitError).message) };
    report(error instanceof Error ? error : new Error(String(error)));
    return { ok: false, result: errorResult(`Tool "${entry.name}" failed with an internal error`) };
  }
}

/** Shapes a handler's return value into a `CallToolResult`, validating structured output. */
export async function toToolResult(entry: ToolEntry, run: ToolRun, report: (error: Error) => void): Promise<ResultObject> {
  if (!run.ok) return run.result;
  const value = typeof run.value === 'string' ? { content: [{ type: 'text', text: run.value }] } : run.value;
  if (typeof value !== 'object' || value === null) {
    report(new TypeError(`Tool "${entry.name}" returned neither a result object nor a string`));
    return errorResult(`Tool "${entry.name}" returned an invalid result`);
  }
  const result = shallowCopy(value as ResultObject);
  if (entry.output !== undefined && result.isError !== true) {
    const checked = await entry.output.validate(result.structuredContent);
    if (!checked.ok) {
      report(new TypeError(`Tool "${entry.name}" returned structured content that does not match its output schema: ${formatIssues(checked.issues)}`));
      return errorResult(`Tool "${entry.name}" produced output that does not match its output schema`);
    }
    result.structuredContent = checked.value;
  }
  if (!Array.isArray(result.content)) {
    result.content = result.structuredContent === undefined ? [] : [{ type: 'text', text: JSON.stringify(result.structuredContent) }];
  }
  return result;
}
