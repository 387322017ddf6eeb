// Command resolution (POSIX and Windows rules, with injected platform pieces) and the child environment.
import { describe, expect, it } from 'vitest';
import { McpkitErrorCode } from '@mcpkit/core';
import { getDefaultEnvironment, mergeEnvironment, resolveCommand } from '@mcpkit/transports/stdio';

const winEnv = { Path: 'C:\\nodejs;"C:\\Program Files\\tools"', PATHEXT: '.COM;.EXE;.BAT;.CMD', ComSpec: 'C:\\Windows\\cmd.exe' };

function windows(files: string[]) {
  const set = new Set(files.map((f) => f.toLowerCase()));
  return { platform: 'win32', env: winEnv, cwd: 'C:\\work', isFile: (p: string) => set.has(p.toLowerCase()) };
}

describe('resolveCommand', () => {
  it('runs the command as is, without a shell, on POSIX', () => {
    expect(resolveCommand('npx', ['-y', 'a b;rm -rf /'], { platform: 'linux' })).toEqual({
      file: 'npx',
      args: ['-y', 'a b;rm -rf /'],
      windowsVerbatimArguments: false,
    });
  });

  it('finds an .exe through PATH and PATHEXT on Windows and runs it directly', () => {
    const plan = resolveCommand('node', ['server.js'], windows(['C:\\nodejs\\node.exe']));
    expect(plan).toEqual({ file: 'C:\\nodejs\\node.exe', args: ['server.js'], windowsVerbatimArguments: false });
  });

  it('runs a .cmd through cmd.exe with every argument quoted and its metacharacters escaped', () => {
    const plan = resolveCommand('tool', ['-y', 'a&calc', '%PATH%', 'say "hi"'], windows(['C:\\Program Files\\tools\\tool.cmd']));
    expect(plan.file).toBe('C:\\Windows\\cmd.exe');
    expect(plan.windowsVerbatimArguments).toBe(true);
    expect(plan.args.slice(0, 3)).toEqual(['/d', '/s', '/c']);
    expect(plan.args[3]).toBe(
      '"C:\\Program^ Files\\tools\\tool.cmd ^"-y^" ^"a^&calc^" ^"^%PATH^%^" ^"say^ \\^"hi\\^"^""',
    );
  });

  it('escapes twice for npm .cmd shims, whose %* is parsed by cmd.exe again', () => {
    const shim = 'C:\\work\\node_modules\\.bin\\srv.cmd';
    const plan = resolveCommand('node_modules\\.bin\\srv', ['a|b'], windows([shim]));
    expect(plan.args[3]).toBe('"C:\\work\\node_modules\\.bin\\srv.cmd ^^^"a^^^|b^^^""');
  });

  it('doubles backslashes that precede a quote or the end of an argument', () => {
    const plan = resolveCommand('tool', ['C:\\dir\\', 'a\\"b'], windows(['C:\\nodejs\\tool.bat']));
    expect(plan.args[3]).toBe('"C:\\nodejs\\tool.bat ^"C:\\dir\\\\^" ^"a\\\\\\^"b^""');
  });

  it('refuses an argument with a line break for a .cmd file', () => {
    expect(() => resolveCommand('tool', ['a\nb'], windows(['C:\\nodejs\\tool.cmd']))).toThrow(
      expect.objectContaining({ code: McpkitErrorCode.InvalidArgument }),
    );
  });

  it('leaves an unknown command for spawn to report, and never searches the working directory', () => {
    expect(resolveCommand('ghost', [], windows(['C:\\work\\ghost.cmd'])).file).toBe('ghost');
  });
});

describe('child environment', () => {
  it('inherits only the safe POSIX variables and skips exported shell functions', () => {
    const env = getDefaultEnvironment(
      { PATH: '/bin', HOME: '/home/u', SECRET_TOKEN: 't', AWS_SECRET_ACCESS_KEY: 'k', SHELL: '() { :; }; evil' },
      'linux',
    );
    expect(env).toEqual({ PATH: '/bin', HOME: '/home/u' });
  });

  it('reads Windows variables whatever their case, and overrides replace them whatever the case', () => {
    const base = getDefaultEnvironment({ Path: 'C:\\bin', SystemRoot: 'C:\\Windows', Secret: 'x' }, 'win32');
    expect(base).toEqual({ PATH: 'C:\\bin', SYSTEMROOT: 'C:\\Windows' });
    expect(mergeEnvironment(base, { path: 'D:\\tools', EXTRA: '1' }, 'win32')).toEqual({
      SYSTEMROOT: 'C:\\Windows',
      path: 'D:\\tools',
      EXTRA: '1',
    });
  });

  it('merges overrides onto the base on POSIX, case-sensitively', () => {
    expect(mergeEnvironment({ PATH: '/bin' }, { Path: '/x', PATH: '/y' }, 'linux')).toEqual({ PATH: '/y', Path: '/x' });
  });
});
