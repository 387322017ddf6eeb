/**
 * The error objects and error responses the spec defines, by code.
 *
 * @module
 */
import * as z from 'zod/mini';
import { ClientCapabilitiesSchema } from './capabilities.js';
import { ElicitRequestURLParamsSchema } from './elicitation.js';
import { ErrorObjectSchema, JSONRPC_VERSION, RequestIdSchema } from './jsonrpc.js';

/** The `error` member of an error response: code, message, optional data. */
export type ErrorObject = z.infer<typeof ErrorObjectSchema>;

const errorOf = <C extends number>(code: C) =>
  z.looseObject({ code: z.literal(code), message: z.string(), data: z.optional(z.unknown()) });

/** -32700: the message was not valid JSON. */
export const ParseErrorSchema = errorOf(-32700);
/** -32700: the message was not valid JSON. */
export type ParseError = z.infer<typeof ParseErrorSchema>;

/** -32600: the message is not a valid JSON-RPC request. */
export const InvalidRequestErrorSchema = errorOf(-32600);
/** -32600: the message is not a valid JSON-RPC request. */
export type InvalidRequestError = z.infer<typeof InvalidRequestErrorSchema>;

/** -32601: unknown method, or one gated behind a capability the server did not advertise. */
export const MethodNotFoundErrorSchema = errorOf(-32601);
/** -32601: unknown method. */
export type MethodNotFoundError = z.infer<typeof MethodNotFoundErrorSchema>;

/** -32602: invalid params (unknown tool, prompt or resource, bad arguments, bad cursor). */
export const InvalidParamsErrorSchema = errorOf(-32602);
/** -32602: invalid params. */
export type InvalidParamsError = z.infer<typeof InvalidParamsErrorSchema>;

/** -32603: the receiver failed internally. */
export const InternalErrorSchema = errorOf(-32603);
/** -32603: the receiver failed internally. */
export type InternalError = z.infer<typeof InternalErrorSchema>;

const errorResponse = <E extends z.ZodMiniType>(error: E) =>
  z.looseObject({ jsonrpc: z.literal(JSONRPC_VERSION), id: z.optional(RequestIdSchema), error });

/** -32020 response (2026-07-28): HTTP headers disagree with the body, or are missing. */
export const HeaderMismatchErrorSchema = errorResponse(errorOf(-32020));
/** -32020 response (2026-07-28). */
export type HeaderMismatchError = z.infer<typeof HeaderMismatchErrorSchema>;

/** -32021 response (2026-07-28): the request needs client capabilities that were not declared. */
export const MissingRequiredClientCapabilityErrorSchema = errorResponse(
  z.looseObject({
    code: z.literal(-32021),
    message: z.string(),
    data: z.looseObject({ requiredCapabilities: ClientCapabilitiesSchema }),
  }),
);
/** -32021 response (2026-07-28). */
export type MissingRequiredClientCapabilityError = z.infer<typeof MissingRequiredClientCapabilityErrorSchema>;

/** -32022 response (2026-07-28): the protocol version is not supported; `data.supported` lists them. */
export const UnsupportedProtocolVersionErrorSchema = errorResponse(
  z.looseObject({
    code: z.literal(-32022),
    message: z.string(),
    data: z.looseObject({ requested: z.string(), supported: z.array(z.string()) }),
  }),
);
/** -32022 response (2026-07-28). */
export type UnsupportedProtocolVersionError = z.infer<typeof UnsupportedProtocolVersionErrorSchema>;

/** -32042 response (2025-11-25): complete these URL-mode elicitations, then retry. */
export const URLElicitationRequiredErrorSchema = errorResponse(
  z.looseObject({
    code: z.literal(-32042),
    message: z.string(),
    data: z.looseObject({ elicitations: z.array(ElicitRequestURLParamsSchema) }),
  }),
);
/** -32042 response (2025-11-25). */
export type URLElicitationRequiredError = z.infer<typeof URLElicitationRequiredErrorSchema>;
