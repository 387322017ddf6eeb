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

/**
 * Throws `MCPKIT_INVALID_RESPONSE` (with `data.issues`) if `result` is not a valid result of
 * `method`. Methods the core has no schema for pass unchecked. The result is returned untouched,
 * so schemas in it are forwarded exactly as sent.
 */
export function validateResult<T>(method: string, result: Record<string, unknown>): T {
  const schema = Object.hasOwn(schemas, method) ? schemas[method]?.result : undefined;
  if (schema !== undefined) {
    const parsed = schema.safeParse(result);
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => ({ path: [...i.path], message: i.message }));
      throw new McpkitError(McpkitErrorCode.InvalidResponse, `Invalid ${method} result from the server: ${describe(issues[0])}`, {
        data: { method, issues },
      });
    }
  }
  return result as T;
}
