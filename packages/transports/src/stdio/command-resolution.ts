/**
 * Turns a command and its arguments into what `child_process.spawn` must run, without a shell on
 * POSIX and with safe `cmd.exe` quoting for `.cmd`/`.bat` files on Windows.
 *
 * @module
 */
import { statSync } from 'node:fs';
import { win32 } from 'node:path';
import { McpkitError, McpkitErrorCode } from '@mcpkit/core';

/** What to pass to `spawn`: the file, its arguments and whether Node must pass them verbatim. */
export interface SpawnPlan {
  /** The program to run. */
  file: string;
  /** Its arguments. */
  args: string[];
  /** True when `args` are already quoted for `cmd.exe` and must not be quoted again by Node. */
  windowsVerbatimArguments: boolean;
}

/** Platform pieces used by {@link resolveCommand}; each has a default from this process. */
export interface ResolveCommandOptions {
  /** The platform (default `process.platform`). */
  platform?: string;
  /** The environment whose `PATH`, `PATHEXT` and `COMSPEC` apply (default `process.env`). */
  env?: Readonly<Record<string, string | undefined>>;
  /** The directory relative commands are resolved against (default `process.cwd()`). */
  cwd?: string;
  /** True if `path` is an existing file (default: a `statSync` check). */
  isFile?: (path: string) => boolean;
}

const DEFAULT_PATHEXT = ['.COM', '.EXE', '.BAT', '.CMD'];
// Characters cmd.exe gives a meaning to; a caret makes each one literal.
const CMD_META = /[()[\]%!^"`<>&|;, *?]/g;
const NPM_SHIM = /node_modules[\\/]\.bin[\\/][^\\/]+\.cmd$/i;

/**
 * Plans the spawn of `command` with `args`.
 *
 * - POSIX: the command as is, no shell, so arguments are never interpreted.
 * - Windows: the command is looked up in `PATH` with `PATHEXT` (so `npx` finds `npx.cmd`). A
 *   `.cmd` or `.bat` file cannot be spawned directly, so it runs through `cmd.exe /d /s /c` with
 *   every argument quoted and its metacharacters escaped; an argument with a line break or NUL,
 *   which `cmd.exe` cannot carry, is refused with `MCPKIT_INVALID_ARGUMENT`.
 *
 * @example
 * ```ts
 * const plan = resolveCommand('npx', ['-y', 'some-mcp-server']);
 * spawn(plan.file, plan.args, { windowsVerbatimArguments: plan.windowsVerbatimArguments });
 * ```
 */
export function resolveCommand(
  command: string,
  args: readonly string[],
  options: ResolveCommandOptions = {},
): SpawnPlan {
  const platform = options.platform ?? process.platform;
  if (platform !== 'win32') return { file: command, args: [...args], windowsVerbatimArguments: false };
  const env = options.env ?? process.env;
  const resolved = findWindowsExecutable(command, env, options.cwd ?? process.cwd(), options.isFile ?? isFile);
  if (resolved === undefined || !/\.(cmd|bat)$/i.test(resolved)) {
    return { file: resolved ?? command, args: [...args], windowsVerbatimArguments: false };
  }
  const doubleEscape = NPM_SHIM.test(resolved);
  const line = [escapeCmdCommand(resolved), ...args.map((arg) => escapeCmdArgument(arg, doubleEscape))].join(' ');
  return {
    file: envValue(env, 'COMSPEC') ?? 'cmd.exe',
    args: ['/d', '/s', '/c', `"${line}"`],
    windowsVerbatimArguments: true,
  };
}

/**
 * Finds the file Windows would run for `command`: a path is checked as is and with each `PATHEXT`
 * extension; a bare name is searched in the directories of `PATH` (not the working directory, so a
 * planted file there is never picked). Returns `undefined` when nothing is found.
 */
export function findWindowsExecutable(
  command: string,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
  exists: (path: string) => boolean,
): string | undefined {
  const extensions = (envValue(env, 'PATHEXT') ?? '')
    .split(';')
    .map((ext) => ext.trim())
    .filter((ext) => ext.length > 0);
  const exts = extensions.length > 0 ? extensions : DEFAULT_PATHEXT;
  const hasDirectory = /[\\/]/.test(command) || /^[a-zA-Z]:/.test(command);
  const bases = hasDirectory
    ? [win32.resolve(cwd, command)]
    : (envValue(env, 'PATH') ?? '')
        .split(';')
        .map((dir) => dir.trim().replace(/^"(.*)"$/, '$1'))
        .filter((dir) => dir.length > 0)
        .map((dir) => win32.join(dir, command));
  const hasKnownExtension = exts.some((ext) => command.toUpperCase().endsWith(ext.toUpperCase()));
  for (const base of bases) {
    if (hasKnownExtension && exists(base)) return base;
    for (const ext of exts) {
      const candidate = base + ext.toLowerCase();
      if (exists(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * Quotes one argument for the C runtime's command-line parser, then escapes `cmd.exe`
 * metacharacters (twice for npm's `.cmd` shims, which hand `%*` to a second `cmd.exe` parse).
 */
export function escapeCmdArgument(arg: string, doubleEscape: boolean): string {
  if (/[\r\n\0]/.test(arg)) {
    throw new McpkitError(
      McpkitErrorCode.InvalidArgument,
      'An argument for a .cmd or .bat command contains a line break or NUL, which cmd.exe cannot pass on safely',
    );
  }
  // Backslashes before a quote, or at the end (before the closing quote), are doubled.
  const quoted = `"${arg.replace(/(\\*)"/g, '$1$1\\"').replace(/(\\+)$/, '$1$1')}"`;
  const once = quoted.replace(CMD_META, '^$&');
  return doubleEscape ? once.replace(CMD_META, '^$&') : once;
}

function escapeCmdCommand(path: string): string {
  return path.replace(CMD_META, '^$&');
}

function envValue(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const exact = env[name];
  if (exact !== undefined) return exact;
  for (const [key, value] of Object.entries(env)) {
    if (key.toUpperCase() === name) return value;
  }
  return undefined;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
