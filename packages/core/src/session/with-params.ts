/**
 * A typed request handler whose params are validated first.
 *
 * @module
 */
import type * as z from 'zod/mini';
import { compileValidator } from '../jsonrpc/compile-validator.js';
import { invalidParams } from '../jsonrpc/invalid-params.js';
import type { JSONRPCRequest } from '../schemas/jsonrpc.js';
import type { RequestContext, RequestHandler, ResultObject } from './types.js';

/**
 * Wraps a handler so it receives params parsed by `schema` (zod 4, classic or mini). Params that
 * fail validation are answered with Invalid params (-32602) naming each field; an absent `params`
 * is validated as `{}`. The schema is compiled once (see `compileValidator`), so valid params cost
 * a few plain checks and arrive as sent, not copied.
 *
 * @example
 * ```ts
 * session.setRequestHandler('tools/call', withParams(CallToolRequestParamsSchema, async (params, ctx) => {
 *   return { content: [{ type: 'text', text: `called ${params.name}` }] };
 * }));
 * ```
 */
export function withParams<S extends z.core.$ZodType>(
  schema: S,
  handler: (params: z.output<S>, ctx: RequestContext, request: JSONRPCRequest) => ResultObject | Promise<ResultObject>,
): RequestHandler {
  const validate = compileValidator(schema);
  return (request, ctx) => {
    const input = request.params ?? {};
    const parsed = validate(input);
    if (!parsed.success) throw invalidParams(parsed.issues, input);
    return handler(parsed.data, ctx, request);
  };
}
