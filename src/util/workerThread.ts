/** Starting a worker thread on a TypeScript module, through the tsx bootstrap in tsWorker.js. */
import { Worker } from 'node:worker_threads';

export function typescriptWorker(entry: URL, data: object): Worker {
  return new Worker(new URL('./tsWorker.js', import.meta.url), { workerData: { ...data, entry: entry.href } });
}
