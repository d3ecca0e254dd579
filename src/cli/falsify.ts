/**
 * `boundcheck falsify` and `boundcheck merge`: search one claim file (on worker threads that can be
 * stopped, or one shard of a job array), print the verdict and write the JSON report; merge the
 * shards' partial results and finish the search exactly as a single machine would have.
 */
import { resolve } from 'node:path';
import type { Claim } from '../claims/claim.js';
import { DEFAULT_TOLERANCE, type Evaluation } from '../claims/evaluate.js';
import type { Instance } from '../claims/family.js';
import { loadClaimFile } from '../claims/load.js';
import { provenanceWithTag, sourceReference } from '../report/citation.js';
import { buildReport, EVIDENCE_NOTE, readJsonFile, toJson, writeAtomically, type Report } from '../report/report.js';
import { DEFAULT_EVAL_MEMORY_MB, DEFAULT_EVAL_TIMEOUT_SECONDS, EvaluatorPool, SearchSupervisor, type SearchJob } from '../search/workers.js';
import { InputError } from '../util/errors.js';
import { formatNumber } from '../util/format.js';
import { exitCodeOf } from './exitCodes.js';
import type { CliValues } from './main.js';
import { searchOptions, shardOption, type SearchCliOptions, type Shard } from './options.js';
import { progressBar } from './progress.js';
import { trustedClaimFile } from './trust.js';

export interface ClaimTarget {
  readonly file: string;
  readonly exportName: string;
  readonly claim: Claim<Instance>;
}

export async function loadTarget(path: string, exportName = 'default'): Promise<ClaimTarget> {
  const loaded = await loadClaimFile(path);
  const claim = exportName === 'default' ? loaded.claim : loaded.others[exportName];
  if (!claim) {
    const names = ['default', ...Object.keys(loaded.others)].join(', ');
    throw new InputError(`claim file ${path} has no claim export ${exportName} (it has: ${names})`);
  }
  return { file: loaded.file, exportName, claim };
}

/** A claim to search: its file (as given) and export; its code is loaded only in worker threads. */
export interface ClaimRef {
  readonly file: string;
  readonly exportName: string;
}

export interface SearchedClaim {
  readonly report: Report;
  readonly seconds: number;
}

/** Points of the random stage asked for at once, per evaluator thread. */
const BATCH_PER_WORKER = 4;

const typescriptFiles = (refs: readonly ClaimRef[]): boolean => refs.some((ref) => !ref.file.endsWith('.js'));

/**
 * Searches claims on worker threads that can be stopped (src/search/workers.ts): `options.workers`
 * evaluator threads shared by up to as many searches at once, each evaluation within
 * `--eval-timeout` and the memory cap, each search within `--time-limit`. Reports come back in the
 * claims' order.
 */
export async function searchClaims(
  refs: readonly ClaimRef[],
  options: SearchCliOptions,
  files: {
    reportFileOf?: (ref: ClaimRef) => string | undefined;
    recordTime?: boolean;
    /** Claim `index` (in `refs`) has evaluated `done` of its random stage's `total` points. */
    onProgress?: (index: number, done: number, total: number) => void;
    /** Claim `index` is finished after `evaluations` evaluations in all. */
    onClaimDone?: (index: number, evaluations: number) => void;
    /** Evaluations already made (shards'), looked up rather than evaluated again. */
    known?: readonly Evaluation[];
  } = {},
): Promise<SearchedClaim[]> {
  const typescript = typescriptFiles(refs);
  const pool = new EvaluatorPool(options.workers, { timeoutSeconds: options.evalTimeoutSeconds, memoryMb: options.evalMemoryMb }, typescript);
  const supervisor = new SearchSupervisor(pool, Math.min(options.workers, refs.length), typescript);
  pool.warm(refs);
  try {
    return await Promise.all(
      refs.map(async (ref, index) => {
        // A claim's time runs from the start of its own search, not from the queue it waited in.
        let startedAt = Date.now();
        const reportFile = files.reportFileOf?.(ref);
        const job: SearchJob = {
          file: ref.file,
          exportName: ref.exportName,
          budget: options.budget,
          seed: options.seed,
          tolerance: DEFAULT_TOLERANCE,
          batchSize: BATCH_PER_WORKER * options.workers,
          ...(options.timeLimitSeconds !== undefined ? { timeLimitSeconds: options.timeLimitSeconds } : {}),
          ...(reportFile ? { reportFile: resolve(reportFile) } : {}),
          ...(files.recordTime ? { recordTime: true } : {}),
          ...(files.known ? { known: files.known } : {}),
        };
        const onProgress = files.onProgress;
        const report = await supervisor.search(job, onProgress && ((done, total) => onProgress(index, done, total)), () => {
          startedAt = Date.now();
        });
        files.onClaimDone?.(index, report.search.evaluations);
        return { report, seconds: (Date.now() - startedAt) / 1000 };
      }),
    );
  } finally {
    await supervisor.close();
  }
}

