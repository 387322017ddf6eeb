/**
 * The side channel of an HTTP server child: it announces its port on stdout, then answers
 * `mem` lines on stdin with its heap and RSS after a full GC (run the child with --expose-gc), and
 * `snapshot <path>` lines with a heap snapshot.
 * Stdio server children do not use it: their stdin and stdout carry the protocol.
 */
import { createInterface } from 'node:readline';
import { writeHeapSnapshot } from 'node:v8';

/** Prints the port as the first stdout line, then serves `mem` requests until stdin ends. */
export function announce(port) {
  process.stdout.write(`${JSON.stringify({ port })}\n`);
  const lines = createInterface({ input: process.stdin });
  lines.on('line', (line) => {
    // `snapshot <path>`: a heap snapshot for bench/profile/heap-summary.mjs (a profiling aid).
    if (line.startsWith('snapshot ')) {
      globalThis.gc?.();
      writeHeapSnapshot(line.slice('snapshot '.length).trim());
      process.stdout.write(`${JSON.stringify({ snapshot: true })}\n`);
      return;
    }
    if (line.trim() !== 'mem') return;
    // Twice: the first pass can leave finalizer work that the second one frees.
    globalThis.gc?.();
    globalThis.gc?.();
    const { heapUsed, rss } = process.memoryUsage();
    process.stdout.write(`${JSON.stringify({ heapUsed, rss })}\n`);
  });
  // The parent closing our stdin is the signal to go.
  lines.on('close', () => process.exit(0));
}

/** `node server.mjs <stdio|http> [json|sse]` → `{ transport, mode }`. */
export function parseServerArgs(argv = process.argv.slice(2)) {
  const transport = argv[0] === 'http' ? 'http' : 'stdio';
  const mode = argv[1] === 'sse' ? 'sse' : 'json';
  return { transport, mode };
}

/** True when `meta.url` is the script node was started with. */
export function isMain(meta) {
  return process.argv[1] !== undefined && new URL(meta.url).pathname === process.argv[1];
}
