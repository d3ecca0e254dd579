/**
 * The search that tries to break a claim, in stages, all seeded: the fast-check random stage, the
 * adversarial stage, simplification of what was found, and its certification in high precision.
 * Points are evaluated by a `SearchEvaluator`: here in this thread (library use), or on worker
 * threads that can be stopped (the command line, src/search/workers.ts), or from shards' partial
 * results. The search streams: what it keeps of its evaluations is a `Tally`, whatever the budget.
 */
import type { Claim } from '../claims/claim.js';
import { DEFAULT_TOLERANCE, evaluateClaim, type Evaluation } from '../claims/evaluate.js';
import type { Instance, Params } from '../claims/family.js';
import { InputError } from '../util/errors.js';
import { requireInteger } from '../util/validate.js';
import { adversarialStage } from './adversarial.js';
import { CERTIFICATION_DIGITS, certify, DIGITS_AGREEMENT, type Certificate } from './certify.js';
import { firstRandomPoints, randomStage, type BatchEvaluator } from './random.js';
import { simplify } from './simplify.js';
import { stoppedEvaluation, Tally, type StoppedEvaluations } from './tally.js';

export interface SearchOptions {
  /**
   * Total evaluations (GD runs or pointwise checks) for the random and adversarial stages, an
   * instance counting for the claim's `evaluationCost` of them (`instanceBudget`).
   */
  readonly budget: number;
  readonly seed: number;
  /** Wall-clock limit; the search stops past it and says `incomplete` (results then depend on speed). */
  readonly timeLimitSeconds?: number;
  readonly tolerance?: number;
  /** Run the adversarial stage (default true); off, the random stage gets the whole budget. */
  readonly adversarial?: boolean;
  /** Called with the number of evaluations done so far. */
  readonly onProgress?: (done: number, total: number) => void;
}

/**
 * How the budget splits: the adversarial stage gets this fraction. On the class tightness
 * benchmark (README "Tightness on the class families") 0.5 and 0.6 did better than 0.4, and 0.7
 * left too few random points to start from on some seeds.
 */
const ADVERSARIAL_SHARE = 0.5;
const ADVERSARIAL_STARTS = 4;

/**
 * `holds` only when the whole budget was searched and some instance was scored; a search cut short
 * by its time limit, or one whose instances were all discarded by the hypotheses, is `incomplete`
 * with its reason.
 */
export type Verdict = 'violated' | 'diverged' | 'inconclusive' | 'incomplete' | 'holds';

/**
 * Why a search is `incomplete`: its time limit stopped it, every instance failed a hypothesis, or
 * some evaluations were stopped at their own limits (time or memory) and nothing was found.
 */
export type IncompleteReason = 'time-limit' | 'all-discarded' | 'evaluations-stopped';

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
  /** Set exactly when the verdict is `incomplete`. */
  readonly reason?: IncompleteReason;
  readonly tolerance: number;
  /** The certification's precisions and the lhs agreement it requires. */
  readonly certification: { readonly digits: readonly number[]; readonly lhsAgreement: number };
  readonly seed: number;
  readonly budget: number;
  /** The claim's `evaluationCost`, when it is not 1: the search evaluated floor(budget / evaluationCost) instances. */
  readonly evaluationCost?: number;
  readonly evaluations: number;
  readonly discarded: number;
  /** Discards per failed hypothesis. */
  readonly discardedBy: Readonly<Record<string, number>>;
  /** Evaluations stopped at their time or memory limit, by cause, the first few kept for replay. */
  readonly stopped: StoppedEvaluations;
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
  /** Candidates that failed certification, or that the time limit left uncertified, with the reason. */
  readonly uncertified: ReadonlyArray<{ readonly evaluation: Evaluation; readonly certificate: Certificate }>;
}

export interface Budgets {
  readonly random: number;
  readonly adversarial: number;
}

