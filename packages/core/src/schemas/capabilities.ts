/**
 * Client and server capabilities, for both eras: the legacy `initialize` exchange and the modern
 * per-request `_meta` envelope and `server/discover`.
 *
 * @module
 */
import * as z from 'zod/mini';
import { JSONObjectSchema } from './json.js';

const clientCapabilitiesSchema = z.looseObject({
  /** Experimental, non-standard capabilities. */
  experimental: z.optional(z.record(z.string(), JSONObjectSchema)),
  /** Extensions the client supports, keyed by extension id (2026-07-28). */
  extensions: z.optional(z.record(z.string(), JSONObjectSchema)),
  /** The client can list roots. `listChanged` is legacy-era only. */
  roots: z.optional(z.looseObject({ listChanged: z.optional(z.boolean()) })),
  /** The client can sample from an LLM. */
  sampling: z.optional(z.looseObject({ context: z.optional(JSONObjectSchema), tools: z.optional(JSONObjectSchema) })),
  /** The client can elicit user input; an empty object means form mode only. */
  elicitation: z.optional(z.looseObject({ form: z.optional(JSONObjectSchema), url: z.optional(JSONObjectSchema) })),
  /** 2025-11-25: task-augmented requests the client accepts. */
  tasks: z.optional(
    z.looseObject({
      list: z.optional(JSONObjectSchema),
      cancel: z.optional(JSONObjectSchema),
      requests: z.optional(
        z.looseObject({
          sampling: z.optional(z.looseObject({ createMessage: z.optional(JSONObjectSchema) })),
          elicitation: z.optional(z.looseObject({ create: z.optional(JSONObjectSchema) })),
        }),
      ),
    }),
  ),
});
/** Capabilities a client supports. Each present key enables a feature. */
export interface ClientCapabilities extends z.infer<typeof clientCapabilitiesSchema> {}
/** Capabilities a client supports. Each present key enables a feature. */
export const ClientCapabilitiesSchema: z.ZodMiniType<ClientCapabilities> = clientCapabilitiesSchema;

const listChanged = z.looseObject({ listChanged: z.optional(z.boolean()) });

const serverCapabilitiesSchema = z.looseObject({
  /** Experimental, non-standard capabilities. */
  experimental: z.optional(z.record(z.string(), JSONObjectSchema)),
  /** Extensions the server supports, keyed by extension id (2026-07-28). */
  extensions: z.optional(z.record(z.string(), JSONObjectSchema)),
  /** The server can send log messages. */
  logging: z.optional(JSONObjectSchema),
  /** The server offers argument completions. */
  completions: z.optional(JSONObjectSchema),
  /** The server offers prompts. */
  prompts: z.optional(listChanged),
  /** The server offers resources. */
  resources: z.optional(z.looseObject({ subscribe: z.optional(z.boolean()), listChanged: z.optional(z.boolean()) })),
  /** The server offers tools. */
  tools: z.optional(listChanged),
  /** 2025-11-25: task-augmented requests the server accepts. */
  tasks: z.optional(
    z.looseObject({
      list: z.optional(JSONObjectSchema),
      cancel: z.optional(JSONObjectSchema),
      requests: z.optional(
        z.looseObject({ tools: z.optional(z.looseObject({ call: z.optional(JSONObjectSchema) })) }),
      ),
    }),
  ),
});
/** Capabilities a server supports. Each present key enables a feature. */
export interface ServerCapabilities extends z.infer<typeof serverCapabilitiesSchema> {}
/** Capabilities a server supports. Each present key enables a feature. */
export const ServerCapabilitiesSchema: z.ZodMiniType<ServerCapabilities> = serverCapabilitiesSchema;
