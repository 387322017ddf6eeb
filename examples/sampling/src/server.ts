/**
 * The sampling server: tools that ask the client's LLM — summarise, classify, extract. The server
 * has no model of its own; the client runs the model and decides what to send it.
 *
 * @module
 */
import { McpServer } from '@mcpkit/server';
import { registerClassify } from './classify.js';
import { registerExtract } from './extract.js';
import { resolveLimits, type SamplingServerOptions } from './options.js';
import { registerSummarise } from './summarise.js';

export { SAMPLING_DEFAULTS, type SamplingServerOptions } from './options.js';

/**
 * Builds the sampling server. Serve it over any transport; the client must support sampling.
 *
 * @example
 * ```ts
 * const server = createSamplingServer({ maxInputChars: 20_000 });
 * await server.connect(new StdioServerTransport());
 * ```
 */
export function createSamplingServer(options: SamplingServerOptions = {}): McpServer {
  const limits = resolveLimits(options);
  const server = new McpServer(
    { name: 'mcpkit-example-sampling', version: '1.0.0' },
    { instructions: "Text tools that use the client's own LLM through sampling: summarise, classify, extract." },
  );
  registerSummarise(server, limits);
  registerClassify(server, limits);
  registerExtract(server, limits);
  return server;
}