/** The instances a search of the claim at `budget` evaluates: floor(budget / evaluationCost), at least 1. */
export function instanceBudget(claim: Pick<Claim<Instance>, 'evaluationCost'>, budget: number): number {
  return Math.max(1, Math.floor(requireInteger('budget', budget, 1) / claim.evaluationCost));
}

/** How the claim's instances (`instanceBudget`) split between the random and the adversarial stage. */
export function splitBudget(claim: Pick<Claim<Instance>, 'evaluationCost'>, options: Pick<SearchOptions, 'budget' | 'adversarial'>): Budgets {
  const instances = instanceBudget(claim, options.budget);
  const adversarial = options.adversarial === false ? 0 : Math.floor(instances * ADVERSARIAL_SHARE);
  return { random: instances - adversarial, adversarial };
}

/**
 * How a search evaluates: one point (adversarial stage, simplification), points in order
 * (random stage), a certification; `stopped` says the time limit stopped it, after which it
 * evaluates nothing more (a batch comes back short, a certification undefined).
 */
export interface SearchEvaluator extends BatchEvaluator {
  /** undefined once stopped. */
  evaluate(params: Params): Evaluation | undefined;
  /** `searchSize`: the instances the search may test (a statistical violation must be significant over all of them). */
  certify(evaluation: Evaluation, tolerance: number, searchSize: number): Certificate | undefined;
  stopped(): boolean;
}

/** A candidate whose certification the time limit stopped, or left no time to begin. */
const certificationSkipped = (tolerance: number): Certificate => ({
  status: 'inconclusive',
  method: 'high-precision replay',
  tolerance,
  replays: [],
  reason: 'not certified: the search reached its time limit first',
});

/** What stands for a point the search asked for after it was stopped: neither scored nor counted. */
const notEvaluated = (params: Params): Evaluation => stoppedEvaluation(params, 'timeout');

/** Evaluation in this thread, with the search's time limit checked between points. */
export function inProcessEvaluator(
  claim: Claim<Instance>,
  options: Pick<SearchOptions, 'tolerance' | 'timeLimitSeconds'>,
  startedAt = Date.now(),
): SearchEvaluator {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const stopped = (): boolean => options.timeLimitSeconds !== undefined && (Date.now() - startedAt) / 1000 > options.timeLimitSeconds;
  const evaluate = (params: Params): Evaluation => evaluateClaim(claim, params, { tolerance });
  return {
    batchSize: 1,
    evaluate: (params) => (stopped() ? undefined : evaluate(params)),
    evaluateBatch: (points) => {
      const evaluations: Evaluation[] = [];
      for (const params of points) {
        if (stopped()) break;
        evaluations.push(evaluate(params));
      }
      return evaluations;
    },
    certify: (evaluation, certifyTolerance, searchSize) => (stopped() ? undefined : certify(claim, evaluation, certifyTolerance, { searchSize })),
    stopped,
  };
}

/** The first points of the random stage (one per run when no hypothesis discards), for shards. */
export function searchPoints(claim: Claim<Instance>, options: SearchOptions): Params[] {
  return firstRandomPoints(claim.family.box, options.seed, splitBudget(claim, options).random);
}

/**
 * Runs the search. `evaluator` evaluates its points (in this thread, with the time limit checked
 * between points, when omitted).
 */
