/**
 * A throwaway PostgreSQL cluster for tests: `initdb` in a temporary directory, `pg_ctl start` on a
 * free port of 127.0.0.1, removed afterwards. PostgreSQL refuses to run as root, so as root the
 * commands run as the `postgres` user (Debian's package creates it).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Where `initdb` and `pg_ctl` are: on PATH, or in Debian's /usr/lib/postgresql/<version>/bin. */
export function findPostgresBin(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    if (dir !== '' && existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  const debian = '/usr/lib/postgresql';
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = join(debian, version, 'bin');
    if (existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'))) return dir;
  }
  return undefined;
}

/** `runuser` lives in /usr/sbin, which a non-login PATH may lack. */
function runuserPath(): string {
  return ['/usr/sbin/runuser', '/sbin/runuser', '/usr/bin/runuser'].find((p) => existsSync(p)) ?? 'runuser';
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A running cluster. */
export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  /** Stops the server and deletes its directory. */
  stop(): Promise<void>;
}

/** Starts a cluster with the binaries in `binDir`. */
export async function startPostgres(binDir: string): Promise<PostgresCluster> {
  const asRoot = process.getuid?.() === 0;
  const dir = await mkdtemp(join(tmpdir(), 'mcpkit-pg-'));
  const data = join(dir, 'data');
  const pgCommand = (tool: string, args: string[]): Promise<unknown> =>
    asRoot ? run(runuserPath(), ['-u', 'postgres', '--', join(binDir, tool), ...args], { cwd: dir }) : run(join(binDir, tool), args, { cwd: dir });
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  const port = await freePort();
  await pgCommand('initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
  // The socket goes in our directory (the default one may not exist); TCP only on loopback.
  await pgCommand('pg_ctl', ['-D', data, '-w', '-t', '20', '-l', join(dir, 'log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await pgCommand('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
