/**
 * Statistical measures against an exact oracle: SGD with constant step and additive Gaussian noise
 * on a diagonal quadratic has a closed-form E[f(x_T)] - f* (bounds/classical.ts,
 * sgdQuadraticExpectedGap), and on a 1-D quadratic a closed-form law of f(x_T). A bound 5% below
 * the exact expectation is violated, 5% above holds, at each of 20 seeds, with the default level
 * (95%, Bonferroni over 1000 instances).
 */
import { describe, expect, it } from 'vitest';
import { sgdQuadraticExpectedGap } from '../../bounds/classical.js';
import {
  additiveGaussianNoise,
  claim,
  constant,
  expectedGapAt,
  expectedMinGradNormSquared,
  family,
  gapWithProbability,
  integer,
  quadratic,
  quantileBound,
  type StochasticInstance,
} from '../../src/index.js';
import { evaluateClaim } from '../../src/claims/evaluate.js';
import { certify } from '../../src/search/certify.js';
import { falsify } from '../../src/search/falsify.js';

const source = { reference: 'test', result: 'test', version: 'test', provenance: 'derived' } as const;
const eigenvalues = Array.from({ length: 40 }, (_, i) => 0.5 + i / 78);
const x0 = eigenvalues.map((_, i) => (i % 2 === 0 ? 1 : -0.5));
const eta = 0.5;
const sigma = 0.5;
const T = 10;
const exact = sgdQuadraticExpectedGap({ eigenvalues, x0, eta, sigma, T });

/** One instance per seed: the seed is the family's only parameter, so evaluateClaim reads it. */
const seeded = (problemEigenvalues: number[], start: number[]) =>
  family({
    name: 'sgd-on-quadratic',
    box: { seed: integer(1, 20) },
    instance: (): StochasticInstance => ({
      problem: quadratic({ eigenvalues: problemEigenvalues }),
      x0: start,
      schedule: constant(eta),
      horizon: T,
      oracle: (seed) => additiveGaussianNoise(sigma, seed),
    }),
  });

const expectationClaim = (factor: number, seed: number) =>
  claim({
    id: `test.expected-gap-${factor}`,
    title: `E[f(x_T)] - f* <= ${factor} x exact`,
    source,
    kind: 'upper',
    family: seeded(eigenvalues, x0),
    lhs: expectedGapAt({ repetitions: 1500, seed }),
    rhs: () => factor * exact,
    rhsLabel: `${factor} x exact`,
  });

describe('expectation over seeded SGD runs', () => {
  it('the exact oracle: 1/2 sum lambda (a^(2T) x0^2 + eta^2 sigma^2 (1 - a^(2T)) / (1 - a^2))', () => {
    // 1-D, lambda = 1, eta = 0.5, sigma = 1, x0 = 2, T = 2: a = 0.5, mean 0.5, variance
    // 0.25 (1 - 0.0625) / 0.75 = 0.3125, E f = (0.25 + 0.3125) / 2 = 0.28125.
    expect(sgdQuadraticExpectedGap({ eigenvalues: [1], x0: [2], eta: 0.5, sigma: 1, T: 2 })).toBeCloseTo(0.28125, 15);
  });

  it('a bound 5% below the exact E[f(x_T)] - f* is violated and 5% above holds, at each of 20 seeds', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const below = evaluateClaim(expectationClaim(0.95, seed), { seed });
      const above = evaluateClaim(expectationClaim(1.05, seed), { seed });
      expect([seed, below.status]).toEqual([seed, 'violated']);
      expect([seed, above.status]).toEqual([seed, 'holds']);
      expect(below.statistics?.repetitions).toBe(1500);
      expect(below.statistics?.comparisons).toBe(1000);
      expect(below.statistics?.perInstanceLevel).toBeCloseTo(1 - 0.05 / 1000, 12);
      expect(Math.abs(below.statistics!.estimate - exact) / exact).toBeLessThan(0.03);
    }
  });

  it('same seed, same bytes; the search certifies a violation as statistical', () => {
    const a = evaluateClaim(expectationClaim(0.95, 7), { seed: 1 });
    const b = evaluateClaim(expectationClaim(0.95, 7), { seed: 1 });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    const result = falsify(expectationClaim(0.5, 3), { budget: 4, seed: 1 });
    expect(result.verdict).toBe('violated');
    expect(result.counterexample?.certificate.method).toBe('statistical');
  });

  it('a violation the search picked out of more instances than the correction counts is certified only if significant over all of them', () => {
    // The same sample bounded at 1 - 0.05/1000 and at 1 - 0.05/10^9: a bound between the two
    // confidence bounds is violated at the measure's correction, not at the search's.
    const at = (factor: number) => evaluateClaim(expectationClaim(factor, 7), { seed: 1 });
    const counted = at(0.95);
    const searched = evaluateClaim(expectationClaim(0.95, 7), { seed: 1 }, { comparisons: 1e9 });
    expect(counted.statistics?.comparisons).toBe(1000);
    expect(searched.statistics?.comparisons).toBe(1e9);
    expect(searched.statistics?.perInstanceLevel).toBeCloseTo(1 - 0.05 / 1e9, 15);
    expect(searched.statistics?.estimate).toBe(counted.statistics?.estimate);
    expect(searched.lhs).toBeLessThan(counted.lhs);
    const between = (counted.lhs + searched.lhs) / 2 / exact;
    const tight = expectationClaim(between, 7);
    const found = evaluateClaim(tight, { seed: 1 });
    expect(found.status).toBe('violated');
    // A search of at most the measure's 1000 instances: the margin certifies it, with no new sample.
    expect(certify(tight, found, 1e-9, { searchSize: 1000 }).status).toBe('certified');
    const wide = certify(tight, found, 1e-9, { searchSize: 1e9 });
    expect(wide.status).toBe('inconclusive');
    expect(wide.reason).toMatch(/not significant over the whole search/);
    // A bound at half the expectation stays violated over 10^9 instances.
    expect(certify(expectationClaim(0.5, 7), evaluateClaim(expectationClaim(0.5, 7), { seed: 1 }), 1e-9, { searchSize: 1e9 }).status).toBe('certified');
  });

  it('a search of more instances than its measure counts certifies over its own size, even when it stops at a first failure', () => {
    // comparisons: 2 stated, a budget of 12: the correction at certification is over the 12 instances
    // the search may test (it stops at the first, every instance being the same) and the simplification's.
    const stated = (factor: number) =>
      claim({ ...expectationClaim(factor, 7), id: 'test.few-comparisons', lhs: expectedGapAt({ repetitions: 1500, seed: 7, comparisons: 2 }) });
    const counted = evaluateClaim(stated(1), { seed: 1 });
    const searched = evaluateClaim(stated(1), { seed: 1 }, { comparisons: 12 });
    const result = falsify(stated((counted.lhs + searched.lhs) / 2 / exact), { budget: 12, seed: 1 });
    expect(result.verdict).toBe('inconclusive');
    expect(result.uncertified[0].certificate.reason).toMatch(/over the search's 1\d\b/);
    expect(result.uncertified[0].certificate.comparisons).toBeGreaterThanOrEqual(12);
  });

  it('a lower claim reads the upper confidence bound', () => {
    const lower = (factor: number) =>
      claim({ ...expectationClaim(factor, 5), id: 'test.lower', kind: 'lower' });
    expect(evaluateClaim(lower(1.05), { seed: 1 }).status).toBe('violated');
    expect(evaluateClaim(lower(0.95), { seed: 1 }).status).toBe('holds');
  });

  it('the minimum over iterations: E[min_t ||grad f(x_t)||^2] is at most the gradient at x_0', () => {
    const minimum = claim({
      id: 'test.min-grad',
      title: 'E[min_t ||grad f||^2] <= ||grad f(x_0)||^2',
      source,
      kind: 'upper',
      family: seeded(eigenvalues, x0),
      lhs: expectedMinGradNormSquared({ repetitions: 50, seed: 1 }),
      rhs: () => eigenvalues.reduce((sum, lambda, i) => sum + (lambda * x0[i]) ** 2, 0),
      rhsLabel: '||grad f(x_0)||^2',
    });
    expect(evaluateClaim(minimum, { seed: 1 }).status).toBe('holds');
  });
});

