/**
 * How a handler's `ctx.elicit / sample / roots` reach the client. Three strategies share one
 * interface: legacy server-to-client requests, modern input_required rounds (replay), and tasks.
 *
 * @module
 */
import {
  ErrorCode,
  McpError,
  McpkitError,
  McpkitErrorCode,
  REQUEST_SCHEMAS,
  hasCapability,
  missingClientCapabilityError,
  type CapabilitiesObject,
  type ParamsObject,
  type RequestContext,
  type ResultObject,
} from '@mcpkit/core';

/** The server-to-client methods a handler may need. */
export type InputMethod = 'elicitation/create' | 'sampling/createMessage' | 'roots/list';

/** One input request, as put in `inputRequests`. */
export interface InputRequest {
  /** The method. */
  method: InputMethod;
  /** Its params. */
  params: ParamsObject;
}

/** Delivers input requests and resolves with the client's answers. */
export interface InputChannel {
  /** Asks the client; `key` names the request (deterministic default when absent). */
  request(input: InputRequest, key: string | undefined): Promise<ResultObject>;
}

/** The client capability an input request needs, as a dotted path and as a capabilities object. */
export function requiredCapability(input: InputRequest): { path: string; object: CapabilitiesObject } {
  if (input.method === 'roots/list') return { path: 'roots', object: { roots: {} } };
  if (input.method === 'sampling/createMessage') {
    return input.params.tools !== undefined
      ? { path: 'sampling.tools', object: { sampling: { tools: {} } } }
      : { path: 'sampling', object: { sampling: {} } };
  }
  return input.params.mode === 'url'
    ? { path: 'elicitation.url', object: { elicitation: { url: {} } } }
    : { path: 'elicitation.form', object: { elicitation: {} } };
}

/** Checks a client's answer against the method's result schema; -32602 when it is not one. */
export function checkInputResponse(input: InputRequest, key: string, response: unknown): ResultObject {
  const checked = REQUEST_SCHEMAS[input.method].result.safeParse(response);
  if (!checked.success || typeof response !== 'object' || response === null) {
    throw new McpError(ErrorCode.InvalidParams, `inputResponses["${key}"] is not a valid ${input.method} result`);
  }
  return response as ResultObject;
}

/** Legacy era: a server-to-client request on the connection, after a capability check. */
export function legacyInputChannel(rctx: RequestContext, capabilities: CapabilitiesObject): InputChannel {
  return {
    async request(input) {
      const needed = requiredCapability(input);
      if (!hasCapability(capabilities, needed.path)) {
        throw new McpkitError(McpkitErrorCode.CapabilityMissing, `The client does not support ${input.method} (capability "${needed.path}" not declared)`);
      }
      try {
        return await rctx.request(input.method, input.params);
      } catch (error) {
        // The peer's refusal is a fact about this call, not a protocol error of ours.
        if (error instanceof McpError) {
          throw new McpkitError(McpkitErrorCode.InvalidResponse, `The client answered ${input.method} with an error: ${(error as McpError).message}`, { cause: error });
        }
        throw error;
      }
    },
  };
}

/** Throws -32021 unless the modern client declared what `input` needs. */
export function assertModernCapability(input: InputRequest, capabilities: CapabilitiesObject): void {
  const needed = requiredCapability(input);
  if (!hasCapability(capabilities, needed.path)) throw missingClientCapabilityError(needed.object);
}
