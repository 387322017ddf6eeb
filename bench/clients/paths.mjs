/** Where the contenders' server scripts live. */
import { fileURLToPath } from 'node:url';

/** The four contenders, in their canonical order. */
export const CONTENDERS = ['raw', 'v1', 'v2', 'mcpkit'];

/** Absolute path of a contender's server script (`bench/servers/<name>.mjs`). */
export function serverScript(name) {
  return fileURLToPath(new URL(`../servers/${name}.mjs`, import.meta.url));
}

/**
 * Extra node flags for server children, from `BENCH_SERVER_NODE_ARGS` (space-separated), e.g.
 * `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` to profile the server side.
 */
export function serverNodeArgs() {
  return (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter((arg) => arg.length > 0);
}
