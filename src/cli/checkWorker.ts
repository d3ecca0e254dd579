/** Worker-thread entry for `check`: searches whole claims, one job per message, and posts the reports back. */
import { parentPort } from 'node:worker_threads';
import { InputError } from '../util/errors.js';
import { loadTarget, searchTarget } from './falsify.js';
import type { CheckJob, CheckWorkerMessage } from './checkPool.js';

/** Evaluations between two progress messages. */
const PROGRESS_EVERY = 16;

parentPort?.on('message', async (job: CheckJob) => {
  const post = (message: CheckWorkerMessage): void => parentPort?.postMessage(message);
  try {
    const startedAt = Date.now();
    const target = await loadTarget(job.file, job.exportName);
    const onEvaluated = (done: number, total: number): void => {
      if (done % PROGRESS_EVERY === 0 || done === total) post({ kind: 'progress', index: job.index, done });
    };
    const report = await searchTarget(target, { ...job.options, workers: 1 }, { onEvaluated, ...(job.reportFile ? { reportFile: job.reportFile } : {}) });
    post({ kind: 'report', index: job.index, report, seconds: (Date.now() - startedAt) / 1000 });
  } catch (error) {
    post({ kind: 'error', index: job.index, message: error instanceof Error ? error.message : String(error), input: error instanceof InputError });
  }
});
