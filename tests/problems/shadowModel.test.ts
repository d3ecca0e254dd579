/**
 * `gradientStepLipschitz`: max |1 - eta lambda| over a curvature enclosure [lower, upper], rounded
 * up, against the exact value of the same doubles at 60 digits (the maximum of a linear function
 * of lambda sits at an end of the range).
 */
import { describe, expect, it } from 'vitest';
import { bigMath, toBig, type BigNumber } from '../../src/problems/highPrecision.js';
import { gradientStepLipschitz } from '../../src/problems/shadowModel.js';
import { Rng } from '../../src/util/random.js';

const math = bigMath(60);
const big = (x: number): BigNumber => toBig(math, x);
const exactLipschitz = (eta: number, lower: number, upper: number): BigNumber => {
  const at = (lambda: number): BigNumber => big(1).minus(big(eta).times(big(lambda))).abs();
  const [a, b] = [at(lower), at(upper)];
  return a.gt(b) ? a : b;
};

describe('gradientStepLipschitz', () => {
  it('is max |1 - eta lambda| at the ends by hand: eta = 1/2 on [-2, 6] gives 2', () => {
    const value = gradientStepLipschitz(0.5, { lower: -2, upper: 6 });
    expect(value).toBeGreaterThanOrEqual(2);
    expect(value).toBeLessThan(2 * (1 + 1e-14));
  });

  it('bounds the exact value from above, within 1e-13 relative, on 2000 seeded enclosures (steps near 2/upper included)', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 2000; i++) {
      const upper = 10 ** (6 * rng.uniform() - 3);
      const lower = i % 2 === 0 ? -upper * rng.uniform() : upper * rng.uniform();
      const eta = i % 3 === 0 ? (2 / upper) * (1 + (rng.uniform() - 0.5) * 1e-9) : rng.uniform() * (2 / upper);
      const exact = exactLipschitz(eta, lower, upper);
      const value = big(gradientStepLipschitz(eta, { lower, upper }));
      expect(value.gte(exact)).toBe(true);
      expect(value.minus(exact).lte(exact.times(1e-13).plus(1e-14))).toBe(true);
    }
  });
});
