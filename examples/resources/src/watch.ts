/**
 * Watches a folder (recursively) and reports batches of changed paths once things are quiet.
 *
 * @module
 */
import { watch, type FSWatcher } from 'node:fs';
import { sep } from 'node:path';

/** Options of {@link watchFolder}. */
export interface WatchFolderOptions {
  /** Quiet time after the last event before `onChange` runs, ms. */
  debounceMs: number;
  /** Stops watching. */
  signal?: AbortSignal;
}

/**
 * Calls `onChange` with the paths (relative, POSIX separators) named by the events of the last
 * burst. Editors save in several steps (truncate, write, rename), so one save is one batch.
 * Abort `signal` to stop: Node 20's recursive watcher on Linux keeps the process alive even
 * when unref'd.
 */
export function watchFolder(root: string, onChange: (paths: Set<string>) => void, options: WatchFolderOptions): void {
  if (options.signal?.aborted === true) return;
  let pending = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watcher: FSWatcher | undefined;
  const flush = (): void => {
    timer = undefined;
    const paths = pending;
    pending = new Set();
    try {
      onChange(paths);
    } catch {
      // A timer callback that throws would crash the process; the next event rescans anyway.
    }
  };
  const stop = (): void => {
    if (timer !== undefined) clearTimeout(timer);
    watcher?.close();
  };
  watcher = watch(root, { recursive: true }, (_event, filename) => {
    if (filename !== null) pending.add(String(filename).split(sep).join('/'));
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(flush, options.debounceMs);
    timer.unref();
  });
  // Enough on macOS, Windows and newer Node; Node 20 on Linux needs the signal.
  watcher.unref();
  // The folder went away or the OS ran out of watches: stop quietly, the documents stay readable.
  watcher.on('error', stop);
  options.signal?.addEventListener('abort', stop, { once: true });
}
