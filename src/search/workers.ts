/**
 * Evaluation of the random stage's points on worker threads, so that every core works. Each worker
 * loads the claim file itself (through tsx) and evaluates a contiguous chunk; results come back in
 * sample order, so the search that follows is the same as with one thread.
 */
import type { Evaluation } from '../claims/evaluate.js';
import type { Params } from '../claims/family.js';
import { InputError } from '../util/errors.js';
import { packageWorker, siblingModule } from '../util/workerThread.js';

export interface WorkerJob {
  readonly claimFile: string;
  /** Export name of the claim in that file (`default` for the main claim). */
  readonly exportName: string;
  readonly points: readonly Params[];
  readonly tolerance: number;
  /** Epoch milliseconds after which a worker stops evaluating (its chunk is then cut short). */
  readonly deadline?: number;
}

export type WorkerMessage =
  | { readonly kind: 'progress'; readonly done: number }
  | { readonly kind: 'result'; readonly evaluations: Evaluation[] }
  | { readonly kind: 'error'; readonly message: string; readonly input: boolean };

export async function evaluateInWorkers(
  job: WorkerJob,
  workers: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Evaluation[]> {
  const chunkSize = Math.ceil(job.points.length / workers);
  const chunks = Array.from({ length: workers }, (_, k) => job.points.slice(k * chunkSize, (k + 1) * chunkSize));
  const done = new Array<number>(workers).fill(0);
  const results = await Promise.all(
    chunks.map(
      (points, k) =>
        new Promise<Evaluation[]>((resolvePromise, reject) => {
          if (points.length === 0) return resolvePromise([]);
          const worker = packageWorker(siblingModule(import.meta.url, 'worker'), { ...job, points });
          worker.on('message', (message: WorkerMessage) => {
            if (message.kind === 'progress') {
              done[k] = message.done;
              onProgress?.(done.reduce((a, b) => a + b, 0), job.points.length);
            } else if (message.kind === 'result') {
              resolvePromise(message.evaluations);
              void worker.terminate();
            } else {
              reject(message.input ? new InputError(message.message) : new Error(message.message));
              void worker.terminate();
            }
          });
          worker.on('error', reject);
        }),
    ),
  );
  // Keep the longest prefix of the sample order: a chunk cut short (deadline, violation) ends it.
  const prefix: Evaluation[] = [];
  for (let k = 0; k < workers; k++) {
    prefix.push(...results[k]);
    if (results[k].length < chunks[k].length) break;
  }
  return prefix;
}
