/**
 * `boundcheck falsify` and `boundcheck merge`: search one claim file (on worker threads, or one
 * shard of a job array), print the verdict and write the JSON report; merge the shards' partial
 * results and finish the search exactly as a single machine would have.
 */
import { resolve } from 'node:path';
import type { Claim } from '../claims/claim.js';
import { DEFAULT_TOLERANCE, type Evaluation } from '../claims/evaluate.js';
import type { Instance, Params } from '../claims/family.js';
import { loadClaimFile } from '../claims/load.js';
import { provenanceWithTag, sourceReference } from '../report/citation.js';
import { buildReport, EVIDENCE_NOTE, readJsonFile, toJson, writeAtomically, type Report } from '../report/report.js';
import { evaluatePoints, falsify, searchPoints } from '../search/falsify.js';
import { evaluateInWorkers } from '../search/workers.js';
import { InputError } from '../util/errors.js';
import { formatNumber } from '../util/format.js';
import type { CliValues } from './main.js';
import { searchOptions, shardOption, type SearchCliOptions } from './options.js';
import { progressBar } from './progress.js';

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

/** Called with the evaluations done so far out of the random stage's points. */
export type OnEvaluated = (done: number, total: number) => void;

/**
 * Evaluates `points` of the target here or on worker threads, reporting progress to `onEvaluated`
 * when given, else on a progress bar on a terminal.
 */
async function evaluateTargetPoints(
  target: ClaimTarget,
  points: readonly Params[],
  options: SearchCliOptions,
  startedAt: number,
  onEvaluated?: OnEvaluated,
): Promise<Evaluation[]> {
  const progress = onEvaluated ? { update: onEvaluated, stop: () => {} } : progressBar(target.claim.id);
  try {
    if (options.workers > 1) {
      return await evaluateInWorkers(
        {
          claimFile: target.file,
          exportName: target.exportName,
          points,
          tolerance: DEFAULT_TOLERANCE,
          ...(options.timeLimitSeconds !== undefined ? { deadline: startedAt + options.timeLimitSeconds * 1000 } : {}),
        },
        options.workers,
        (done, total) => progress.update(done, total),
      );
    }
    return evaluatePoints(target.claim, points, { ...options, onProgress: (d, t) => progress.update(d, t) }, startedAt);
  } finally {
    progress.stop();
  }
}

/** Searches one claim end to end and returns its report (not yet written). */
export async function searchTarget(
  target: ClaimTarget,
  options: SearchCliOptions,
  files: { reportFile?: string; recordTime?: boolean; quiet?: boolean; onEvaluated?: OnEvaluated } = {},
): Promise<Report> {
  const startedAt = Date.now();
  const points = searchPoints(target.claim, options);
  const presampled = await evaluateTargetPoints(target, points, options, startedAt, files.onEvaluated ?? (files.quiet ? () => {} : undefined));
  const result = falsify(target.claim, options, presampled);
  return buildReport(target.claim, result, {
    claimFile: target.file,
    exportName: target.exportName,
    ...(files.reportFile ? { reportFile: files.reportFile } : {}),
    ...(files.recordTime ? { timeSeconds: (Date.now() - startedAt) / 1000 } : {}),
  });
}

function describeParams(params: Readonly<Record<string, number>>): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${formatNumber(v)}`)
    .join(' ');
}

/** The verdict, the worst point, the counterexample and how to replay it, for the terminal. */
export function printReport(report: Report): void {
  const { claim, search } = report;
  console.log(`${claim.id}: ${claim.title}`);
  console.log(`  ${sourceReference(report.source)}, provenance: ${provenanceWithTag(report.source)}`);
  console.log(`  statement: ${claim.statement}`);
  console.log(`  verdict: ${report.verdict} after ${search.evaluations} evaluations (seed ${search.seed}, budget ${search.budget}, ${search.discarded} discarded by hypotheses)`);
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

export function exitCodeOf(report: Report): number {
  return report.verdict === 'violated' || report.verdict === 'diverged' ? 1 : 0;
}

interface Partial {
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
  const target = await loadTarget(positionals[0], values.export);
  if (shard) {
    if (!values.json) throw new InputError('--shard needs --json FILE for the partial result');
    const points = searchPoints(target.claim, options);
    const mine = points.map((params, index) => ({ params, index })).filter(({ index }) => index % shard.count === shard.index);
    const evaluations = await evaluateTargetPoints(target, mine.map((m) => m.params), { ...options }, Date.now());
    const partial: Partial = {
      schema: 'boundcheck-partial/1',
      claimFile: target.file,
      exportName: target.exportName,
      seed: options.seed,
      budget: options.budget,
      shard,
      evaluations: evaluations.map((evaluation, i) => ({ index: mine[i].index, evaluation })),
    };
    writeAtomically(values.json, toJson(partial));
    console.log(`${target.claim.id}: shard ${shard.index + 1}/${shard.count}: ${evaluations.length} of ${points.length} points evaluated -> ${values.json}`);
    console.log(`merge the shards with: npx boundcheck merge PART.json... --json REPORT.json`);
    return 0;
  }
  const report = await searchTarget(target, options, {
    ...(values.json ? { reportFile: resolve(values.json) } : {}),
    recordTime: values['record-time'] ?? false,
  });
  printReport(report);
  if (values.json) writeAtomically(values.json, toJson(report));
  return exitCodeOf(report);
}

function readPartial(path: string): Partial {
  return readJsonFile<Partial>(path, ['boundcheck-partial/1'], 'boundcheck partial result');
}

export async function runMerge(positionals: string[], values: CliValues): Promise<number> {
  if (positionals.length === 0) throw new InputError('merge takes the partial results of every shard');
  if (!values.json) throw new InputError('merge needs --json FILE for the report');
  const partials = positionals.map(readPartial);
  const [first] = partials;
  const count = first.shard.count;
  const same = (p: Partial): boolean =>
    p.claimFile === first.claimFile && p.exportName === first.exportName && p.seed === first.seed && p.budget === first.budget && p.shard.count === count;
  if (!partials.every(same)) throw new InputError('the partial results come from different searches (claim, seed, budget or shard count differ)');
  const shards = new Set(partials.map((p) => p.shard.index));
  if (shards.size !== count || partials.length !== count) {
    throw new InputError(`merge needs each of the ${count} shards exactly once, got shards ${[...shards].map((k) => k + 1).join(', ')}`);
  }
  const byIndex = new Map<number, Evaluation>();
  for (const p of partials) for (const { index, evaluation } of p.evaluations) byIndex.set(index, evaluation);
  const presampled: Evaluation[] = [];
  for (let i = 0; byIndex.has(i); i++) presampled.push(byIndex.get(i)!);
  const target = await loadTarget(first.claimFile, first.exportName);
  const options = { budget: first.budget, seed: first.seed };
  const report = buildReport(target.claim, falsify(target.claim, options, presampled), {
    claimFile: target.file,
    exportName: target.exportName,
    reportFile: resolve(values.json),
  });
  printReport(report);
  writeAtomically(values.json, toJson(report));
  return exitCodeOf(report);
}
