/**
 * What a minimal bundle is made of: bundles one entry like weight.mjs does and lists the inputs
 * by bytes in the minified output.
 *
 *     node bench/weight/explain.mjs mcpkit/minimal-browser-client.ts [browser|node] [--top 25]
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const positional = process.argv.slice(2).filter((arg, i, all) => !arg.startsWith('--') && all[i - 1] !== '--top');
const [entry = 'mcpkit/minimal-browser-client.ts', platform = entry.includes('browser') ? 'browser' : 'node'] = positional;
const topIndex = process.argv.indexOf('--top');
const top = topIndex >= 0 ? Number(process.argv[topIndex + 1]) : 25;
const result = await build({
  entryPoints: [join(dirname(fileURLToPath(import.meta.url)), entry)],
  bundle: true,
  minify: true,
  format: 'esm',
  platform,
  target: 'es2022',
  write: false,
  metafile: true,
  logLevel: 'silent',
});
const [output] = Object.values(result.metafile.outputs);
const inputs = Object.entries(output.inputs).map(([path, { bytesInOutput }]) => ({ path: path.replace(/^.*node_modules\//, ''), bytes: bytesInOutput }));
const byPackage = new Map();
for (const { path, bytes } of inputs) {
  const pkg = path.startsWith('@') ? path.split('/').slice(0, 2).join('/') : path.split('/')[0];
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + bytes);
}
console.log(`${entry}: ${output.bytes} bytes minified`);
console.log('\nby package');
for (const [pkg, bytes] of [...byPackage].sort((a, b) => b[1] - a[1])) console.log(`${String(bytes).padStart(8)}  ${pkg}`);
console.log('\nby file');
for (const { path, bytes } of inputs.sort((a, b) => b.bytes - a.bytes).slice(0, top)) console.log(`${String(bytes).padStart(8)}  ${path}`);
