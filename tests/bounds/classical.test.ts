/** bounds/classical.ts against values computed by hand (the arithmetic is in the comments). */
import { describe, expect, it } from 'vitest';
import {
  contractionFactor,
  droriTeboulleGapBound,
  plOneStepRate,
  plTextbookRate,
  quadraticFirstHitLowerBound,
  sgdQuadraticExpectedGap,
  sgdStronglyConvexFixedStepBound,
} from '../../bounds/classical.js';
import { InputError } from '../../src/util/errors.js';

describe('classical bounds', () => {
  it('O1: L R^2 / (4Nh + 2)', () => {
    // L = 3, R = 1, N = 4, h = 1: 3 / 18 = 1/6 (PEPit: 0.1666667).
    expect(droriTeboulleGapBound({ L: 3, R: 1, N: 4, h: 1 })).toBeCloseTo(1 / 6, 15);
    // L = 2, R = 3, N = 10, h = 0.5: 18 / 22 = 0.818181...
    expect(droriTeboulleGapBound({ L: 2, R: 3, N: 10, h: 0.5 })).toBeCloseTo(18 / 22, 15);
  });

  it('O2: rho(gamma) = max(|1 - gamma mu|, |1 - gamma L|)', () => {
    // L = 1, mu = 0.1, gamma = 1: max(0.9, 0) = 0.9, so 0.81 per step in f.
    expect(contractionFactor({ mu: 0.1, L: 1, gamma: 1 })).toBeCloseTo(0.9, 15);
    // gamma = 2/(L + mu) = 2/1.1: (L - mu)/(L + mu) = 0.9/1.1 = 0.818181..., squared 0.669421.
    expect(contractionFactor({ mu: 0.1, L: 1, gamma: 2 / 1.1 }) ** 2).toBeCloseTo(0.669421, 6);
  });

  it('O4: the three regimes of the PL one-step rate, continuous at 1/L', () => {
    // L = 1, mu = 0.2, gamma = 0.5: 4 - 2 (1.2)(0.2)(0.5)(1.5) = 3.64, sqrt = 1.9078784,
    // (0.2 * 0.5 + 1.9078784) / 2.2 = 0.9126720, squared 0.8329702.
    expect(plOneStepRate({ mu: 0.2, L: 1, gamma: 0.5 })).toBeCloseTo(0.8329702, 6);
    // gamma = 1/L: 2(L - mu)/(2L + mu) = 1.6/2.2 = 8/11 = 0.727273.
    expect(plOneStepRate({ mu: 0.2, L: 1, gamma: 1 })).toBeCloseTo(8 / 11, 14);
    expect(plOneStepRate({ mu: 0.2, L: 1, gamma: 1 - 1e-12 })).toBeCloseTo(8 / 11, 10);
    // gamma = 1.5: 1 - 0.2 * 1.5 (4 - 2.25) / (2 + 0.3) = 1 - 0.525/2.3 = 0.7717391.
    expect(plOneStepRate({ mu: 0.2, L: 1, gamma: 1.5 })).toBeCloseTo(0.7717391, 6);
    // gamma = 1.9: 0.81 / (0.81 + 0.2 * 1.9 * 0.1) = 0.81 / 0.848 = 0.9551887.
    expect(plOneStepRate({ mu: 0.2, L: 1, gamma: 1.9 })).toBeCloseTo(0.9551887, 6);
  });

  it('the textbook PL rate 1 - mu/L', () => {
    expect(plTextbookRate({ mu: 0.2, L: 1 })).toBeCloseTo(0.8, 15);
  });

  it('the K(eps) lower bound on quadratics', () => {
    // gap0 = 1, eps = 1e-6, rho_min = 0.5: log(1e6) / (2 log 2) = 13.815511 / 1.386294 = 9.965784.
    expect(quadraticFirstHitLowerBound({ gap0: 1, eps: 1e-6, rhoMin: 0.5 })).toBeCloseTo(9.965784, 5);
    expect(quadraticFirstHitLowerBound({ gap0: 1e-7, eps: 1e-6, rhoMin: 0.5 })).toBe(0);
    expect(quadraticFirstHitLowerBound({ gap0: 1, eps: 1e-6, rhoMin: 0 })).toBe(0);
  });

  it.each([
    ['h above 1', () => droriTeboulleGapBound({ L: 1, R: 1, N: 1, h: 1.5 }), /h must lie in/],
    ['N = 0', () => droriTeboulleGapBound({ L: 1, R: 1, N: 0, h: 1 }), /N must be an integer/],
    ['gamma at 2/L', () => plOneStepRate({ mu: 0.1, L: 1, gamma: 2 }), /gamma must lie in/],
    ['NaN mu', () => contractionFactor({ mu: Number.NaN, L: 1, gamma: 1 }), /mu must be a finite number/],
    ['rho_min = 1', () => quadraticFirstHitLowerBound({ gap0: 1, eps: 1e-3, rhoMin: 1 }), /rhoMin must lie in/],
  ])('bad input: %s', (_label, action, pattern) => {
    expect(action).toThrow(InputError);
    expect(action).toThrow(pattern);
  });

  it('SGD, fixed step, strongly convex: alpha L M / (2c) + (1 - alpha c)^T (gap0 - alpha L M / (2c))', () => {
    // c = 0.5, L = 1, M = 2, alpha = 0.5, gap0 = 3, T = 2: floor 0.5 * 2 / 1 = 1, 0.75^2 = 0.5625,
    // 1 + 0.5625 * 2 = 2.125.
    expect(sgdStronglyConvexFixedStepBound({ c: 0.5, L: 1, M: 2, alpha: 0.5, gap0: 3, T: 2 })).toBeCloseTo(2.125, 15);
    expect(() => sgdStronglyConvexFixedStepBound({ c: 0.5, L: 1, M: 2, alpha: 1.5, gap0: 3, T: 2 })).toThrow(InputError);
  });

  it('SGD on a quadratic with Gaussian noise: the exact E[f(x_T)] - f*', () => {
    // lambda = (1, 2), eta = 0.25, sigma = 2, x0 = (1, 1), T = 1: a = (0.75, 0.5), means (0.75, 0.5),
    // variances 0.25 each; 1/2 (1 (0.5625 + 0.25) + 2 (0.25 + 0.25)) = 0.90625.
    expect(sgdQuadraticExpectedGap({ eigenvalues: [1, 2], x0: [1, 1], eta: 0.25, sigma: 2, T: 1 })).toBeCloseTo(0.90625, 15);
    // a = 0 (eta lambda = 1) and a^2 = 1 (lambda = 0): variance eta^2 sigma^2 T on the flat coordinate, no gap.
    expect(sgdQuadraticExpectedGap({ eigenvalues: [0, 1], x0: [1, 1], eta: 1, sigma: 1, T: 3 })).toBeCloseTo(0.5, 15);
  });
});
