/**
 * classical.O3 at L = 1, N = 5, read through the claim, in the family's 'steps' parameters: the
 * exact worst case (the zigzag: in every step curvature +L then -L, meeting where f' comes back to
 * its value at the start) reads lhs/rhs = 1, and the scaled zigzag (curvatures +-aL) reads
 * (3/4) / (1 - a/4): the ridge the search climbs from the near-linear functions (a -> 0, 3/4) to
 * the worst case (README "Tightness on the class families").
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../src/claims/evaluate.js';
import O3 from '../../proofs-checks/classical/O3-nonconvex-min-gradient.js';

const N = 5;

/** Every parameter of the claim's box at L = 1, N = 5: in every step end 0, first = second = the given split (the steps past N are not read). */
function point(split: number): Record<string, number> {
  const params: Record<string, number> = { L: 1, h: 1, N, x0: 0.3, t0_slope: 1, t0_beyond: 1 };
  for (let k = 0; k < 6; k++) Object.assign(params, { [`t0_s${k}end`]: 0, [`t0_s${k}first`]: split, [`t0_s${k}second`]: split });
  return params;
}

const ratio = (params: Record<string, number>): number => {
  const evaluation = evaluateClaim(O3, params as never);
  expect(evaluation.status).toBe('holds');
  return evaluation.lhs / evaluation.rhs;
};

describe('classical.O3 at L = 1, N = 5, through the claim', () => {
  it('the zigzag (first = second = 1: curvatures +L, -L in every step, a knot every half step) reads lhs/rhs = 1', () => {
    expect(ratio(point(1))).toBeCloseTo(1, 12);
  });

  it.each([0.001, 0.5])('the zigzag scaled by a = %s reads (3/4) / (1 - a/4), down to the linear limit 3/4', (a) => {
    // By hand: f' = 1 at every iterate, and each step decreases f by (1 - a/4), so lhs/rhs = 1 / ((4/15) 5 (1 - a/4)).
    expect(ratio(point(a))).toBeCloseTo(0.75 / (1 - a / 4), 12);
  });
});
