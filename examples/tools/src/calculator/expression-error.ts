/**
 * The one error the expression evaluator throws.
 *
 * @module
 */

/** A malformed expression, an arithmetic failure (division by zero) or a limit reached. */
export class ExpressionError extends Error {
  /** Offset in the source where the problem was found, when there is one. */
  readonly position: number | undefined;

  /**
   * @param message - says what is wrong and where, for the user and the model
   * @param position - zero-based offset in the source
   */
  constructor(message: string, position?: number) {
    super(message);
    this.name = 'ExpressionError';
    this.position = position;
  }
}
