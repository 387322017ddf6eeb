/**
 * The calculator: one tool per binary operation, and `evaluate` for whole expressions.
 *
 * @module
 */
import { ToolError, type McpServer } from '@mcpkit/server';
import * as z from 'zod';
import { applyBinary, type BinaryOperator } from './calculator/arithmetic.js';
import { evaluateExpression } from './calculator/evaluate.js';
import { ExpressionError } from './calculator/expression-error.js';
import type { ToolsServerOptions } from './limits.js';

const OPERATIONS: ReadonlyArray<{ name: string; title: string; operator: BinaryOperator; description: string }> = [
  { name: 'add', title: 'Add', operator: '+', description: 'Add two numbers: a + b' },
  { name: 'subtract', title: 'Subtract', operator: '-', description: 'Subtract b from a: a - b' },
  { name: 'multiply', title: 'Multiply', operator: '*', description: 'Multiply two numbers: a * b' },
  { name: 'divide', title: 'Divide', operator: '/', description: 'Divide a by b: a / b (b must not be zero)' },
  { name: 'power', title: 'Power', operator: '^', description: 'Raise a to the power b: a ^ b' },
];

const PURE = { readOnlyHint: true, idempotentHint: true, openWorldHint: false } as const;

/** Runs a computation, turning arithmetic failures into tool errors the model can read. */
function compute<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof ExpressionError) throw new ToolError(error.message);
    throw error;
  }
}

/** Registers `add`, `subtract`, `multiply`, `divide`, `power` and `evaluate` on `server`. */
export function registerCalculatorTools(server: McpServer, limits: Required<ToolsServerOptions>): void {
  const operands = z.object({ a: z.number().describe('The first operand'), b: z.number().describe('The second operand') });
  const result = z.object({ result: z.number().describe('The result') });
  for (const { name, title, operator, description } of OPERATIONS) {
    server.tool(name, { title, description, inputSchema: operands, outputSchema: result, annotations: PURE }, ({ a, b }) => ({
      structuredContent: { result: compute(() => applyBinary(operator, a, b)) },
    }));
  }

  server.tool(
    'evaluate',
    {
      title: 'Evaluate',
      description:
        'Evaluate an arithmetic expression: numbers, + - * / % ^, parentheses, unary minus, ' +
        'sqrt abs round floor ceil exp ln log10 sin cos tan min max, and the constants pi, e, tau. ' +
        'Example: "2 * (3 + 4) ^ 2 - sqrt(16)".',
      inputSchema: z.object({ expression: z.string().describe('The expression, e.g. "max(1, 2) * pi"') }),
      outputSchema: z.object({ expression: z.string(), result: z.number() }),
      annotations: PURE,
    },
    ({ expression }) => ({
      structuredContent: {
        expression,
        result: compute(() => evaluateExpression(expression, { maxLength: limits.maxExpressionLength, maxDepth: limits.maxExpressionDepth })),
      },
    }),
  );
}
