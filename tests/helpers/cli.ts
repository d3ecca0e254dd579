/**
 * Runs the command line from this repository's sources (through tsx), as a separate process with
 * CI=true, from `cwd` (the repository by default). The packaged `bin/boundcheck.js` is exercised
 * by tests/package/, on the built package installed into a fresh project.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REPOSITORY = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
/** tsx's loader by its own path, so that the CLI runs from any working folder. */
const TSX = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function boundcheckCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, ['--import', TSX, MAIN, ...args], {
    cwd: options.cwd ?? REPOSITORY,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
