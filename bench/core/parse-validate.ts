/**
 * Parse + validate throughput of inbound `tools/call` requests, as a ratio to `JSON.parse` alone.
 *
 * Each contender turns the same 100,000 JSON texts into validated messages:
 * - `JSON.parse` alone (the baseline, ratio 1.0);
 * - mcpkit: `decodeMessages` (parse + envelope check) and `CallToolRequestParamsSchema` on params,
 *   through `compileValidator` (as `withParams` uses it);
 * - the official SDK v1: `JSON.parse`, `JSONRPCMessageSchema.parse`, `CallToolRequestSchema.parse`.
 *
 * Contenders run interleaved chunk by chunk (5,000 messages), in rotating order, for several
 * repetitions; the report gives each repetition's ratio and the medians. Run from the workspace root:
 *
 *     node --import tsx bench/core/parse-validate.ts [--count 100000] [--reps 9]
 *
 * @module
 */
import { CallToolRequestSchema as SdkCallToolRequestSchema, JSONRPCMessageSchema as SdkMessageSchema } from '@modelcontextprotocol/sdk/types.js';
import { compileValidator, decodeMessages } from '../../packages/core/src/jsonrpc/index.js';
import { CallToolRequestParamsSchema } from '../../packages/core/src/schemas/tools.js';
import { buildMessages, type Variant } from './messages.js';

interface Contender {
  readonly name: string;
  /** Processes every message; returns a number derived from the output so nothing is optimised away. */
  run(texts: readonly string[]): number;
}

const baseline: Contender = {
  name: 'JSON.parse',
  run(texts) {
    let sink = 0;
    for (const text of texts) sink += (JSON.parse(text) as { id: number }).id;
    return sink;
  },
};

// Compiled once, as `withParams` does when a handler is registered.
const validateCallToolParams = compileValidator(CallToolRequestParamsSchema);

const mcpkit: Contender = {
  name: 'mcpkit decode+validate',
  run(texts) {
    let sink = 0;
    for (const text of texts) {
      const { messages } = decodeMessages(text);
      const message = messages[0];
      if (message === undefined || !('params' in message)) throw new Error('bench input must decode');
      const parsed = validateCallToolParams(message.params);
      if (!parsed.success) throw new Error('bench input must validate');
      sink += parsed.data.name.length;
    }
    return sink;
  },
};

const officialV1: Contender = {
  name: 'official SDK v1',
  run(texts) {
    let sink = 0;
    for (const text of texts) {
      const message = SdkMessageSchema.parse(JSON.parse(text));
      sink += SdkCallToolRequestSchema.parse(message).params.name.length;
    }
    return sink;
  },
};

function time(contender: Contender, texts: readonly string[]): number {
  const start = performance.now();
  const sink = contender.run(texts);
  const elapsed = performance.now() - start;
  if (!Number.isFinite(sink)) throw new Error('unreachable');
  return elapsed;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Slices of the input timed back to back, so a burst of load on a shared machine hits every contender alike. */
const CHUNK = 5_000;

function benchVariant(variant: Variant, count: number, reps: number): void {
  const texts = buildMessages(variant, count);
  const chunks: string[][] = [];
  for (let i = 0; i < texts.length; i += CHUNK) chunks.push(texts.slice(i, i + CHUNK));
  const contenders = [baseline, mcpkit, officialV1];
  for (const contender of contenders) time(contender, texts.slice(0, 20_000)); // warm-up, JIT included
  const samples = new Map<Contender, number[]>(contenders.map((c) => [c, []]));
  for (let rep = 0; rep < reps; rep++) {
    const totals = new Map<Contender, number>(contenders.map((c) => [c, 0]));
    chunks.forEach((chunk, c) => {
      // Rotate the order so no contender always runs right after another's garbage.
      for (let k = 0; k < contenders.length; k++) {
        const contender = contenders[(rep + c + k) % contenders.length] as Contender;
        totals.set(contender, (totals.get(contender) ?? 0) + time(contender, chunk));
      }
    });
    for (const contender of contenders) samples.get(contender)?.push(totals.get(contender) ?? 0);
  }
  const base = samples.get(baseline) ?? [];
  console.log(`\n${variant} tools/call, ${count} messages (${texts[0]?.length ?? 0} bytes each), ${reps} repetitions`);
  for (const contender of contenders) {
    const ms = samples.get(contender) ?? [];
    const ratios = ms.map((m, i) => m / (base[i] ?? m));
    console.log(
      `  ${contender.name.padEnd(24)} median ${median(ms).toFixed(1).padStart(7)} ms  ratio median ${median(ratios).toFixed(2)}x  per rep [${ratios.map((r) => r.toFixed(2)).join(', ')}]`,
    );
  }
}

const count = argument('count', 100_000);
const reps = argument('reps', 9);
console.log(`node ${process.version}; ratio = time / JSON.parse time in the same repetition`);
benchVariant('legacy', count, reps);
benchVariant('modern', count, reps);
