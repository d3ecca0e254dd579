/**
 * Starting a worker thread or a child process on one of our modules through the bootstrap in
 * tsWorker.js: from the TypeScript sources (tsx registered there) or from compiled JavaScript (no
 * toolchain unless it imports TypeScript claim files).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Worker, type ResourceLimits, type TransferListItem } from 'node:worker_threads';

export interface WorkerOptions {
  /** The thread imports TypeScript files (claim files) beyond `entry`. */
  readonly typescript?: boolean;
  readonly resourceLimits?: ResourceLimits;
  readonly transferList?: readonly TransferListItem[];
}

/** `name` next to `base` with base's extension (`.ts` from the sources, `.js` once compiled). */
export function siblingModule(base: string, name: string): URL {
  const extension = base.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, base);
}

export function moduleWorker(entry: URL, data: object, options: WorkerOptions = {}): Worker {
  const typescript = entry.pathname.endsWith('.ts') || options.typescript === true;
  return new Worker(new URL('./tsWorker.js', import.meta.url), {
    workerData: { ...data, entry: entry.href, typescript },
    ...(options.resourceLimits ? { resourceLimits: options.resourceLimits } : {}),
    ...(options.transferList ? { transferList: [...options.transferList] } : {}),
  });
}

/**
 * A child process on `entry`, talking over IPC with structured clones (NaN and Infinity survive),
 * its V8 heap capped at `heapMb`; its output is dropped (a claim's prints, V8's out-of-memory dump).
 */
export function moduleProcess(entry: URL, options: { readonly typescript?: boolean; readonly heapMb: number }): ChildProcess {
  const typescript = entry.pathname.endsWith('.ts') || options.typescript === true;
  return fork(fileURLToPath(new URL('./tsWorker.js', import.meta.url)), [JSON.stringify({ entry: entry.href, typescript })], {
    serialization: 'advanced',
    execArgv: [`--max-old-space-size=${options.heapMb}`],
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
  });
}
