// Helpers for tests that drive real child processes.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Readable } from 'node:stream';

/** The repository root: tsx resolves the workspace path aliases from there. */
export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** Absolute path of a fixture. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
}

/** Spawns a TypeScript fixture under tsx with raw pipes. */
export function spawnTsFixture(name: string, args: string[] = []): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', fixture(name), ...args], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Reads a stream as lines; `next()` resolves with the next one (rejects if the stream ends first). */
export class LineReader {
  readonly #lines: string[] = [];
  readonly #waiters: Array<{ resolve: (line: string) => void; reject: (error: Error) => void }> = [];
  #buffer = '';
  #ended = false;

  constructor(stream: Readable) {
    stream.setEncoding('utf8');
    stream.on('data', (text: string) => {
      this.#buffer += text;
      let index: number;
      while ((index = this.#buffer.indexOf('\n')) !== -1) {
        this.#push(this.#buffer.slice(0, index));
        this.#buffer = this.#buffer.slice(index + 1);
      }
    });
    stream.on('end', () => {
      this.#ended = true;
      for (const waiter of this.#waiters.splice(0)) waiter.reject(new Error('stream ended'));
    });
  }

  /** Every line received so far and not yet taken. */
  get pending(): readonly string[] {
    return this.#lines;
  }

  next(): Promise<string> {
    const line = this.#lines.shift();
    if (line !== undefined) return Promise.resolve(line);
    if (this.#ended) return Promise.reject(new Error('stream ended'));
    return new Promise((resolve, reject) => this.#waiters.push({ resolve, reject }));
  }

  /** Waits for a line containing `text`. */
  async waitFor(text: string): Promise<string> {
    for (;;) {
      const line = await this.next();
      if (line.includes(text)) return line;
    }
  }

  #push(line: string): void {
    const waiter = this.#waiters.shift();
    if (waiter === undefined) this.#lines.push(line);
    else waiter.resolve(line);
  }
}

/** Resolves with the exit code and signal of a child. */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

/** True while a process with this pid exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