/**
 * Searches one claim in this thread, with no limit on its evaluations (for library use and tests;
 * the command line uses `searchClaims`), and returns its report (not yet written).
 */
export async function searchTarget(
  target: ClaimTarget,
  options: Pick<SearchCliOptions, 'budget' | 'seed' | 'timeLimitSeconds'> & Partial<SearchCliOptions>,
  files: { reportFile?: string; recordTime?: boolean; quiet?: boolean } = {},
): Promise<Report> {
  const { falsify } = await import('../search/falsify.js');
  const startedAt = Date.now();
  const result = falsify(target.claim, options);
  return buildReport(target.claim, result, {
    claimFile: target.file,
    exportName: target.exportName,
    ...(files.reportFile ? { reportFile: files.reportFile } : {}),
    ...(files.recordTime ? { timeSeconds: (Date.now() - startedAt) / 1000 } : {}),
  });
}

/** Searches one claim end to end, with a progress bar on a terminal, and returns its report (not yet written). */
export async function searchOne(ref: ClaimRef, options: SearchCliOptions, files: { reportFile?: string; recordTime?: boolean } = {}): Promise<Report> {
  const progress = progressBar(ref.file);
  try {
    const [{ report }] = await searchClaims([ref], options, {
      ...(files.reportFile ? { reportFileOf: () => files.reportFile } : {}),
      ...(files.recordTime ? { recordTime: true } : {}),
      onProgress: (_index, done, total) => progress.update(done, total),
    });
    return report;
  } finally {
    progress.stop();
  }
}

