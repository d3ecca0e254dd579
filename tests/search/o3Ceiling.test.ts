/**
 * classical.O3 at L = 1, N = 5, read through the claim: the exact worst case (the zigzag in the
 * family's 'run' knots) reads lhs/rhs = 1, and the near-linear plateau where the search stops
 * (README "Tightness on the class families") reads exactly the quadratic's value at the smallest
 * curvature the family's outer pieces allow.
 */
import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../src/claims/evaluate.js';
import O3 from '../../proofs-checks/classical/O3-nonconvex-min-gradient.js';

const N = 5;
/** The smallest curvature of an outer piece of 'nonconvexBounded', as a multiple of L. */
const OUTER_FLOOR = 1e-3;

/** Every parameter of the claim's box, the unused pieces and gaps filled in (they lie past the run or are not read). */
function point(values: Record<string, number>): Record<string, number> {
  const params: Record<string, number> = { L: 1, h: 1, N, x0: 0.3, t0_slope: 1, t0_first: 0.5 };
  for (let j = 0; j < 13; j++) params[`t0_c${j}`] = 1;
  for (let j = 0; j < 11; j++) params[`t0_gap${j}`] = 0.5;
  return { ...params, ...values };
}

const ratio = (params: Record<string, number>): number => {
  const evaluation = evaluateClaim(O3, params as never);
  expect(evaluation.status).toBe('holds');
  return evaluation.lhs / evaluation.rhs;
};

describe('classical.O3 at L = 1, N = 5, through the claim', () => {
  it('the zigzag (11 pieces, curvatures +L, -L, ..., a knot every half step) reads lhs/rhs = 1', () => {
    const curvatures: Record<string, number> = {};
    for (let j = 0; j < 2 * N + 1; j++) curvatures[`t0_c${j}`] = j % 2 === 0 ? 1 : 0;
    expect(ratio(point({ K: 2 * N + 1, ...curvatures }))).toBeCloseTo(1, 12);
  });

  it('the plateau the search stops on: the run on an outer piece of curvature 1e-3 L, away from every knot', () => {
    // Two pieces: the one behind the start (curvature L, setting the scale), the run's own at the floor.
    const c = OUTER_FLOOR;
    const q = (1 - c) ** (2 * N);
    // By hand, on the quadratic of curvature c with step 1: f'(x_k) = (1 - c)^k f'(x_0) and
    // f(x_0) - f(x_N) = (1 - q) f'(x_0)^2 / (2c), so lhs/rhs = 3N q 2c / (4 (1 - q)) = 0.745881...
    const expected = (3 * N * q * 2 * c) / (4 * (1 - q));
    expect(expected).toBeCloseTo(0.745881, 6);
    expect(ratio(point({ K: 2, t0_first: -1, t0_c0: 1, t0_c1: 0 }))).toBeCloseTo(expected, 12);
  });
});
