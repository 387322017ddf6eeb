/**
 * Defaults of the stdio transport's limits.
 *
 * @module
 */

/** Default maximum size of one message, in bytes, excluding its line terminator: 4 MiB. */
export const DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024;

/** Default wait, in ms, for a child to exit after its stdin is closed before it gets `SIGTERM`. */
export const DEFAULT_CLOSE_GRACE_PERIOD = 2_000;

/** Default wait, in ms, for a child to exit after `SIGTERM` before it gets `SIGKILL`. */
export const DEFAULT_KILL_GRACE_PERIOD = 2_000;
