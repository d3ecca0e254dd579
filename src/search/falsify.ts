/**
 * The search that tries to break a claim, in stages, all seeded: the fast-check random stage, the
 * adversarial stage, simplification of what was found, and its certification in high precision.
 * Points can be evaluated elsewhere (worker threads, shards of a job array): the search only needs
 * their evaluations back in sample order.
 */
import type { Claim } from '../claims/claim.js';
import { DEFAULT_TOLERANCE, evaluateClaim, type Evaluation } from '../claims/evaluate.js';
import type { Instance, Params } from '../claims/family.js';
import { InputError } from '../util/errors.js';
import { requireInteger } from '../util/validate.js';
import { adversarialStage, isDegenerate } from './adversarial.js';
import { certify, type Certificate } from './certify.js';
import { randomStage, randomStagePoints } from './random.js';
import { simplify } from './simplify.js';

export interface SearchOptions {
  /** Total evaluations (GD runs or pointwise checks) for the random and adversarial stages. */
  readonly budget: number;
  readonly seed: number;
  /** Wall-clock limit; stages stop starting new work past it (results then depend on speed). */
  readonly timeLimitSeconds?: number;
  readonly tolerance?: number;
  /** Run the adversarial stage (default true); off, the random stage gets the whole budget. */
  readonly adversarial?: boolean;
  /** Called with the number of evaluations done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

const isViolation = (e: Evaluation): boolean => e.status === 'violated' || e.status === 'diverged';

/** How the budget splits: the adversarial stage gets this fraction. */
const ADVERSARIAL_SHARE = 0.4;
const ADVERSARIAL_STARTS = 4;

export type Verdict = 'violated' | 'diverged' | 'inconclusive' | 'holds';

export interface Counterexample {
  /** The point the search found, before simplification. */
  readonly found: Evaluation;
  /** After simplification: the point reported, replayed and certified. */
  readonly simplified: Evaluation;
  readonly certificate: Certificate;
  /** fast-check's replay of the random-stage failure, when the random stage found it. */
  readonly fastCheckPath?: string;
}

export interface SearchResult {
  readonly verdict: Verdict;
  readonly tolerance: number;
  readonly seed: number;
  readonly budget: number;
  readonly evaluations: number;
  readonly discarded: number;
  /** Discards per failed hypothesis. */
  readonly discardedBy: Readonly<Record<string, number>>;
  readonly stages: {
    readonly random: { readonly evaluations: number; readonly numRuns: number; readonly numSkips: number };
    readonly adversarial: { readonly evaluations: number; readonly starts: number };
    readonly simplify: { readonly evaluations: number };
  };
  /** The evaluated point with the largest margin (closest to, or deepest into, a violation). */
  readonly worst?: Evaluation;
  /** For claims that held everywhere: max lhs/rhs (upper) or rhs/lhs (lower) over the points, capped at 1 (tight). */
  readonly tightness?: number;
  readonly counterexample?: Counterexample;
  /** Candidates that failed certification, with the reason. */
  readonly uncertified: ReadonlyArray<{ readonly evaluation: Evaluation; readonly certificate: Certificate }>;
}

export interface Budgets {
  readonly random: number;
  readonly adversarial: number;
}

export function splitBudget(options: Pick<SearchOptions, 'budget' | 'adversarial'>): Budgets {
  const budget = requireInteger('budget', options.budget, 1);
  const adversarial = options.adversarial === false ? 0 : Math.floor(budget * ADVERSARIAL_SHARE);
  return { random: budget - adversarial, adversarial };
}

/** The points of the random stage, for evaluation here or elsewhere. */
export function searchPoints(claim: Claim<Instance>, options: SearchOptions): Params[] {
  return randomStagePoints(claim, { seed: options.seed, numRuns: splitBudget(options).random });
}

/**
 * Evaluates `points` in order, stopping after the first violation: the random stage ends there
 * (fast-check stops at its first failure too), and the search goes on to simplify and certify it.
 */
export function evaluatePoints(
  claim: Claim<Instance>,
  points: readonly Params[],
  options: Pick<SearchOptions, 'tolerance' | 'timeLimitSeconds' | 'onProgress'>,
  startedAt = Date.now(),
): Evaluation[] {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const evaluations: Evaluation[] = [];
  for (const params of points) {
    if (outOfTime(options, startedAt)) break;
    const evaluation = evaluateClaim(claim, params, { tolerance });
    evaluations.push(evaluation);
    options.onProgress?.(evaluations.length, points.length);
    if (isViolation(evaluation)) break;
  }
  return evaluations;
}

/** The prefix of evaluations made elsewhere (workers, shards) that `evaluatePoints` would have made. */
export function untilFirstViolation(evaluations: readonly Evaluation[]): Evaluation[] {
  const first = evaluations.findIndex(isViolation);
  return first < 0 ? [...evaluations] : evaluations.slice(0, first + 1);
}

function outOfTime(options: Pick<SearchOptions, 'timeLimitSeconds'>, startedAt: number): boolean {
  return options.timeLimitSeconds !== undefined && (Date.now() - startedAt) / 1000 > options.timeLimitSeconds;
}

/** Relative excess of lhs over rhs still read as "on the bound" when computing tightness. */
const ROUNDING_SLACK = 1e-9;

/**
 * max lhs/rhs (upper) or rhs/lhs (lower) over the points where the claim held, capped at 1 (a
 * point on the bound up to rounding). Points clearly past a bound that still held (within the
 * tolerance of the claim's scale, e.g. a bound of 1e-17 met by a gap of 1e-15) say nothing about
 * tightness and are left out.
 */
function tightnessOf(claim: Claim<Instance>, evaluations: readonly Evaluation[]): number | undefined {
  let tightest: number | undefined;
  for (const e of evaluations) {
    if (e.status !== 'holds' || e.censored || isDegenerate(e)) continue;
    const ratio = claim.kind === 'upper' ? e.lhs / e.rhs : e.rhs / e.lhs;
    if (!Number.isFinite(ratio) || ratio > 1 + ROUNDING_SLACK) continue;
    if (tightest === undefined || ratio > tightest) tightest = Math.min(1, ratio);
  }
  return tightest;
}

/**
 * Runs the search. `presampled` are the evaluations of `searchPoints` in order (computed here when
 * omitted); a prefix is enough when a time limit cut the evaluation short.
 */
export function falsify(
  claim: Claim<Instance>,
  options: SearchOptions,
  presampled?: readonly Evaluation[],
): SearchResult {
  const startedAt = Date.now();
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance >= 0)) throw new InputError(`tolerance must be non-negative, got ${tolerance}`);
  requireInteger('seed', options.seed);
  const budgets = splitBudget(options);
  const evaluate = (params: Params): Evaluation => evaluateClaim(claim, params, { tolerance });
  const points = presampled ? untilFirstViolation(presampled) : evaluatePoints(claim, searchPoints(claim, options), options, startedAt);

  const random = randomStage(claim, { seed: options.seed, numRuns: points.length }, points, evaluate);
  const adversarial =
    random.failure || budgets.adversarial === 0
      ? { evaluations: [], starts: 0 }
      : adversarialStage(claim, random.evaluations, evaluate, {
          budget: budgets.adversarial,
          starts: ADVERSARIAL_STARTS,
          tolerance,
          outOfTime: () => outOfTime(options, startedAt),
        });
  const all = [...random.evaluations, ...adversarial.evaluations];

  const candidates: Array<{ evaluation: Evaluation; path?: string }> = [];
  const failureEvaluation = random.failure?.evaluation;
  if (random.failure) candidates.push({ evaluation: random.failure.evaluation, path: random.failure.path });
  const worstViolation = all.filter(isViolation).sort((a, b) => b.margin - a.margin)[0];
  if (worstViolation && worstViolation !== failureEvaluation) candidates.push({ evaluation: worstViolation });

  let simplifyEvaluations = 0;
  let counterexample: Counterexample | undefined;
  const uncertified: Array<{ evaluation: Evaluation; certificate: Certificate }> = [];
  for (const candidate of candidates) {
    const simplified = simplify(claim, candidate.evaluation, evaluate);
    simplifyEvaluations += simplified.evaluations;
    const certificate = certify(claim, simplified.evaluation, tolerance);
    if (certificate.status === 'certified') {
      counterexample = {
        found: candidate.evaluation,
        simplified: simplified.evaluation,
        certificate,
        ...(candidate.path ? { fastCheckPath: candidate.path } : {}),
      };
      break;
    }
    uncertified.push({ evaluation: simplified.evaluation, certificate });
  }

  const discardedBy: Record<string, number> = {};
  for (const e of all) {
    if (e.failedHypothesis) discardedBy[e.failedHypothesis] = (discardedBy[e.failedHypothesis] ?? 0) + 1;
  }
  const scored = all.filter((e) => e.status !== 'discarded');
  const worst = scored.reduce<Evaluation | undefined>((w, e) => (!w || e.margin > w.margin ? e : w), undefined);
  const verdict: Verdict = counterexample
    ? counterexample.simplified.status === 'diverged'
      ? 'diverged'
      : 'violated'
    : candidates.length > 0
      ? 'inconclusive'
      : 'holds';
  const tightness = verdict === 'holds' ? tightnessOf(claim, scored) : undefined;
  return {
    verdict,
    tolerance,
    seed: options.seed,
    budget: options.budget,
    evaluations: all.length + simplifyEvaluations,
    discarded: all.length - scored.length,
    discardedBy,
    stages: {
      random: { evaluations: random.evaluations.length, numRuns: random.numRuns, numSkips: random.numSkips },
      adversarial: { evaluations: adversarial.evaluations.length, starts: adversarial.starts },
      simplify: { evaluations: simplifyEvaluations },
    },
    ...(worst ? { worst } : {}),
    ...(tightness !== undefined ? { tightness } : {}),
    ...(counterexample ? { counterexample } : {}),
    uncertified,
  };
}
