/**
 * The prompts example server: a library of prompt templates with typed arguments, completion of
 * their enum-like arguments, and messages that carry embedded resources and images.
 *
 * @module
 */
import { McpServer } from '@mcpkit/server';
import { checkLimits, PROMPTS_DEFAULTS, type PromptsServerOptions } from './limits.js';
import { registerCodePrompts } from './prompts/code.js';
import { registerEngineeringPrompts } from './prompts/engineering.js';
import { registerWritingPrompts } from './prompts/writing.js';

export { PROMPTS_DEFAULTS, type PromptsServerOptions } from './limits.js';

/**
 * Builds the prompts server. Pure: nothing runs until you `connect` it to a transport.
 *
 * @throws RangeError when a limit is not a positive integer
 *
 * @example
 * ```ts
 * const server = createPromptsServer({ maxArgumentLength: 20_000 });
 * await server.connect(new StdioServerTransport());
 * ```
 */
export function createPromptsServer(options: PromptsServerOptions = {}): McpServer {
  const limits: Required<PromptsServerOptions> = {
    maxArgumentLength: options.maxArgumentLength ?? PROMPTS_DEFAULTS.maxArgumentLength,
    maxImageBytes: options.maxImageBytes ?? PROMPTS_DEFAULTS.maxImageBytes,
  };
  checkLimits(limits);
  const server = new McpServer(
    { name: 'mcpkit-example-prompts', version: '1.0.0' },
    { instructions: 'Prompt templates: code_review, explain_code, summarise, translate, commit_message, bug_report. Use completion/complete for their enum-like arguments.' },
  );
  registerCodePrompts(server, limits);
  registerWritingPrompts(server, limits);
  registerEngineeringPrompts(server, limits);
  return server;
}
