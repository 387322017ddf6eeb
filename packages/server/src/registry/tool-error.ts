/**
 * The error a tool throws to fail with a message the model may read.
 *
 * @module
 */

const TOOL_ERROR_BRAND = Symbol.for('@mcpkit/server/ToolError');

/**
 * Thrown by a tool handler to fail with `isError: true` and this message as the result's text.
 * Any other thrown error becomes a generic message, so internals never reach the client.
 *
 * @example
 * ```ts
 * if (!city) throw new ToolError('Unknown city: try a larger town nearby');
 * ```
 */
export class ToolError extends Error {
  /** @param message - shown to the client and the model */
  constructor(message: string) {
    super(message);
    this.name = 'ToolError';
    Object.defineProperty(this, TOOL_ERROR_BRAND, { value: true });
  }

  /** Brand check that works across copies of the package. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[TOOL_ERROR_BRAND] === true;
  }
}
