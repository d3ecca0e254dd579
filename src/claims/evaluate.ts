/**
 * Evaluation of a claim at one point of its family: build the instance, check the hypotheses,
 * evaluate both sides, and turn them into a normalized margin (positive: the inequality fails).
 * Errors in the claim's own code become one-line `InputError`s that name the claim and the point.
 */
import { run as runFloat64 } from '../gd/run.js';
import { InputError } from '../util/errors.js';
import type { Claim } from './claim.js';
import type { Instance, Params } from './family.js';
import type { MeasureValue, Runner, TrajectorySummary } from './measures.js';

/**
 * Normalized margins at or below this count as "holds" in float64. It absorbs the rounding of the
 * inputs (a step h/L is not exactly h/L) that no replay can remove; the report states it.
 */
export const DEFAULT_TOLERANCE = 1e-9;

/** `timeout` and `out-of-memory`: the search stopped the evaluation at its limits (src/search/workers.ts). */
export type InstanceStatus = 'holds' | 'violated' | 'diverged' | 'discarded' | 'timeout' | 'out-of-memory';

export interface Evaluation {
  readonly params: Params;
  readonly status: InstanceStatus;
  readonly lhs: number;
  readonly rhs: number;
  /** (lhs - rhs) / scale for upper claims, (rhs - lhs) / scale for lower ones; -Infinity when discarded. */
  readonly margin: number;
  readonly censored?: boolean;
  readonly failedHypothesis?: string;
  readonly trajectory?: TrajectorySummary;
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

export function normalizedMargin<I extends Instance>(claim: Claim<I>, instance: I, lhs: number, rhs: number): number {
  const difference = claim.kind === 'upper' ? lhs - rhs : rhs - lhs;
  if (!Number.isFinite(difference)) return difference;
  if (difference === 0) return 0;
  const scale = claim.scale ? claim.scale(lhs, rhs, instance) : Math.max(Math.abs(lhs), Math.abs(rhs));
  return difference / scale;
}

export function evaluateClaim<I extends Instance>(
  claim: Claim<I>,
  params: Params,
  options: { run?: Runner; tolerance?: number } = {},
): Evaluation {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  const instance = guarded(claim, params, 'the family', () => claim.family.instance(params));
  for (const hypothesis of claim.hypotheses) {
    const holds = guarded(claim, params, `hypothesis "${hypothesis.name}"`, () => hypothesis.holds(instance, params));
    if (!holds) {
      return { params, status: 'discarded', lhs: NaN, rhs: NaN, margin: -Infinity, failedHypothesis: hypothesis.name };
    }
  }
  const rhs = requireNumber(claim, params, 'rhs', guarded(claim, params, 'rhs', () => claim.rhs(instance, params)));
  const measured: MeasureValue = guarded(claim, params, 'lhs', () =>
    claim.lhs.evaluate(instance, { kind: claim.kind, rhs, run: options.run ?? runFloat64 }),
  );
  const lhs = requireNumber(claim, params, 'lhs', measured.value);
  const margin = normalizedMargin(claim, instance, lhs, rhs);
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
  };
}
