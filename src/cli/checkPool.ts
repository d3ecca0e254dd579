/**
 * `check` on several cores: a pool of persistent worker threads, each searching whole claims one
 * at a time. Results come back in the claims' order, so the output does not depend on the number
 * of workers.
 */
import type { Report } from '../report/report.js';
import { InputError } from '../util/errors.js';
import { packageWorker, siblingModule } from '../util/workerThread.js';
import type { ClaimTarget } from './falsify.js';
import type { SearchCliOptions } from './options.js';
import type { CheckProgress } from './progress.js';

export interface CheckJob {
  readonly index: number;
  readonly file: string;
  readonly exportName: string;
  readonly options: SearchCliOptions;
  readonly reportFile?: string;
}

export type CheckWorkerMessage =
  | { readonly kind: 'progress'; readonly index: number; readonly done: number }
  | { readonly kind: 'report'; readonly index: number; readonly report: Report; readonly seconds: number }
  | { readonly kind: 'error'; readonly index: number; readonly message: string; readonly input: boolean };

export interface CheckedClaim {
  readonly report: Report;
  readonly seconds: number;
}

export async function checkInWorkers(
  targets: readonly ClaimTarget[],
  options: SearchCliOptions,
  workers: number,
  reportFileOf: (target: ClaimTarget) => string | undefined,
  progress: CheckProgress,
): Promise<CheckedClaim[]> {
  const results = new Array<CheckedClaim>(targets.length);
  let next = 0;
  const pool = Array.from({ length: Math.min(workers, targets.length) }, () =>
    packageWorker(siblingModule(import.meta.url, 'checkWorker'), {}),
  );
  try {
    await Promise.all(
      pool.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const dispatch = (): void => {
              if (next >= targets.length) return resolve();
              const index = next++;
              const target = targets[index];
              const reportFile = reportFileOf(target);
              const job: CheckJob = { index, file: target.file, exportName: target.exportName, options, ...(reportFile ? { reportFile } : {}) };
              worker.postMessage(job);
              progress.evaluated(index, 0);
            };
            worker.on('message', (message: CheckWorkerMessage) => {
              if (message.kind === 'progress') {
                progress.evaluated(message.index, message.done);
                return;
              }
              if (message.kind === 'error') {
                reject(message.input ? new InputError(message.message) : new Error(message.message));
                return;
              }
              results[message.index] = { report: message.report, seconds: message.seconds };
              progress.finished(message.index, message.report.search.evaluations);
              dispatch();
            });
            worker.on('error', reject);
            dispatch();
          }),
      ),
    );
  } finally {
    await Promise.all(pool.map((worker) => worker.terminate()));
  }
  return results;
}
