/**
 * Starting a worker thread on one of this package's modules, whether it runs from its TypeScript
 * sources (through the tsx bootstrap in tsWorker.js) or compiled to JavaScript in dist/.
 */
import { Worker } from 'node:worker_threads';

/** The module `name` (no extension) beside `base` (an `import.meta.url`), in base's own language. */
export function siblingModule(base: string, name: string): URL {
  const extension = base.endsWith('.ts') ? '.ts' : '.js';
  return new URL(`./${name}${extension}`, base);
}

export function packageWorker(entry: URL, data: object): Worker {
  return new Worker(new URL('./tsWorker.js', import.meta.url), { workerData: { ...data, entry: entry.href } });
}
