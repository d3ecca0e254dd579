/**
 * Running the command line as a user would (bin/boundcheck.js, the built package, in a child
 * process) for the fault suite. Runs are asynchronous so that independent cases run at once: most of
 * a case is waiting for a limit to pass.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const root = new URL('../..', import.meta.url).pathname;
/** A built-in claim as built (JavaScript: its evaluator processes start without a TypeScript loader). */
export const O1 = 'dist/proofs-checks/classical/O1-drori-teboulle.js';

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
}

export interface CliOptions {
  readonly cwd?: string;
  /** Kill the run (SIGKILL) after this long (default 280 s, under vitest's 300 s): a safety net for a run that hangs, never a timing assert. */
  readonly timeoutMs?: number;
  /** A shell command line to run instead (to set limits first). */
  readonly shell?: string;
}

/** `boundcheck ...args`, or the `shell` command line given. */
export function boundcheck(args: readonly string[], options: CliOptions = {}): Promise<CliResult> {
  const startedAt = Date.now();
  const [command, commandArgs] = options.shell ? ['/bin/sh', ['-c', options.shell]] : [process.execPath, [join(root, 'bin/boundcheck.js'), ...args]];
  const child = spawn(command, commandArgs, { cwd: options.cwd ?? root, env: { ...process.env, CI: 'true' } });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 280_000);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, seconds: (Date.now() - startedAt) / 1000 });
    });
  });
}

export const scratch = (): string => mkdtempSync(join(tmpdir(), 'boundcheck-faults-'));

/** Files of a folder tree, relative, sorted: left-over temporary files show up here. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}
