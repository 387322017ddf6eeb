/**
 * Every fixture the official MCP conformance suite expects of a server, registered on one
 * `McpServer`: one definition serves the legacy-era and 2026-07-28 scenarios alike.
 *
 * @module
 */
import { McpServer, type McpServerOptions } from '@mcpkit/server';
import { registerContentTools, registerInteractiveTools, registerPrompts, registerResources } from './fixtures-legacy.js';
import { registerInputRequired, registerStatelessDiagnostics } from './fixtures-modern.js';
import { registerTasks } from './fixtures-tasks.js';

/** Registers every conformance fixture on `server`. */
export function registerFixtures(server: McpServer): void {
  registerContentTools(server);
  registerInteractiveTools(server);
  registerResources(server);
  registerPrompts(server);
  registerInputRequired(server);
  registerStatelessDiagnostics(server);
  registerTasks(server);
}

/** A server with every fixture registered. */
export function createConformanceServer(options: McpServerOptions = {}): McpServer {
  const server = new McpServer({ name: 'mcpkit-conformance-server', version: '0.1.0' }, { listCache: { ttlMs: 60_000, scope: 'public' }, ...options });
  registerFixtures(server);
  return server;
}
