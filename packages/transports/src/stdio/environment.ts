/**
 * The environment a spawned MCP server gets: a short list of safe variables inherited from this
 * process, plus whatever the caller passes.
 *
 * @module
 */

/**
 * Variables inherited by default on POSIX: enough to find programs, the home directory, the user,
 * the terminal, the temporary directory and the locale; nothing that carries secrets.
 */
export const DEFAULT_INHERITED_ENV_VARS_POSIX: readonly string[] = [
  'HOME',
  'LOGNAME',
  'PATH',
  'SHELL',
  'TERM',
  'USER',
  'TMPDIR',
  'LANG',
];

/** Variables inherited by default on Windows: the ones programs need to start and find their files. */
export const DEFAULT_INHERITED_ENV_VARS_WIN32: readonly string[] = [
  'APPDATA',
  'COMSPEC',
  'HOMEDRIVE',
  'HOMEPATH',
  'LOCALAPPDATA',
  'PATH',
  'PATHEXT',
  'PROCESSOR_ARCHITECTURE',
  'PROGRAMFILES',
  'SYSTEMDRIVE',
  'SYSTEMROOT',
  'TEMP',
  'TMP',
  'USERNAME',
  'USERPROFILE',
];

/** An environment as passed to `child_process.spawn`. */
export type Environment = Record<string, string>;

/**
 * The safe default environment for a child: the variables of
 * {@link DEFAULT_INHERITED_ENV_VARS_POSIX} (or `…_WIN32` on Windows) that are set in `source`.
 * Values that start with `()` are skipped: they are exported shell functions, a known injection
 * vector.
 *
 * @param source - the environment to inherit from (default `process.env`)
 * @param platform - the platform whose list applies (default `process.platform`)
 */
export function getDefaultEnvironment(
  source: Readonly<Record<string, string | undefined>> = process.env,
  platform: string = process.platform,
): Environment {
  const names = platform === 'win32' ? DEFAULT_INHERITED_ENV_VARS_WIN32 : DEFAULT_INHERITED_ENV_VARS_POSIX;
  const env: Environment = {};
  for (const name of names) {
    const value = lookup(source, name, platform);
    if (value === undefined || value.startsWith('()')) continue;
    env[name] = value;
  }
  return env;
}

/**
 * Merges `overrides` onto `base`. On Windows, where variable names are case-insensitive, an
 * override replaces a base variable whatever its case, so the child never sees both `PATH` and `Path`.
 */
export function mergeEnvironment(
  base: Environment,
  overrides: Readonly<Record<string, string>> | undefined,
  platform: string = process.platform,
): Environment {
  const env: Environment = { ...base };
  if (overrides === undefined) return env;
  for (const [name, value] of Object.entries(overrides)) {
    if (platform === 'win32') {
      for (const existing of Object.keys(env)) {
        if (existing.toUpperCase() === name.toUpperCase()) delete env[existing];
      }
    }
    env[name] = value;
  }
  return env;
}

function lookup(
  source: Readonly<Record<string, string | undefined>>,
  name: string,
  platform: string,
): string | undefined {
  const exact = source[name];
  if (exact !== undefined || platform !== 'win32') return exact;
  // A plain object copy of a Windows environment may spell the name `Path` or `SystemRoot`.
  for (const [key, value] of Object.entries(source)) {
    if (key.toUpperCase() === name) return value;
  }
  return undefined;
}
