/**
 * Vitest global setup: compiles the WebAssembly kernels (`npm run build:wasm`) when
 * src/linalg/denseKernels.wasm is missing or older than its source, so that tests running from the
 * sources use the same kernels as the built package.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE = fileURLToPath(new URL('../../assembly/denseKernels.ts', import.meta.url));
const BINARY = fileURLToPath(new URL('../../src/linalg/denseKernels.wasm', import.meta.url));

export default function setup(): void {
  if (existsSync(BINARY) && statSync(BINARY).mtimeMs >= statSync(SOURCE).mtimeMs) return;
  execFileSync('npm', ['run', '--silent', 'build:wasm'], { cwd: ROOT, stdio: 'inherit' });
}
