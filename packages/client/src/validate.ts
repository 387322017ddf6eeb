/**
 * Checks results from the server against the core protocol schemas.
 *
 * @module
 */
import { McpkitError, McpkitErrorCode, REQUEST_SCHEMAS } from '@mcpkit/core';

/** One issue of a failed result validation. */
export interface ResultIssue {
  /** Where in the result (property names and indices). */
  path: ReadonlyArray<PropertyKey>;
  /** What is wrong. */
  message: string;
}

interface SafeParser {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: ReadonlyArray<ResultIssue> } };
}

const schemas = REQUEST_SCHEMAS as unknown as Readonly<Record<string, { result?: SafeParser } | undefined>>;

function describe(issue: ResultIssue | undefined): string {
  if (issue === undefined) return 'does not match the schema';
  const at = issue.path.length === 0 ? '' : ` at ${issue.path.map(String).join('.')}`;
  return `${issue.message}${at}`;
}

/** The issues of `value` as a result of `method`, or `undefined` when valid (or unchecked). */
export function resultIssues(method: string, value: Record<string, unknown>): ResultIssue[] | undefined {
  const schema = Object.hasOwn(schemas, method) ? schemas[method]?.result : undefined;
  if (schema === undefined) return undefined;
  const parsed = schema.safeParse(value);
  return parsed.success ? undefined : parsed.error.issues.map((i) => ({ path: [...i.path], message: i.message }));
}

/**
 * Throws `MCPKIT_INVALID_RESPONSE` (with `data.issues`) if `result` is not a valid result of
 * `method`. Methods the core has no schema for pass unchecked. The result is returned untouched,
 * so schemas in it are forwarded exactly as sent.
 */
export function validateResult<T>(method: string, result: Record<string, unknown>): T {
  const issues = resultIssues(method, result);
  if (issues !== undefined) {
    throw new McpkitError(McpkitErrorCode.InvalidResponse, `Invalid ${method} result from the server: ${describe(issues[0])}`, {
      data: { method, issues },
    });
  }
  return result as T;
}

/**
 * Throws `MCPKIT_INVALID_ARGUMENT` (with `data.issues`) if an input handler of the client returned
 * something that is not a valid result of `method`, so nothing malformed reaches the server.
 */
export function checkHandlerResult(method: string, result: Record<string, unknown>): Record<string, unknown> {
  const issues = resultIssues(method, result);
  if (issues !== undefined) {
    throw new McpkitError(McpkitErrorCode.InvalidArgument, `The client's ${method} handler returned an invalid result: ${describe(issues[0])}`, {
      data: { method, issues },
    });
  }
  return result;
}
