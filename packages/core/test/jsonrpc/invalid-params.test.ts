import * as zc from 'zod';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { ErrorCode, McpError } from '../../src/errors.js';
import { encodeMessage, errorResponse, formatIssuePath, internalError, invalidParams, methodNotFound } from '../../src/jsonrpc/index.js';

const CallParams = z.object({ name: z.string(), arguments: z.optional(z.record(z.string(), z.unknown())) });
const AddArgs = z.object({ a: z.number(), b: z.number() });

describe('invalidParams', () => {
  it('names the field and why, with zod mini issues', () => {
    const input = { arguments: { a: 'x', b: 2 } };
    const parsed = z.safeParse(z.object({ arguments: AddArgs }), input);
    expect(parsed.success).toBe(false);
    const error = invalidParams(parsed.error?.issues ?? [], input);
    expect(error).toBeInstanceOf(McpError);
    expect(error.code).toBe(ErrorCode.InvalidParams);
    expect(error.message).toBe('Invalid params: arguments.a: expected number, received string');
    expect(error.data).toEqual({ issues: [{ path: 'arguments.a', message: 'expected number, received string' }] });
  });

  it('names missing fields and works with zod classic', () => {
    const parsed = zc.object({ name: zc.string(), items: zc.array(zc.object({ id: zc.int() })) }).safeParse({ items: [{ id: 1 }, { id: 'x' }] });
    const error = invalidParams(parsed.error?.issues ?? [], { items: [{ id: 1 }, { id: 'x' }] });
    expect(error.message).toBe('Invalid params: name: expected string, received undefined; items[1].id: expected number, received string');
  });

  it('uses the issue message when there is no input, and for other issue kinds', () => {
    const parsed = z.safeParse(CallParams, { name: 5 });
    expect(invalidParams(parsed.error?.issues ?? []).message).toBe('Invalid params: name: expected string');
    const custom = invalidParams([{ message: 'must be positive', path: [{ key: 'count' }] }, { message: 'Invalid input: bad shape' }]);
    expect(custom.message).toBe('Invalid params: count: must be positive; bad shape');
  });

  it('bounds the message and the issue list', () => {
    const issues = Array.from({ length: 80 }, (_, i) => ({ message: 'bad', path: [`f${i}`] }));
    const error = invalidParams(issues);
    expect(error.message).toBe('Invalid params: f0: bad; f1: bad; f2: bad (and 77 more)');
    expect((error.data as { issues: unknown[] }).issues).toHaveLength(50);
  });

  it('formats paths', () => {
    expect(formatIssuePath(['a', 0, 'b', { key: 'c' }, 1])).toBe('a[0].b.c[1]');
    expect(formatIssuePath([0])).toBe('[0]');
    expect(formatIssuePath(undefined)).toBe('');
  });
});

describe('error builders', () => {
  it('build spec-shaped error responses', () => {
    expect(errorResponse(3, -32602, 'bad')).toEqual({ jsonrpc: '2.0', id: 3, error: { code: -32602, message: 'bad' } });
    expect(errorResponse(null, -32700, 'Parse error', { at: 1 })).toEqual({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error', data: { at: 1 } } });
    expect(methodNotFound('x'.repeat(1000)).message).toHaveLength('Method not found: '.length + 201);
    expect(internalError().toWire()).toEqual({ code: ErrorCode.InternalError, message: 'Internal error' });
  });

  it('encodeMessage serialises and refuses what JSON cannot hold', () => {
    expect(encodeMessage({ jsonrpc: '2.0', method: 'x' })).toBe('{"jsonrpc":"2.0","method":"x"}');
    expect(() => encodeMessage({ jsonrpc: '2.0', method: 'x', params: { n: 1n } })).toThrow('cannot be serialised');
  });
});
