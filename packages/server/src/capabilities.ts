/**
 * Server capabilities derived from what is registered, merged with the declared ones.
 *
 * @module
 */
import type { ServerCapabilities } from '@mcpkit/core';
import type { PromptEntry } from './registry/prompts.js';
import type { Registry } from './registry/registry.js';
import type { ResourceEntry, TemplateEntry } from './registry/resources.js';
import type { ToolEntry } from './registry/tools.js';
import { TASKS_EXTENSION } from './tasks/task-manager.js';

/** The registries capabilities are derived from. */
export interface CapabilitySources {
  tools: Registry<ToolEntry>;
  resources: Registry<ResourceEntry>;
  templates: Registry<TemplateEntry>;
  prompts: Registry<PromptEntry>;
}

/** Capabilities for what is registered now, with `declared` merged over them (one level deep). */
export function deriveCapabilities(sources: CapabilitySources, declared: ServerCapabilities | undefined): ServerCapabilities {
  const caps: Record<string, Record<string, unknown>> = { logging: {} };
  if (sources.tools.size > 0) caps.tools = { listChanged: true };
  if (sources.resources.size > 0 || sources.templates.size > 0) caps.resources = { subscribe: true, listChanged: true };
  if (sources.prompts.size > 0) caps.prompts = { listChanged: true };
  const completes =
    sources.prompts.list().some((p) => Object.keys(p.complete).length > 0) ||
    sources.templates.list().some((t) => Object.values(t.complete).some((c) => c !== undefined));
  if (completes) caps.completions = {};
  if (sources.tools.list().some((t) => t.taskSupport !== 'forbidden')) caps.extensions = { [TASKS_EXTENSION]: {} };
  for (const [key, value] of Object.entries(declared ?? {})) {
    caps[key] = typeof value === 'object' && value !== null ? { ...caps[key], ...(value as Record<string, unknown>) } : (value as Record<string, unknown>);
  }
  return caps as ServerCapabilities;
}
