/**
 * Certification of a float64 violation: replay the counterexample in BigNumber arithmetic at two
 * precisions and call it certified only when, at both, the normalized margin still exceeds the
 * tolerance with the same status, and the two replays agree on the left-hand side to 1e-12
 * relative (its leading digits are settled). The replay re-evaluates the whole claim with the
 * high-precision runner, so a rhs that reads the run reads the replayed run. Pointwise statements
 * have no rounding that accumulates, and statistical ones carry their sampling error in the claim,
 * so the tolerance alone certifies them.
 */
import type { Claim } from '../claims/claim.js';
import { evaluateClaim, type Evaluation } from '../claims/evaluate.js';
import type { Instance } from '../claims/family.js';
import { runHighPrecision } from '../gd/runHighPrecision.js';

export const CERTIFICATION_DIGITS = [40, 80] as const;
/** Relative agreement required between the lhs of the two replays. */
export const DIGITS_AGREEMENT = 1e-12;

export interface Replay {
  readonly digits: number;
  readonly lhs: number;
  readonly rhs: number;
  readonly margin: number;
  readonly status: Evaluation['status'];
}

export interface Certificate {
  readonly status: 'certified' | 'inconclusive';
  readonly method: 'high-precision replay' | 'pointwise' | 'statistical';
  readonly tolerance: number;
  readonly replays: readonly Replay[];
  readonly reason: string;
}

function agree(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= DIGITS_AGREEMENT * Math.max(Math.abs(a), Math.abs(b));
}

export function certify(claim: Claim<Instance>, counterexample: Evaluation, tolerance: number): Certificate {
  if (claim.lhs.certification !== 'replay') {
    const why =
      claim.lhs.certification === 'pointwise'
        ? 'pointwise statement (no accumulated rounding)'
        : 'statistical statement over seeded starts (sampling error is in the claim)';
    return {
      status: 'certified',
      method: claim.lhs.certification,
      tolerance,
      replays: [],
      reason: `${why}; margin ${counterexample.margin} exceeds the tolerance`,
    };
  }
  const problem = claim.family.instance(counterexample.params).problem;
  if (!problem.highPrecision) {
    return {
      status: 'inconclusive',
      method: 'high-precision replay',
      tolerance,
      replays: [],
      reason: `${problem.name} has no high-precision model, so the float64 violation cannot be replayed; define the family from a mathjs expression to certify it`,
    };
  }
  const replays: Replay[] = CERTIFICATION_DIGITS.map((digits) => {
    const e = evaluateClaim(claim, counterexample.params, { run: runHighPrecision(digits), tolerance });
    return { digits, lhs: e.lhs, rhs: e.rhs, margin: e.margin, status: e.status };
  });
  const lost = replays.find((r) => r.status !== counterexample.status);
  if (lost) {
    return {
      status: 'inconclusive',
      method: 'high-precision replay',
      tolerance,
      replays,
      reason: `at ${lost.digits} digits the margin is ${lost.margin} (${lost.status}): the float64 violation is rounding error`,
    };
  }
  const [low, high] = replays;
  if (!agree(low.lhs, high.lhs)) {
    return {
      status: 'inconclusive',
      method: 'high-precision replay',
      tolerance,
      replays,
      reason: `the ${low.digits}- and ${high.digits}-digit replays disagree on the lhs (${low.lhs} vs ${high.lhs})`,
    };
  }
  return {
    status: 'certified',
    method: 'high-precision replay',
    tolerance,
    replays,
    reason: `the margin keeps its sign and leading digits at ${low.digits} and ${high.digits} digits`,
  };
}
