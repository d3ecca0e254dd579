/**
 * Search thread: runs whole searches (one job per message) with `falsify`, asking the supervisor in
 * workers.ts for every evaluation synchronously (the search is synchronous code), and posts each
 * search's report back. The claim's code runs in the evaluator threads, except for the module's
 * own top level and the counterexample's instance in the report.
 */
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type { Evaluation } from '../claims/evaluate.js';
import type { Params } from '../claims/family.js';
import { loadClaimFile } from '../claims/load.js';
import { buildReport } from '../report/report.js';
import { InputError } from '../util/errors.js';
import type { Certificate } from './certify.js';
import { falsify, type SearchEvaluator } from './falsify.js';
import { type SearchJob, type SearchReply, type SearchRequest, type SearchThreadMessage } from './workers.js';

const port = workerData.port as MessagePort;
const counter = new Int32Array(workerData.shared as SharedArrayBuffer);

/** Asks the supervisor and blocks until it answers. */
function ask(request: SearchRequest): SearchReply {
  const seen = Atomics.load(counter, 0);
  port.postMessage(request);
  for (;;) {
    const received = receiveMessageOnPort(port);
    if (received) {
      const reply = received.message as SearchReply;
      if (reply.kind === 'error') throw reply.input ? new InputError(reply.message) : new Error(reply.message);
      return reply;
    }
    Atomics.wait(counter, 0, seen, 100);
  }
}

function remoteEvaluator(batchSize: number): SearchEvaluator {
  let stopped = false;
  const evaluations = (request: SearchRequest): Evaluation[] => {
    const reply = ask(request);
    if (reply.kind !== 'evaluations') throw new Error(`expected evaluations, got ${reply.kind}`);
    if (reply.stopped) stopped = true;
    return reply.evaluations;
  };
  return {
    batchSize,
    evaluateBatch: (points: readonly Params[]) => (stopped ? [] : evaluations({ kind: 'batch', points })),
    evaluate: (params: Params) => (stopped ? undefined : evaluations({ kind: 'one', params })[0]),
    certify: (evaluation: Evaluation, tolerance: number, searchSize: number): Certificate | undefined => {
      if (stopped) return undefined;
      const reply = ask({ kind: 'certify', evaluation, tolerance, searchSize });
      if (reply.kind !== 'certificate') throw new Error(`expected a certificate, got ${reply.kind}`);
      if (!reply.certificate) stopped = true;
      return reply.certificate ?? undefined;
    },
    stopped: () => stopped,
  };
}

/** `remote`, answering the points of `known` from it: a merged search evaluates only what its shards did not. */
function withKnown(remote: SearchEvaluator, known: readonly Evaluation[]): SearchEvaluator {
  const key = (params: Params): string => JSON.stringify(params);
  const byPoint = new Map(known.map((evaluation) => [key(evaluation.params), evaluation]));
  return {
    ...remote,
    evaluateBatch: (points) => {
      const missing = points.filter((params) => !byPoint.has(key(params)));
      const fresh = missing.length > 0 ? remote.evaluateBatch(missing) : [];
      const evaluations: Evaluation[] = [];
      let next = 0;
      for (const params of points) {
        const evaluation = byPoint.get(key(params)) ?? fresh[next++];
        if (!evaluation) break;
        evaluations.push(evaluation);
      }
      return evaluations;
    },
    evaluate: (params) => byPoint.get(key(params)) ?? remote.evaluate(params),
  };
}

const post = (message: SearchThreadMessage): void => parentPort?.postMessage(message);

/** Progress at most every 100 ms. */
const PROGRESS_INTERVAL_MS = 100;

parentPort?.on('message', async (job: SearchJob) => {
  try {
    const startedAt = Date.now();
    const loaded = await loadClaimFile(job.file);
    const claim = job.exportName === 'default' ? loaded.claim : loaded.others[job.exportName];
    if (!claim) {
      const names = ['default', ...Object.keys(loaded.others)].join(', ');
      throw new InputError(`claim file ${job.file} has no claim export ${job.exportName} (it has: ${names})`);
    }
    post({ kind: 'loaded' });
    let lastProgress = 0;
    const result = falsify(
      claim,
      {
        budget: job.budget,
        seed: job.seed,
        tolerance: job.tolerance,
        onProgress: (done, total) => {
          const now = Date.now();
          if (now - lastProgress < PROGRESS_INTERVAL_MS) return;
          lastProgress = now;
          post({ kind: 'progress', done, total });
        },
      },
      job.known ? withKnown(remoteEvaluator(job.batchSize), job.known) : remoteEvaluator(job.batchSize),
    );
    const report = buildReport(claim, result, {
      claimFile: loaded.file,
      exportName: job.exportName,
      ...(job.reportFile ? { reportFile: job.reportFile } : {}),
      ...(job.recordTime ? { timeSeconds: (Date.now() - startedAt) / 1000 } : {}),
    });
    post({ kind: 'report', report });
  } catch (error) {
    post({ kind: 'error', message: error instanceof Error ? error.message : String(error), input: error instanceof InputError });
  }
});
