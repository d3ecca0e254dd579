/**
 * The API reference builds: TypeDoc over src/index.ts and bounds/*.ts (typedoc.json, warnings
 * treated as errors: an exported signature that references an unexported type, a broken link)
 * must finish with no warning and no error. Written to a temporary folder, not out/docs.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

it('npm run docs: TypeDoc builds the API reference with no warnings', async () => {
  const out = mkdtempSync(join(tmpdir(), 'boundcheck-docs-'));
  try {
    const typedoc = join(root, 'node_modules', '.bin', 'typedoc');
    const result = await promisify(execFile)(typedoc, ['--out', out], { cwd: root, env: { ...process.env, NO_COLOR: '1' } }).catch(
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    const output = `${result.stdout}${result.stderr}`;
    expect(output).not.toMatch(/\[(warning|error)\]/);
    expect('code' in result ? result.code : 0).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(existsSync(join(out, 'functions', 'boundcheck.problem.html'))).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}, 180_000);
