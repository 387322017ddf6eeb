/**
 * Public barrel of the JSON-RPC layer: decoding, encoding and error responses. Curated: every
 * name here is public API.
 *
 * @module
 */
export { compileValidator, type CompiledValidator, type ValidationResult } from './compile-validator.js';
export { decodeMessages, DEFAULT_MAX_BATCH_SIZE, type DecodeOptions, type DecodeResult } from './decode.js';
export { encodeMessage } from './encode.js';
export { checkMessage, envelopeProblem, isRequestId } from './envelope.js';
export {
  errorResponse,
  errorResponseFrom,
  internalError,
  methodNotFound,
  parseErrorResponse,
} from './responses.js';
export {
  formatIssuePath,
  invalidParams,
  MAX_WIRE_ISSUES,
  toWireIssues,
  type IssuePathSegment,
  type SchemaIssue,
  type WireIssue,
} from './invalid-params.js';