export function falsify(claim: Claim<Instance>, options: SearchOptions, evaluator?: SearchEvaluator): SearchResult {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance >= 0)) throw new InputError(`tolerance must be non-negative, got ${tolerance}`);
  requireInteger('seed', options.seed);
  const budgets = splitBudget(claim, options);
  const evaluator_ = evaluator ?? inProcessEvaluator(claim, options);
  const tally = new Tally(claim, ADVERSARIAL_STARTS);
  let done = 0;
  const total = budgets.random + budgets.adversarial;
  const tallied = (evaluation: Evaluation): Evaluation => {
    tally.add(evaluation);
    options.onProgress?.(++done, total);
    return evaluation;
  };
  // A point asked for after the time limit stopped the evaluator is not evaluated, nor counted.
  const evaluateOne = (params: Params): Evaluation => evaluator_.evaluate(params) ?? notEvaluated(params);
  const evaluateCounted = (params: Params): Evaluation => {
    const evaluation = evaluator_.evaluate(params);
    return evaluation ? tallied(evaluation) : notEvaluated(params);
  };

  const random = randomStage(claim, { seed: options.seed, numRuns: budgets.random }, evaluator_, tallied);
  const randomCount = tally.count;
  const adversarial =
    random.failure || budgets.adversarial === 0 || evaluator_.stopped()
      ? { evaluations: [], starts: 0 }
      : adversarialStage(claim, tally.best, evaluateCounted, {
          budget: budgets.adversarial,
          starts: ADVERSARIAL_STARTS,
          tolerance,
          outOfTime: () => evaluator_.stopped(),
        });
  const searched = tally.count;

  const candidates: Array<{ evaluation: Evaluation; path?: string }> = [];
  const failureEvaluation = random.failure?.evaluation;
  if (random.failure) candidates.push({ evaluation: random.failure.evaluation, path: random.failure.path });
  const worstViolation = tally.worstViolation;
  if (worstViolation && worstViolation !== failureEvaluation) candidates.push({ evaluation: worstViolation });

  let simplifyEvaluations = 0;
  let counterexample: Counterexample | undefined;
  const uncertified: Array<{ evaluation: Evaluation; certificate: Certificate }> = [];
  let certificationStopped = false;
  for (const candidate of candidates) {
    const simplified = simplify(claim, candidate.evaluation, evaluateOne);
    simplifyEvaluations += simplified.evaluations;
    // The search's size: its stages' instances, tested or cut short by a first failure, and the simplification's.
    const certificate = evaluator_.certify(simplified.evaluation, tolerance, total + simplifyEvaluations);
    if (!certificate) {
      // The time limit came first: the candidate is reported, not certified, and the search is incomplete.
      certificationStopped = true;
      uncertified.push({ evaluation: simplified.evaluation, certificate: certificationSkipped(tolerance) });
      break;
    }
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

  const stopped = tally.stopped;
  const reason: IncompleteReason | undefined =
    evaluator_.stopped() || certificationStopped
      ? 'time-limit'
      : stopped.timeout + stopped.outOfMemory > 0
        ? 'evaluations-stopped'
        : tally.scored === 0
          ? 'all-discarded'
          : undefined;
  const verdict: Verdict = counterexample
    ? counterexample.simplified.status === 'diverged'
      ? 'diverged'
      : 'violated'
    : uncertified.length > 0 && !certificationStopped
      ? 'inconclusive'
      : reason
        ? 'incomplete'
        : 'holds';
  const tightness = verdict === 'holds' ? tally.tightness : undefined;
  return {
    verdict,
    ...(verdict === 'incomplete' ? { reason } : {}),
    tolerance,
    certification: { digits: CERTIFICATION_DIGITS, lhsAgreement: DIGITS_AGREEMENT },
    seed: options.seed,
    budget: options.budget,
    ...(claim.evaluationCost !== 1 ? { evaluationCost: claim.evaluationCost } : {}),
    evaluations: searched + simplifyEvaluations,
    discarded: tally.discarded,
    discardedBy: tally.discardedBy,
    stopped,
    stages: {
      random: { evaluations: randomCount, numRuns: random.numRuns, numSkips: random.numSkips },
      adversarial: { evaluations: searched - randomCount, starts: adversarial.starts },
      simplify: { evaluations: simplifyEvaluations },
    },
    ...(tally.worst ? { worst: tally.worst } : {}),
    ...(tightness !== undefined ? { tightness } : {}),
    ...(counterexample ? { counterexample } : {}),
    uncertified,
  };
}
