/**
 * Child-process helpers of the harness: CPU time of another process, spawning an HTTP server
 * child and reading its announced port, and running a worker script that prints one JSON line.
 * Every wait is bounded by a timeout.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { serverNodeArgs } from '../clients/paths.mjs';

// Linux reports utime/stime in clock ticks; 100 per second on every mainstream kernel config.
const TICK_US = 10_000;

/** User + system CPU time of process `pid` in µs (Linux /proc), or undefined elsewhere. */
export function processCpuUs(pid) {
  if (pid === undefined) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) of this process in µs. */
export function ownCpuUs() {
  const { user, system } = process.cpuUsage();
  return user + system;
}

/** Resolves the next stdout line of `child` parsed as JSON, or rejects after `timeoutMs`. */
export function nextJsonLine(lines, timeoutMs, what) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      lines.off('line', onLine);
      reject(new Error(`${what}: no answer within ${timeoutMs} ms`));
    }, timeoutMs);
    const onLine = (line) => {
      let value;
      try {
        value = JSON.parse(line);
      } catch {
        return; // not ours: a stray log line
      }
      clearTimeout(timer);
      lines.off('line', onLine);
      resolve(value);
    };
    lines.on('line', onLine);
  });
}

/**
 * Starts `node <script> http <mode>` (with --expose-gc for memory readings) and waits for its port.
 * Returns `{ url, pid, memory(), stop() }`.
 */
export async function startHttpServer(script, mode, timeoutMs = 15_000) {
  const child = spawn(process.execPath, ['--expose-gc', ...serverNodeArgs(), script, 'http', mode], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const { port } = await nextJsonLine(lines, timeoutMs, `${script} start`);
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    pid: child.pid,
    /** Heap and RSS of the server after a full GC. */
    async memory() {
      const reading = nextJsonLine(lines, timeoutMs, `${script} memory`);
      child.stdin.write('mem\n');
      return reading;
    },
    async stop() {
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Runs `node [nodeArgs] <script> <json-args>` and resolves the last JSON line it prints.
 * Rejects on a non-zero exit or after `timeoutMs` (the child is killed).
 */
export function runJsonWorker(script, args, { timeoutMs, nodeArgs = [] }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, JSON.stringify(args)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      const last = output.trim().split('\n').pop() ?? '';
      let value;
      try {
        value = JSON.parse(last);
      } catch {
        value = undefined;
      }
      if (code === 0 && value !== undefined) resolve(value);
      else reject(new Error(value?.error ?? `${script} exited with ${signal ?? code}`));
    });
  });
}