describe('high-probability statements over seeded SGD runs', () => {
  // 1-D: x_T ~ N(m, v), m = a^T x0, v = eta^2 sigma^2 (1 - a^(2T)) / (1 - a^2); with x0 = 0, m = 0
  // and f(x_T) = lambda/2 v Z^2, whose 0.9-quantile is lambda/2 v 1.6448536^2.
  const lambda = 1;
  const a = 1 - eta * lambda;
  const v = (eta * sigma) ** 2 * (1 - a ** (2 * T)) / (1 - a * a);
  const quantile90 = (lambda / 2) * v * 1.6448536269514722 ** 2;
  const quantileClaim = (factor: number, seed: number) =>
    claim({
      id: 'test.quantile',
      title: `P(f(x_T) - f* <= ${factor} x q_0.9) >= 0.9`,
      source,
      kind: 'upper',
      family: seeded([lambda], [0]),
      lhs: gapWithProbability(0.1, { repetitions: 3000, seed }),
      rhs: () => factor * quantile90,
      rhsLabel: `${factor} q_0.9`,
    });

  it('a bound 25% below the exact 0.9-quantile is violated and 25% above holds, at each of 20 seeds', () => {
    for (let seed = 1; seed <= 20; seed++) {
      expect([seed, evaluateClaim(quantileClaim(0.75, seed), { seed }).status]).toEqual([seed, 'violated']);
      expect([seed, evaluateClaim(quantileClaim(1.25, seed), { seed }).status]).toEqual([seed, 'holds']);
    }
  });

  it('order statistics: too few values can never show a violation', () => {
    // n = 5, q = 0.1: P(Bin(5, 0.1) <= 0) = 0.9^5 = 0.59049 > 0.05, and larger k only raise it.
    expect(quantileBound([1, 2, 3, 4, 5], 0.1, 0.05, 'upper')).toBe(-Infinity);
    // q = 0.9, alpha = 0.001: P(Bin(5, 0.9) <= 1) = 1e-5 + 5 (0.9)(1e-4) = 0.00046, P(<= 2) = 0.00856: X_(2).
    expect(quantileBound([1, 2, 3, 4, 5], 0.9, 0.001, 'upper')).toBe(2);
    // n = 5, q = 0.5, alpha = 0.2: P(Bin(5, 0.5) <= 1) = 6/32 = 0.1875 <= 0.2, P(<= 2) = 0.5: X_(2).
    expect(quantileBound([1, 2, 3, 4, 5], 0.5, 0.2, 'upper')).toBe(2);
    // Lower side: P(Bin(5, 0.5) >= 4) = 6/32 <= 0.2, P(>= 3) = 0.5: X_(4).
    expect(quantileBound([1, 2, 3, 4, 5], 0.5, 0.2, 'lower')).toBe(4);
  });
});