function describeParams(params: Readonly<Record<string, number>>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${formatNumber(v)}`)
    .join(' ');
}

const INCOMPLETE_REASONS: Readonly<Record<NonNullable<Report['reason']>, string>> = {
  'time-limit': 'time-limit: the time limit stopped the search before its budget was spent',
  'all-discarded': 'all-discarded: every instance tried failed a hypothesis, so nothing was checked',
  'evaluations-stopped': 'evaluations-stopped: some evaluations were stopped at their time or memory limit and nothing was found elsewhere',
};

/** The verdict, the worst point, the counterexample and how to replay it, for the terminal. */
export function printReport(report: Report): void {
  const { claim, search } = report;
  console.log(`${claim.id}: ${claim.title}`);
  console.log(`  ${sourceReference(report.source)}, provenance: ${provenanceWithTag(report.source)}`);
  console.log(`  statement: ${claim.statement}`);
  console.log(`  verdict: ${report.verdict}${report.reason ? ` (${INCOMPLETE_REASONS[report.reason]})` : ''} after ${search.evaluations} evaluations (seed ${search.seed}, budget ${search.budget}${search.evaluationCost ? ` at ${search.evaluationCost} per instance` : ''}, ${search.discarded} discarded by hypotheses)`);
  const stopped = search.stopped;
  if (stopped) {
    console.log(`  stopped evaluations: ${stopped.timeout} at a time limit (the evaluation's, or the search's while they ran), ${stopped.outOfMemory} out of memory; first at:`);
    for (const s of stopped.kept) console.log(`    ${describeParams(s.params)} (${s.status})`);
  }
  if (report.worst) console.log(`  worst normalized margin: ${formatNumber(report.worst.margin)} at ${describeParams(report.worst.params)}`);
  if (report.tightness !== null) console.log(`  tightness (largest lhs/rhs where it holds): ${formatNumber(report.tightness)}`);
  const c = report.counterexample;
  if (c) {
    console.log(`  counterexample: ${describeParams(c.params)}: lhs ${c.lhs} vs rhs ${c.rhs} (margin ${formatNumber(c.margin)})`);
    console.log(`  certified by ${c.certificate.method}: ${c.certificate.reason}`);
    if (report.replay) console.log(`  replay: ${report.replay}`);
  }
  for (const u of report.uncertified) console.log(`  inconclusive at ${describeParams(u.params)}: ${u.certificate.reason}`);
  console.log(`  tolerance: normalized margins <= ${report.tolerance} count as holding; certification replays at ${report.certification.digits.join(' and ')} digits`);
  console.log(`  ${EVIDENCE_NOTE}`);
}

interface PartialResult {
  readonly schema: 'boundcheck-partial/1';
  readonly claimFile: string;
  readonly exportName: string;
  readonly seed: number;
  readonly budget: number;
  readonly shard: { readonly index: number; readonly count: number };
  /** Evaluations of the shard's points, with their index in the sample order. */
  readonly evaluations: ReadonlyArray<{ readonly index: number; readonly evaluation: Evaluation }>;
}

export async function runFalsify(positionals: string[], values: CliValues): Promise<number> {
  if (positionals.length !== 1) throw new InputError('falsify takes exactly one claim file');
  const options = searchOptions(values);
  const shard = shardOption(values.shard);
  const ref: ClaimRef = { file: positionals[0], exportName: values.export ?? 'default' };
  if (shard) {
    if (!values.json) throw new InputError('--shard needs --json FILE for the partial result');
    return runShard(ref, shard, options, values.json);
  }
  const report = await searchOne(ref, options, {
    ...(values.json ? { reportFile: values.json } : {}),
    recordTime: values['record-time'] ?? false,
  });
  printReport(report);
  if (values.json) writeAtomically(values.json, toJson(report));
  return exitCodeOf(report.verdict);
}

/** One shard of a job array: its slice of the random stage's points, evaluated on bounded threads. */
async function runShard(ref: ClaimRef, shard: Shard, options: SearchCliOptions, json: string): Promise<number> {
  const target = await loadTarget(ref.file, ref.exportName);
  const { searchPoints } = await import('../search/falsify.js');
  const points = searchPoints(target.claim, options);
  const mine = points.map((params, index) => ({ params, index })).filter(({ index }) => index % shard.count === shard.index);
  const pool = new EvaluatorPool(options.workers, { timeoutSeconds: options.evalTimeoutSeconds, memoryMb: options.evalMemoryMb }, typescriptFiles([ref]));
  const job = pool.newJob();
  const deadline = options.timeLimitSeconds !== undefined ? setTimeout(() => pool.cancel(job), options.timeLimitSeconds * 1000) : undefined;
  let result: Awaited<ReturnType<EvaluatorPool['evaluatePoints']>>;
  try {
    result = await pool.evaluatePoints(job, { file: target.file, exportName: target.exportName, tolerance: DEFAULT_TOLERANCE }, mine.map((m) => m.params));
  } finally {
    clearTimeout(deadline);
    await pool.close();
  }
  if (result.kind === 'error') throw result.input ? new InputError(result.message) : new Error(result.message);
  const { evaluations } = result;
  const partial: PartialResult = {
    schema: 'boundcheck-partial/1',
    claimFile: target.file,
    exportName: target.exportName,
    seed: options.seed,
    budget: options.budget,
    shard,
    evaluations: evaluations.map((evaluation, i) => ({ index: mine[i].index, evaluation })),
  };
  writeAtomically(json, toJson(partial));
  console.log(`${target.claim.id}: shard ${shard.index + 1}/${shard.count}: ${evaluations.length} of ${points.length} points evaluated -> ${json}`);
  console.log(`merge the shards with: npx boundcheck merge PART.json... --json REPORT.json`);
  return 0;
}

function readPartial(path: string): PartialResult {
  return readJsonFile<PartialResult>(path, ['boundcheck-partial/1'], 'boundcheck partial result');
}

export async function runMerge(positionals: string[], values: CliValues): Promise<number> {
  if (positionals.length === 0) throw new InputError('merge takes the partial results of every shard');
  if (!values.json) throw new InputError('merge needs --json FILE for the report');
  const partials = positionals.map(readPartial);
  const [first] = partials;
  const count = first.shard.count;
  const same = (p: PartialResult): boolean =>
    p.claimFile === first.claimFile && p.exportName === first.exportName && p.seed === first.seed && p.budget === first.budget && p.shard.count === count;
  if (!partials.every(same)) throw new InputError('the partial results come from different searches (claim, seed, budget or shard count differ)');
  const shards = new Set(partials.map((p) => p.shard.index));
  if (shards.size !== count || partials.length !== count) {
    throw new InputError(`merge needs each of the ${count} shards exactly once, got shards ${[...shards].map((k) => k + 1).join(', ')}`);
  }
  const ref: ClaimRef = { file: trustedClaimFile(positionals[0], first.claimFile, values.trust ?? false), exportName: first.exportName };
  // The shards' evaluations are looked up; the rest of the search (points the shards did not reach,
  // the adversarial stage, simplification, certification) runs on bounded evaluators as in falsify.
  const options: SearchCliOptions = { budget: first.budget, seed: first.seed, workers: 1, evalTimeoutSeconds: DEFAULT_EVAL_TIMEOUT_SECONDS, evalMemoryMb: DEFAULT_EVAL_MEMORY_MB };
  const [{ report }] = await searchClaims([ref], options, {
    reportFileOf: () => values.json,
    known: partials.flatMap((p) => p.evaluations.map(({ evaluation }) => evaluation)),
  });
  printReport(report);
  writeAtomically(values.json, toJson(report));
  return exitCodeOf(report.verdict);
}
