/**
 * Weight of each SDK: install size and transitive dependency count of what a user installs, and
 * minified + gzipped bundles (esbuild) of a minimal stdio server and a minimal browser client.
 *
 * Install size = bytes of every file of every package in the production dependency closure
 * (dependencies + non-optional peerDependencies, as npm 7+ installs them). For a workspace
 * package only what it publishes counts (`files`, package.json, README, LICENSE).
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));

/** What a user installs for a stdio server and for a browser client, per SDK. */
export const INSTALLS = {
  mcpkit: { server: ['@mcpkit/server', '@mcpkit/transports'], client: ['@mcpkit/client', '@mcpkit/transports'] },
  v1: { server: ['@modelcontextprotocol/sdk'], client: ['@modelcontextprotocol/sdk'] },
  v2: { server: ['@modelcontextprotocol/server'], client: ['@modelcontextprotocol/client'] },
};

/** The real directory of package `name` as Node resolves it from `fromDir`. */
function findPackage(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) throw new Error(`${name} not found from ${fromDir}`);
  }
}

/** Total size of the files under `dir`, nested node_modules excluded. */
function treeBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += treeBytes(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

/** Bytes a package puts on a user's disk. */
function packageBytes(dir, manifest) {
  if (dir.includes(`${join('node_modules', '.pnpm')}`) || !Array.isArray(manifest.files)) return treeBytes(dir);
  // A workspace package: count what `npm publish` would ship.
  let total = 0;
  const always = readdirSync(dir).filter((f) => /^(package\.json|readme|license)/i.test(f));
  for (const entry of [...manifest.files, ...always]) {
    const path = join(dir, entry);
    if (!existsSync(path)) continue;
    total += statSync(path).isDirectory() ? treeBytes(path) : statSync(path).size;
  }
  return total;
}

/** `{ bytes, packages }` of the production closure of `roots` (resolved from bench/). */
export function installSize(roots) {
  const seen = new Map();
  const visit = (name, fromDir) => {
    const dir = findPackage(name, fromDir);
    if (seen.has(dir)) return;
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    seen.set(dir, packageBytes(dir, manifest));
    const optionalPeers = manifest.peerDependenciesMeta ?? {};
    const peers = Object.keys(manifest.peerDependencies ?? {}).filter((p) => optionalPeers[p]?.optional !== true);
    for (const dep of [...Object.keys(manifest.dependencies ?? {}), ...peers]) visit(dep, dir);
  };
  for (const root of roots) visit(root, HERE);
  let bytes = 0;
  for (const size of seen.values()) bytes += size;
  return { bytes, packages: seen.size };
}

/** Minified and gzipped size of one entry bundled with esbuild. */
export async function bundleSize(entry, platform) {
  const result = await build({
    entryPoints: [join(HERE, entry)],
    bundle: true,
    minify: true,
    format: 'esm',
    platform,
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  return { minBytes: code.length, gzipBytes: gzipSync(code, { level: 9 }).length };
}

/** Every weight figure, per contender. */
export async function measureWeight() {
  const rows = [];
  for (const name of ['raw', 'v1', 'v2', 'mcpkit']) {
    const installs = INSTALLS[name];
    rows.push({
      name,
      serverInstall: installs ? installSize(installs.server) : undefined,
      clientInstall: installs ? installSize(installs.client) : undefined,
      stdioServer: await bundleSize(`${name}/minimal-stdio-server.ts`, 'node'),
      browserClient: await bundleSize(`${name}/minimal-browser-client.ts`, 'browser'),
    });
  }
  return rows;
}
