/**
 * Graceful-then-forceful shutdown of a child process, as the stdio transport specifies: close its
 * stdin, wait, `SIGTERM`, wait, `SIGKILL`.
 *
 * @module
 */
import type { ChildProcess } from 'node:child_process';
import type { Timers } from '@mcpkit/core';

/** Grace periods and timers of {@link shutdownChild}. */
export interface ShutdownOptions {
  /** Wait in ms after closing stdin before `SIGTERM`. */
  closeGracePeriod: number;
  /** Wait in ms after `SIGTERM` before `SIGKILL`, and after `SIGKILL` before giving up. */
  killGracePeriod: number;
  /** Timers used for the waits. */
  timers: Timers;
}

/** How the child ended up being stopped. */
export type ShutdownOutcome = 'exited' | 'terminated' | 'killed' | 'unresponsive';

/**
 * Stops `child`. `exited` must resolve once the child has exited. On Windows, where there are no
 * signals, both `kill` calls end the process with `TerminateProcess`.
 */
export async function shutdownChild(
  child: ChildProcess,
  exited: Promise<void>,
  options: ShutdownOptions,
): Promise<ShutdownOutcome> {
  if (hasExited(child)) return 'exited';
  child.stdin?.end();
  if (await settlesWithin(exited, options.closeGracePeriod, options.timers)) return 'exited';
  signal(child, 'SIGTERM');
  if (await settlesWithin(exited, options.killGracePeriod, options.timers)) return 'terminated';
  signal(child, 'SIGKILL');
  // A process stuck in the kernel may outlive even SIGKILL; the caller must not hang on it.
  return (await settlesWithin(exited, options.killGracePeriod, options.timers)) ? 'killed' : 'unresponsive';
}

/** True once the child has exited, whether by itself or by a signal. */
export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function signal(child: ChildProcess, name: NodeJS.Signals): void {
  try {
    child.kill(name);
  } catch {
    // The process is already gone; the exit event settles the wait.
  }
}

function settlesWithin(promise: Promise<void>, ms: number, timers: Timers): Promise<boolean> {
  return new Promise((resolve) => {
    const handle = timers.setTimeout(() => resolve(false), ms);
    promise.then(
      () => {
        timers.clearTimeout(handle);
        resolve(true);
      },
      () => {
        timers.clearTimeout(handle);
        resolve(true);
      },
    );
  });
}
