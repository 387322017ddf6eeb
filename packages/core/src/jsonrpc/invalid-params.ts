/**
 * Turns validation issues (zod 3/4 classic or mini, or any Standard Schema library) into the
 * Invalid params error (-32602) with a message that names the field and says why.
 *
 * @module
 */
import { ErrorCode, McpError } from '../errors.js';
import { truncate } from './responses.js';

/** A path segment as Standard Schema reports it: a key, or an object holding the key. */
export type IssuePathSegment = PropertyKey | { readonly key: PropertyKey };

/**
 * One validation issue. Structural, so zod issues (classic and mini) and Standard Schema issues
 * fit without conversion.
 */
export interface SchemaIssue {
  /** What is wrong. */
  readonly message: string;
  /** Where, from the root of the validated value. */
  readonly path?: ReadonlyArray<IssuePathSegment> | undefined;
  /** zod's issue code, when the issue comes from zod. */
  readonly code?: string | undefined;
  /** zod's expected type of an `invalid_type` issue. */
  readonly expected?: unknown;
}

/** One issue as sent in `data.issues` of an Invalid params error. */
export interface WireIssue {
  /** The path as text, e.g. `arguments.a` or `messages[0].role`; empty for the root. */
  path: string;
  /** What is wrong, e.g. `expected number, received string`. */
  message: string;
}

/** Issues named in the message; all issues (up to {@link MAX_WIRE_ISSUES}) go in `data.issues`. */
const MAX_MESSAGE_ISSUES = 3;

/** At most this many issues are sent to the peer, so a huge invalid input cannot make a huge error. */
export const MAX_WIRE_ISSUES = 50;

function segmentKey(segment: IssuePathSegment): PropertyKey {
  return typeof segment === 'object' && segment !== null ? segment.key : segment;
}

/** Formats a path as `a.b[0].c`. */
export function formatIssuePath(path: ReadonlyArray<IssuePathSegment> | undefined): string {
  if (path === undefined) return '';
  let text = '';
  for (const segment of path) {
    const key = segmentKey(segment);
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return truncate(text, 200);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function valueAt(input: unknown, path: ReadonlyArray<IssuePathSegment> | undefined): unknown {
  let node = input;
  for (const segment of path ?? []) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<PropertyKey, unknown>)[segmentKey(segment)];
  }
  return node;
}

function describeIssue(issue: SchemaIssue, input: unknown, hasInput: boolean): string {
  // zod mini ships no locale, so its messages read "Invalid input"; rebuild the useful part.
  if (issue.code === 'invalid_type' && typeof issue.expected === 'string') {
    if (!hasInput) return `expected ${issue.expected}`;
    return `expected ${issue.expected}, received ${typeName(valueAt(input, issue.path))}`;
  }
  const message = issue.message.startsWith('Invalid input: ') ? issue.message.slice('Invalid input: '.length) : issue.message;
  return truncate(message, 300);
}

/**
 * Converts issues to their wire form. Pass the validated `input` so type errors can say what was
 * received (zod mini does not).
 */
export function toWireIssues(issues: ReadonlyArray<SchemaIssue>, ...input: [unknown?]): WireIssue[] {
  const hasInput = input.length > 0;
  const out: WireIssue[] = [];
  for (const issue of issues.slice(0, MAX_WIRE_ISSUES)) {
    out.push({ path: formatIssuePath(issue.path), message: describeIssue(issue, input[0], hasInput) });
  }
  return out;
}

/**
 * The Invalid params error (-32602) for failed validation. The message names each field and why;
 * `data.issues` lists `{ path, message }`.
 *
 * @param issues - the issues of a failed `safeParse` (zod) or `validate` (Standard Schema)
 * @param input - the params that were validated, to report the received type
 *
 * @example
 * ```ts
 * const parsed = z.safeParse(CallToolParams, request.params);
 * if (!parsed.success) throw invalidParams(parsed.error.issues, request.params);
 * // McpError -32602 "Invalid params: arguments.a: expected number, received string"
 * ```
 */
export function invalidParams(issues: ReadonlyArray<SchemaIssue>, ...input: [unknown?]): McpError {
  const wire = toWireIssues(issues, ...input);
  if (wire.length === 0) return new McpError(ErrorCode.InvalidParams, 'Invalid params', { issues: wire });
  const parts = wire.slice(0, MAX_MESSAGE_ISSUES).map((issue) => (issue.path === '' ? issue.message : `${issue.path}: ${issue.message}`));
  const more = wire.length > MAX_MESSAGE_ISSUES ? ` (and ${issues.length - MAX_MESSAGE_ISSUES} more)` : '';
  return new McpError(ErrorCode.InvalidParams, `Invalid params: ${parts.join('; ')}${more}`, { issues: wire });
}
