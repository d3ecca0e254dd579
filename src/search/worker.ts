/** Worker-thread entry: evaluates a chunk of points of one claim and posts the evaluations back. */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateClaim } from '../claims/evaluate.js';
import { loadClaimFile } from '../claims/load.js';
import { InputError } from '../util/errors.js';
import type { WorkerJob, WorkerMessage } from './workers.js';

const job = workerData as WorkerJob;
const post = (message: WorkerMessage): void => parentPort?.postMessage(message);

try {
  const loaded = await loadClaimFile(job.claimFile);
  const claim = job.exportName === 'default' ? loaded.claim : loaded.others[job.exportName];
  if (!claim) throw new InputError(`claim file ${job.claimFile} has no claim export ${job.exportName}`);
  const evaluations = [];
  for (const params of job.points) {
    if (job.deadline !== undefined && Date.now() > job.deadline) break;
    const evaluation = evaluateClaim(claim, params, { tolerance: job.tolerance });
    evaluations.push(evaluation);
    if (evaluations.length % 16 === 0) post({ kind: 'progress', done: evaluations.length });
    // The search keeps only the evaluations up to the first violation (see untilFirstViolation).
    if (evaluation.status === 'violated' || evaluation.status === 'diverged') break;
  }
  post({ kind: 'result', evaluations });
} catch (error) {
  post({ kind: 'error', message: error instanceof Error ? error.message : String(error), input: error instanceof InputError });
}
