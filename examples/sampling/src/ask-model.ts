/**
 * One question to the client's LLM through sampling, with the failures a tool should report
 * (no sampling support, a refusal, an empty answer) turned into clear tool errors.
 *
 * @module
 */
import { hasCapability, McpkitError, type CreateMessageRequestParams } from '@mcpkit/core';
import { ToolError, type ServerContext } from '@mcpkit/server';
import { answerText } from './model-answer.js';

/** What the model answered: its text and the model's name. */
export interface ModelAnswer {
  /** The answer's text (text blocks joined). */
  text: string;
  /** The model the client used. */
  model: string;
}

/** Throws a tool error unless the client can sample; call it before asking anything. */
export function requireSampling(ctx: ServerContext): void {
  if (!hasCapability(ctx.client.capabilities, 'sampling')) {
    throw new ToolError('This tool asks your LLM for help, but this client does not support sampling (capability "sampling" not declared).');
  }
}

/**
 * Asks the client's LLM. The same call works in both eras: a `sampling/createMessage` request in
 * the legacy era, an `input_required` round trip in the modern one.
 */
export async function askModel(ctx: ServerContext, params: CreateMessageRequestParams): Promise<ModelAnswer> {
  requireSampling(ctx);
  const result = await ctx.sample(params).catch((error: unknown) => {
    // The client refused or its model failed: that is this call's outcome, not a server fault.
    if (error instanceof McpkitError) throw new ToolError(`The client's LLM did not answer: ${(error as McpkitError).message}`);
    throw error;
  });
  const text = answerText(result);
  if (text === undefined) throw new ToolError(`The client's LLM (${result.model}) answered without any text.`);
  return { text, model: result.model };
}
