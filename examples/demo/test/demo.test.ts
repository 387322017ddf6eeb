import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const demoDir = fileURLToPath(new URL('../', import.meta.url));

function run(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/client.ts'], { cwd: demoDir, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('the README demo', () => {
  it('talks to the stdio server in the negotiated modern era and in the pinned legacy era', async () => {
    const { code, stdout, stderr } = await run();
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('== negotiated: era modern, server mcpkit-demo 1.0.0');
    expect(stdout).toContain('== legacy, pinned: era legacy, server mcpkit-demo 1.0.0');
    expect(stdout.match(/add\(2, 3\)\s+\{"sum":5\}/g)).toHaveLength(2);
    expect(stdout.match(/greet\s+Hello, Ada!/g)).toHaveLength(2);
    expect(stdout.match(/prompt\s+Please review this TypeScript code\./g)).toHaveLength(2);
  });
});
