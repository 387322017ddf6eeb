/**
 * The `tools/call` request texts the parse-validate benchmark feeds to every contender.
 *
 * @module
 */

/** `legacy`: a 2025-11-25 request; `modern`: a 2026-07-28 request carrying its `_meta` envelope. */
export type Variant = 'legacy' | 'modern';

/** Builds `count` distinct JSON texts of `tools/call` requests (ids and arguments vary). */
export function buildMessages(variant: Variant, count: number): string[] {
  const texts: string[] = [];
  for (let i = 0; i < count; i++) {
    const params: Record<string, unknown> = {
      name: i % 2 === 0 ? 'calculator_add' : 'text_transform',
      arguments: i % 2 === 0 ? { a: i, b: i * 0.5 } : { text: `hello world ${i}`, mode: 'upper', trim: true },
      _meta: { progressToken: `p-${i}` },
    };
    if (variant === 'modern') {
      params._meta = {
        progressToken: `p-${i}`,
        'io.modelcontextprotocol/protocolVersion': '2026-07-28',
        'io.modelcontextprotocol/clientCapabilities': { sampling: {}, elicitation: { form: {} } },
        'io.modelcontextprotocol/clientInfo': { name: 'bench-client', version: '1.0.0' },
      };
    }
    texts.push(JSON.stringify({ jsonrpc: '2.0', id: i + 1, method: 'tools/call', params }));
  }
  return texts;
}
