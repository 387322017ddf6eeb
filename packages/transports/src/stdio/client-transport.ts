/**
 * The client end of stdio: spawn an MCP server and talk to it over its stdin and stdout.
 *
 * @module
 */
import { spawn as nodeSpawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { PassThrough, type Readable } from 'node:stream';
import { McpError, McpkitError, McpkitErrorCode, type JSONRPCMessage, type Timers, type Transport } from '@mcpkit/core';
import { hasExited, shutdownChild } from './child-shutdown.js';
import { resolveCommand } from './command-resolution.js';
import { getDefaultEnvironment, mergeEnvironment } from './environment.js';
import { DEFAULT_CLOSE_GRACE_PERIOD, DEFAULT_KILL_GRACE_PERIOD } from './limits.js';
import type { LineFramer } from './line-framer.js';
import { LineWriter } from './line-writer.js';
import { createMessageFramer } from './message-framer.js';
import { discardedResponse } from './oversize.js';

/** Spawns a process; the signature of `child_process.spawn` used by {@link StdioClientTransport}. */
export type SpawnFunction = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

/** Options of {@link StdioClientTransport}. */
export interface StdioClientTransportOptions {
  /** The program to run: a name looked up in `PATH`, or a path. Never run through a shell on POSIX. */
  command: string;
  /** Its arguments. Default none. */
  args?: readonly string[];
  /**
   * Variables for the child, merged onto {@link getDefaultEnvironment} (on POSIX `HOME`, `LOGNAME`,
   * `PATH`, `SHELL`, `TERM`, `USER`, `TMPDIR`, `LANG`; on Windows `APPDATA`, `PATH`, `SYSTEMROOT`,
   * `USERPROFILE` and the others its list names). Nothing else of this process leaks to the child.
   */
  env?: Record<string, string>;
  /** The child's working directory. Default this process's. */
  cwd?: string;
  /**
   * What happens to the child's stderr: `'inherit'` (default) writes it to this process's stderr,
   * `'ignore'` drops it, `'pipe'` exposes it as {@link StdioClientTransport.stderr}, which must then
   * be read (a full pipe blocks the child).
   */
  stderr?: 'inherit' | 'pipe' | 'ignore';
  /**
   * The largest inbound message, in bytes, excluding the newline. A longer line is discarded and
   * reported to `onerror` as `MCPKIT_MESSAGE_TOO_LARGE`. When it is a response that begins
   * `{"jsonrpc":"2.0","id":…`, an Internal error (-32603) naming the limit is delivered for its id
   * instead, so the request fails at once. Default 4 MiB (4 * 1024 * 1024).
   */
  maxMessageSize?: number;
  /** On close, ms to wait for the child to exit after its stdin is closed, before `SIGTERM`. Default 2000. */
  closeGracePeriod?: number;
  /** On close, ms to wait after `SIGTERM` before `SIGKILL`. Default 2000. */
  killGracePeriod?: number;
  /** Spawns the child. Default `child_process.spawn`. */
  spawn?: SpawnFunction;
  /** Timers for the grace periods. Default the global `setTimeout`/`clearTimeout`. */
  timers?: Timers;
}

// After the child exits, its stdout normally ends at once; a grandchild holding the pipe must not delay the close.
const EXIT_FLUSH_MS = 100;

const defaultTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * The client end of the stdio transport: spawns the server as a child process and exchanges one
 * JSON-RPC message per line over its stdin and stdout.
 *
 * `close()` shuts the child down as the spec asks: close its stdin, wait `closeGracePeriod`,
 * `SIGTERM`, wait `killGracePeriod`, `SIGKILL`. A child that exits by itself (or crashes) closes
 * the transport at once, so every pending request of a session on top fails immediately.
 *
 * @example
 * ```ts
 * const transport = new StdioClientTransport({ command: 'npx', args: ['-y', 'some-mcp-server'], stderr: 'pipe' });
 * const session = new Session(transport);
 * await session.start();
 * const tools = await session.request('tools/list', {});
 * await session.close(); // stdin closed, then SIGTERM, then SIGKILL if the server lingers
 * ```
 */
export class StdioClientTransport implements Transport {
  /** Called for every inbound message. */
  onmessage?: Transport['onmessage'];
  /** Called once when the transport has closed (locally, or because the child exited). */
  onclose?: Transport['onclose'];
  /** Called for errors that do not close the transport (malformed or oversize input, a failed write). */
  onerror?: Transport['onerror'];

  readonly #options: StdioClientTransportOptions;
  readonly #framer: LineFramer;
  readonly #stderr: PassThrough | null;
  #state: 'new' | 'starting' | 'open' | 'closed' = 'new';
  #child: ChildProcess | undefined;
  #writer: LineWriter | undefined;
  #exited: Promise<void> = Promise.resolve();
  #shutdown: Promise<unknown> | undefined;
  #flushTimer: unknown;

  /** @param options - what to run and how; see {@link StdioClientTransportOptions} */
  constructor(options: StdioClientTransportOptions) {
    assertDuration('closeGracePeriod', options.closeGracePeriod);
    assertDuration('killGracePeriod', options.killGracePeriod);
    this.#options = options;
    this.#stderr = options.stderr === 'pipe' ? new PassThrough() : null;
    this.#framer = createMessageFramer(
      {
        message: (message) => this.#deliver(message),
        malformed: (response) => this.#report(McpError.fromWire(response.error)),
        oversize: (error, head) => {
          this.#report(error);
          // An oversize request from the server is only reported: the client answers no malformed input.
          if (head?.kind === 'response') this.#deliver(discardedResponse(head.id, this.#framer.maxMessageSize));
        },
      },
      options.maxMessageSize,
    );
  }

  /** The child's process id, once started. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /**
   * The child's stderr when the `stderr` option is `'pipe'` (available before `start()`, so no
   * output is missed), else `null`.
   */
  get stderr(): Readable | null {
    return this.#stderr;
  }

  /**
   * Spawns the child. Rejects with `MCPKIT_TRANSPORT` when it cannot be started (for example
   * the command does not exist), and with `MCPKIT_INVALID_ARGUMENT` if called twice.
   */
  async start(): Promise<void> {
    if (this.#state !== 'new') {
      throw new McpkitError(McpkitErrorCode.InvalidArgument, 'StdioClientTransport was already started');
    }
    this.#state = 'starting';
    const { command, args = [], cwd } = this.#options;
    const env = mergeEnvironment(getDefaultEnvironment(), this.#options.env);
    let child: ChildProcess;
    try {
      const plan = resolveCommand(command, args, cwd === undefined ? { env } : { env, cwd });
      child = (this.#options.spawn ?? nodeSpawn)(plan.file, plan.args, {
        env,
        ...(cwd === undefined ? {} : { cwd }),
        stdio: ['pipe', 'pipe', this.#options.stderr ?? 'inherit'],
        shell: false,
        windowsHide: true,
        windowsVerbatimArguments: plan.windowsVerbatimArguments,
      });
    } catch (cause) {
      this.#state = 'closed';
      this.#stderr?.end();
      throw spawnError(command, cause);
    }
    this.#child = child;
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', () => {
        if (this.#state === 'starting') {
          this.#state = 'open';
          resolve();
        } else reject(new McpkitError(McpkitErrorCode.NotConnected, 'The transport was closed while starting'));
      });
      child.once('error', (cause) => {
        if (this.#state !== 'starting') return;
        this.#state = 'closed';
        // Nothing runs, so a later close() has nothing to shut down.
        this.#child = undefined;
        this.#stderr?.end();
        reject(spawnError(command, cause));
      });
      this.#attach(child);
    });
  }

  /** Writes one message to the child's stdin. Rejects with `MCPKIT_NOT_CONNECTED` unless open. */
  async send(message: JSONRPCMessage): Promise<void> {
    if (this.#state !== 'open' || this.#writer === undefined) {
      throw new McpkitError(McpkitErrorCode.NotConnected, 'The stdio transport is not open');
    }
    await this.#writer.write(message);
  }

  /** Shuts the child down (stdin close, then `SIGTERM`, then `SIGKILL`) and fires `onclose`. Idempotent. */
  async close(): Promise<void> {
    if (this.#state === 'new') {
      this.#state = 'closed';
      return;
    }
    if (this.#child === undefined) return;
    await this.#stopChild(this.#child);
    this.#finish();
  }

  #attach(child: ChildProcess): void {
    this.#writer = child.stdin === null ? undefined : new LineWriter(child.stdin);
    this.#exited = new Promise((resolve) => child.once('exit', () => resolve()));
    // A child that is gone makes writes fail with EPIPE; pending sends reject, nothing may crash.
    child.stdin?.on('error', (cause) => {
      if (this.#state === 'open') this.#report(transportError('Writing to the server failed', cause));
    });
    child.on('error', (cause) => {
      if (this.#state === 'open') this.#report(transportError('The server process reported an error', cause));
    });
    if (this.#stderr !== null) child.stderr?.pipe(this.#stderr);
    const stdout = child.stdout;
    if (stdout === null) return;
    stdout.on('data', (chunk: Buffer) => {
      if (this.#state === 'open') this.#framer.push(chunk);
    });
    stdout.on('error', (cause) => {
      if (this.#state === 'open') this.#report(transportError('Reading from the server failed', cause));
    });
    const ended = (): void => this.#remoteClosed(child);
    stdout.once('end', ended);
    stdout.once('close', ended);
    child.once('exit', () => {
      if (this.#state !== 'open') return;
      const timer = (this.#options.timers ?? defaultTimers).setTimeout(() => {
        stdout.destroy();
        this.#remoteClosed(child);
      }, EXIT_FLUSH_MS);
      this.#flushTimer = timer;
    });
  }

  #remoteClosed(child: ChildProcess): void {
    if (this.#state !== 'open') return;
    this.#framer.end();
    this.#finish();
    // The server closed its output; make sure it also goes away.
    this.#stopChild(child).catch(() => undefined);
  }

  #stopChild(child: ChildProcess): Promise<unknown> {
    this.#shutdown ??= hasExited(child)
      ? Promise.resolve()
      : shutdownChild(child, this.#exited, {
          closeGracePeriod: this.#options.closeGracePeriod ?? DEFAULT_CLOSE_GRACE_PERIOD,
          killGracePeriod: this.#options.killGracePeriod ?? DEFAULT_KILL_GRACE_PERIOD,
          timers: this.#options.timers ?? defaultTimers,
        });
    return this.#shutdown;
  }

  #finish(): void {
    if (this.#state === 'closed') return;
    this.#state = 'closed';
    if (this.#flushTimer !== undefined) (this.#options.timers ?? defaultTimers).clearTimeout(this.#flushTimer);
    try {
      this.onclose?.();
    } catch (cause) {
      this.#report(transportError('The onclose handler threw', cause));
    }
  }

  #deliver(message: JSONRPCMessage): void {
    // A handler may close the transport while later lines of the same chunk are still queued.
    if (this.#state !== 'open') return;
    try {
      this.onmessage?.(message);
    } catch (cause) {
      this.#report(transportError('The onmessage handler threw', cause));
    }
  }

  #report(error: Error): void {
    try {
      this.onerror?.(error);
    } catch {
      // An onerror that throws has nowhere left to report to.
    }
  }
}

function assertDuration(name: string, value: number | undefined): void {
  if (value === undefined || (Number.isFinite(value) && value >= 0)) return;
  throw new McpkitError(McpkitErrorCode.InvalidArgument, `${name} must be a non-negative number of ms, got ${String(value)}`);
}

function transportError(message: string, cause: unknown): McpkitError {
  return new McpkitError(McpkitErrorCode.Transport, message, { cause });
}

function spawnError(command: string, cause: unknown): McpkitError {
  if (cause instanceof McpkitError) return cause;
  const code = (cause as { code?: unknown } | null)?.code;
  const why =
    code === 'ENOENT'
      ? 'the command or the working directory was not found (check the name, PATH and cwd)'
      : code === 'EACCES'
        ? 'permission denied (is the file executable?)'
        : 'the process could not be spawned';
  return new McpkitError(McpkitErrorCode.Transport, `Could not start the MCP server "${command}": ${why}`, {
    cause,
    data: { command, code: typeof code === 'string' ? code : undefined },
  });
}
