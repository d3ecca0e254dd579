/**
 * Evaluation of a claim at one point of its family: build the instance, check the hypotheses,
 * evaluate both sides, and turn them into a normalized margin (positive: the inequality fails).
 * The rhs comes first for measures that read it (`needsRhs`, with no run); otherwise the measure
 * runs first and the rhs reads its run.
 * Errors in the claim's own code become one-line `InputError`s that name the claim and the point.
 */
import { run as runFloat64 } from '../gd/run.js';
import { DEFAULT_RUN_SERIES } from '../gd/trajectory.js';
import { InputError } from '../util/errors.js';
import type { Claim } from './claim.js';
import type { Instance, ParameterBox, Params } from './family.js';
import type { MeasureContext, MeasureRun, MeasureValue, Runner, TrajectorySummary } from './measures.js';
import type { SampleStatistics } from './statistical.js';

/**
 * Normalized margins at or below this count as "holds" in float64. It absorbs the rounding of the
 * inputs (a step h/L is not exactly h/L) that no replay can remove; the report states it.
 */
export const DEFAULT_TOLERANCE = 1e-9;

/**
 * An instance's outcome: `discarded` when a hypothesis fails, `diverged` when an upper claim's run
 * blew up, `timeout` and `out-of-memory` when the search stopped the evaluation at its limits
 * (src/search/workers.ts).
 */
export type InstanceStatus = 'holds' | 'violated' | 'diverged' | 'discarded' | 'timeout' | 'out-of-memory';

/** A claim evaluated at one point of its family. */
export interface Evaluation {
  readonly params: Params;
  readonly status: InstanceStatus;
  /** The measure's value (NaN when discarded). */
  readonly lhs: number;
  /** The bound's value (NaN when discarded, or when read off a run that blew up). */
  readonly rhs: number;
  /** (lhs - rhs) / scale for upper claims, (rhs - lhs) / scale for lower ones; -Infinity when discarded. */
  readonly margin: number;
  /** The lhs is only a lower estimate (a first hit not reached within the run). */
  readonly censored?: boolean;
  /** The hypothesis that failed, when discarded. */
  readonly failedHypothesis?: string;
  /** What the report keeps of the run behind the lhs. */
  readonly trajectory?: TrajectorySummary;
  /** A statistical measure's sample (level, repetitions, interval, correction). */
  readonly statistics?: SampleStatistics;
}

function formatParams(params: Params): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

function guarded<T>(claim: Claim, params: Params, what: string, action: () => T): T {
  try {
    return action();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new InputError(`claim ${claim.id}: ${what} threw at (${formatParams(params)}): ${message.split('\n')[0]}`);
  }
}

function requireNumber(claim: Claim, params: Params, side: string, value: number): number {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    throw new InputError(`claim ${claim.id}: ${side} returned ${String(value)} at (${formatParams(params)})`);
  }
  return value;
}

/**
 * A violation made by an infinite side, with no run that diverged: an infinite bound, or an
 * infinite value read at a point (no run), is bad input that names its side. (A run measure may
 * be infinite without diverging, e.g. K(eps) at a stationary start that never reaches eps; that is
 * a violation its replay certifies.)
 */
function requireFiniteViolation(claim: Claim, params: Params, lhs: number, rhs: number): void {
  if (!Number.isFinite(rhs)) {
    throw new InputError(`claim ${claim.id}: rhs returned ${rhs} at (${formatParams(params)}): an infinite bound is bad input`);
  }
  if (claim.lhs.certification !== 'replay') {
    throw new InputError(`claim ${claim.id}: lhs returned ${lhs} at (${formatParams(params)}) with no run that diverged: bad input`);
  }
}

/** (lhs - rhs) / scale for upper claims, (rhs - lhs) / scale for lower ones (positive: the inequality fails). */
export function normalizedMargin<I extends Instance>(claim: Claim<I>, instance: I, lhs: number, rhs: number): number {
  const difference = claim.kind === 'upper' ? lhs - rhs : rhs - lhs;
  if (!Number.isFinite(difference)) return difference;
  if (difference === 0) return 0;
  const scale = claim.scale ? claim.scale(lhs, rhs, instance) : Math.max(Math.abs(lhs), Math.abs(rhs));
  return difference / scale;
}

/**
 * The claim at `params`: the instance, its hypotheses, both sides and the margin. `run` replaces
 * the float64 runner (the certification passes a high-precision one); `tolerance` is the margin
 * at or below which the inequality counts as holding (default `DEFAULT_TOLERANCE`); `comparisons`
 * is the search's size (the instances it may test), given to a statistical measure when its
 * violation is certified (`MeasureContext.comparisons`).
 */
export function evaluateClaim<I extends Instance, R extends MeasureRun, B extends ParameterBox>(
  claim: Claim<I, R, B>,
  params: Params<B>,
  options: { run?: Runner; tolerance?: number; comparisons?: number } = {},
): Evaluation {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const instance = guarded(claim, params, 'the family', () => claim.family.instance(params));
  for (const hypothesis of claim.hypotheses) {
    const holds = guarded(claim, params, `hypothesis "${hypothesis.name}"`, () => hypothesis.holds(instance, params));
    if (!holds) {
      return { params, status: 'discarded', lhs: NaN, rhs: NaN, margin: -Infinity, failedHypothesis: hypothesis.name };
    }
  }
  // An rhs that takes the run (a third parameter) may read its default series; one that does not, none.
  const context: MeasureContext = {
    kind: claim.kind,
    run: options.run ?? runFloat64,
    rhsReads: claim.rhs.length >= 3 ? DEFAULT_RUN_SERIES : [],
    ...(options.comparisons !== undefined ? { comparisons: options.comparisons } : {}),
  };
  const bound = (run: R): number => guarded(claim, params, 'rhs', () => claim.rhs(instance, params, run));
  const measure = (rhs?: number): MeasureValue<R> =>
    guarded(claim, params, 'lhs', () => claim.lhs.evaluate(instance, rhs === undefined ? context : { ...context, rhs }));
  let rhs: number;
  let measured: MeasureValue<R>;
  if (claim.lhs.needsRhs) {
    rhs = requireNumber(claim, params, 'rhs', bound(undefined as R));
    measured = measure(rhs);
  } else {
    measured = measure();
    rhs = bound(measured.run as R);
    // A bound read off a run that blew up may be NaN; the verdict of a diverged run does not need it.
    if (!(measured.diverged && Number.isNaN(rhs))) requireNumber(claim, params, 'rhs', rhs);
  }
  const lhs = requireNumber(claim, params, 'lhs', measured.value);
  const unbounded = claim.kind === 'upper' ? Infinity : -Infinity;
  const margin = Number.isNaN(rhs) ? unbounded : normalizedMargin(claim, instance, lhs, rhs);
  if (margin > tolerance && !Number.isFinite(margin) && !measured.diverged) requireFiniteViolation(claim, params, lhs, rhs);
  const status = measured.diverged && claim.kind === 'upper' ? 'diverged' : margin > tolerance ? 'violated' : 'holds';
  return {
    params,
    status,
    lhs,
    rhs,
    margin,
    ...(measured.censored ? { censored: true } : {}),
    ...(measured.trajectory ? { trajectory: measured.trajectory } : {}),
    ...(measured.statistics ? { statistics: measured.statistics } : {}),
  };
}
