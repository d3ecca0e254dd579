/** Running the command line as a user would (bin/boundcheck.js in a child process) for the fault suite. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;
export const O1 = 'proofs-checks/classical/O1-drori-teboulle.ts';

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

/** `boundcheck ...args`, or the `shell` command line given (to set limits first). */
export function boundcheck(args: readonly string[], options: { cwd?: string; timeoutMs?: number; shell?: string } = {}): CliResult {
  const startedAt = Date.now();
  const [command, commandArgs] = options.shell ? ['/bin/sh', ['-c', options.shell]] : [process.execPath, [join(root, 'bin/boundcheck.js'), ...args]];
  const result = spawnSync(command, commandArgs, {
    cwd: options.cwd ?? root,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true' },
    timeout: options.timeoutMs ?? 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, seconds: (Date.now() - startedAt) / 1000 };
}

export const scratch = (): string => mkdtempSync(join(tmpdir(), 'boundcheck-faults-'));

/** Files of a folder tree, relative, sorted: left-over temporary files show up here. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}
