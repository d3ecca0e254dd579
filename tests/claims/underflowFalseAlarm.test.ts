/**
 * Regression: liu2025.C5b was `inconclusive` at budget 10000 (seed 1). On a f(s w) with
 * f = cosh(x) - 1, a = 10, s = 0.3143, the Theorem-1 step drives the gap from 3e-291 to 0 in one
 * step while ||grad f||^2 = 8e-323 stays a subnormal number, so the per-step ratio
 * (Delta_{t+1} + kappa eta_t ||grad f||^2) / Delta_t read 8e-323 / 0 = Infinity; the 40-digit replay
 * found the ratio below 1. Float64 runs now stop when the gap or ||grad f||^2 falls below 2^-970.
 */
import { describe, expect, it } from 'vitest';
import C5b from '../../proofs-checks/liu2025/C5b-per-step-decrease.js';
import { evaluateClaim } from '../../src/claims/evaluate.js';

describe('liu2025.C5b at the point of its former float64 violation', () => {
  it('holds, with every ratio computed from normal numbers', () => {
    const evaluation = evaluateClaim(C5b, { a: 10, s: 0.3143, radius: 0.002071, angle: 1, c: 1, T: 17 });
    expect(evaluation.status).toBe('holds');
    expect(evaluation.lhs).toBeLessThanOrEqual(1);
  });
});
