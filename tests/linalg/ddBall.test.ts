/**
 * Double-double ball arithmetic against BigNumber at 120 digits: on random and adversarial inputs
 * (cancellation, huge and tiny magnitudes, ties), the exact result of each operation lies in its
 * ball, and `roundsToNearest` says yes only when the exact value rounds to the ball's high part.
 * A ball with its radius removed (the broken twin of the enclosure) is shown to miss the exact
 * value on the same inputs.
 */
import { Matrix, SingularValueDecomposition } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import {
  ballAdd,
  ballMatrix,
  ballMatrixProduct,
  ballMul,
  ballNormUpperBound,
  ballSpectralNormUpperBound,
  ballOneMinusProduct,
  ballSqrtOfNonNegative,
  BallVector,
  DotAccumulator,
  result,
  roundsToNearest,
} from '../../src/linalg/ddBall.js';
import { bigMath, toBig, type BigNumber } from '../../src/problems/highPrecision.js';
import { Rng } from '../../src/util/random.js';

const math = bigMath(120);
const big = (x: number): BigNumber => toBig(math, x);
const ballValue = (): BigNumber => big(result.hi).plus(big(result.lo));
/** Whether the exact value lies in the last result's ball. */
const contains = (exact: BigNumber): boolean => exact.minus(ballValue()).abs().lte(big(result.rad));

const rng = new Rng(7);
/** A random double with a random sign and exponent in [-expSpread, expSpread]. */
const randomDouble = (expSpread: number): number => (rng.uniform() < 0.5 ? -1 : 1) * (1 + rng.uniform()) * 2 ** Math.round((2 * rng.uniform() - 1) * expSpread);
/** A random double-double ball (normalized midpoint, radius up to 1e-25 relative). */
const randomBall = (expSpread: number): [number, number, number] => {
  const hi = randomDouble(expSpread);
  const lo = hi * 2 ** -53 * (2 * rng.uniform() - 1) * 0.99;
  return [hi + lo, lo - (hi + lo - hi), Math.abs(hi) * 1e-25 * rng.uniform()];
};

describe('every operation encloses its exact result', () => {
  it('sum and product on random balls, with cancellation', () => {
    for (let k = 0; k < 2000; k++) {
      const x = randomBall(60);
      // y close to -x for half the cases: the sum cancels most of its digits.
      const y = k % 2 === 0 ? randomBall(60) : ([-x[0] * (1 + 2 ** -40 * rng.uniform()), 0, 0] as [number, number, number]);
      // the exact value of any point in the balls: take the midpoints and widen by the radii.
      ballAdd(...x, ...y);
      const sum = big(x[0]).plus(big(x[1])).plus(big(y[0])).plus(big(y[1]));
      expect(sum.minus(ballValue()).abs().lte(big(result.rad).minus(big(x[2])).minus(big(y[2]))), `sum ${x} + ${y}`).toBe(true);
      ballMul(...x, ...y);
      const product = big(x[0]).plus(big(x[1])).times(big(y[0]).plus(big(y[1])));
      expect(contains(product), `product ${x} * ${y}`).toBe(true);
    }
  });

  it('the radius covers any point of the input balls (their ends)', () => {
    for (let k = 0; k < 500; k++) {
      const x = randomBall(20);
      const y = randomBall(20);
      ballMul(...x, ...y);
      for (const sx of [-1, 1]) {
        for (const sy of [-1, 1]) {
          const exact = big(x[0]).plus(big(x[1])).plus(big(x[2]).times(sx)).times(big(y[0]).plus(big(y[1])).plus(big(y[2]).times(sy)));
          expect(contains(exact)).toBe(true);
        }
      }
    }
  });

  it('dot products of doubles with balls, and 1 - a b', () => {
    const sum = new DotAccumulator();
    for (let k = 0; k < 200; k++) {
      sum.reset();
      let exact = big(0);
      for (let i = 0; i < 100; i++) {
        const a = randomDouble(10);
        const x = randomBall(10);
        sum.addScaled(a, x[0], x[1], 0);
        exact = exact.plus(big(a).times(big(x[0]).plus(big(x[1]))));
      }
      sum.finish();
      expect(contains(exact)).toBe(true);
      const a = randomDouble(3);
      const b = 1 / a + randomDouble(-60);
      ballOneMinusProduct(a, b);
      expect(contains(big(1).minus(big(a).times(big(b))))).toBe(true);
    }
  });

  it('square roots, including balls that reach down to 0', () => {
    for (let k = 0; k < 1000; k++) {
      const [hi, lo, rad] = randomBall(100).map(Math.abs) as [number, number, number];
      const s = hi + lo;
      const l = lo - (s - hi);
      ballSqrtOfNonNegative(s, l, rad);
      expect(contains(big(s).plus(big(l)).sqrt())).toBe(true);
    }
    ballSqrtOfNonNegative(1e-40, 0, 1e-30);
    expect(contains(big(0))).toBe(true);
    expect(contains(big(1e-30).sqrt())).toBe(true);
    ballSqrtOfNonNegative(0, 0, 0);
    expect([result.hi, result.rad]).toEqual([0, 0]);
  });

  it('near overflow and underflow: never a finite ball that misses, and an exact zero stays exact', () => {
    ballMul(2 ** 1000, 0, 0, 2 ** 20, 0, 0);
    expect(roundsToNearest(result.hi, result.lo, result.rad)).toBe(false);
    ballMul(3 * 2 ** -540, 0, 0, 5 * 2 ** -540, 0, 0);
    expect(contains(big(3 * 2 ** -540).times(big(5 * 2 ** -540)))).toBe(true);
    ballMul(0, 0, 0, 7, 0, 0);
    expect([result.hi, result.lo, result.rad]).toEqual([0, 0, 0]);
    // 1 - 1 * 1 is an exact zero (a step 1 on curvature 1), and a product far below 2^-960 is charged.
    ballOneMinusProduct(1, 1);
    expect([result.hi, result.lo, result.rad]).toEqual([0, 0, 0]);
    ballMul(2 ** -600, 0, 0, 2 ** -600, 0, 0);
    expect(result.hi).toBe(0);
    expect(result.rad).toBeGreaterThan(2 ** -1074);
    expect(contains(big(2 ** -600).times(big(2 ** -600)))).toBe(true);
  });

  it('the broken twin: without its radius the ball misses exact values these tests check', () => {
    let missed = 0;
    for (let k = 0; k < 200; k++) {
      const x = randomBall(5);
      const y = randomBall(5);
      ballMul(x[0], x[1], 0, y[0], y[1], 0);
      const exact = big(x[0]).plus(big(x[1])).times(big(y[0]).plus(big(y[1])));
      if (!exact.minus(ballValue()).isZero()) missed++;
    }
    expect(missed).toBeGreaterThan(100);
  });
});

describe('roundsToNearest', () => {
  it('agrees with rounding the exact value, on balls placed at and near rounding boundaries', () => {
    for (let k = 0; k < 3000; k++) {
      const hi = k % 3 === 0 ? 2 ** Math.round(40 * rng.uniform() - 20) : randomDouble(30);
      const ulp = Math.abs(hi) * 2 ** -52;
      // lo near +-ulp/2 (a tie) or near +-ulp/4 below a power of two, radius up to ulp/8.
      const lo = (rng.uniform() - 0.5) * ulp * (k % 2 === 0 ? 1 : 1.0000001);
      const rad = rng.uniform() * ulp * 0.125;
      if (hi + lo !== hi) continue;
      const decided = roundsToNearest(hi, lo, rad);
      if (!decided) continue;
      for (const s of [-1, 1]) {
        const end = big(hi).plus(big(lo)).plus(big(rad).times(s));
        expect(end.toNumber(), `hi ${hi} lo ${lo} rad ${rad}`).toBe(hi);
      }
    }
  });

  it('is false on balls that touch a tie, non-finite balls and balls around 0', () => {
    expect(roundsToNearest(1, 2 ** -53, 1e-40)).toBe(false);
    expect(roundsToNearest(1, -(2 ** -54), 1e-40)).toBe(false);
    expect(roundsToNearest(1, -(2 ** -55), 1e-40)).toBe(true);
    // An exact tie (radius 0) rounds to even, as the high part was rounded.
    expect(roundsToNearest(1, 2 ** -53, 0)).toBe(true);
    expect(roundsToNearest(Infinity, 0, 0)).toBe(false);
    expect(roundsToNearest(1, 0, NaN)).toBe(false);
    expect(roundsToNearest(0, 0, 1e-300)).toBe(false);
    expect(roundsToNearest(0, 0, 0)).toBe(true);
  });
});

describe('ballMatrixProduct, ballNormUpperBound and ballSpectralNormUpperBound', () => {
  it('refuses to write the product into an operand: a one-line error', () => {
    const a = new BallVector(4);
    [1, 2, 3, 4].forEach((v, i) => a.setExact(i, v));
    expect(() => ballMatrixProduct(2, 2, 2, ballMatrix(a, 0, 2), ballMatrix(a, 0, 2), a)).toThrow(/out must not hold an operand/);
  });

  it('multiplies by hand: [[1, 2, 3], [4, 5, 6]] [[7, 8], [9, 10], [11, 12]] = [[58, 64], [139, 154]], also through transposed views', () => {
    const a = new BallVector(6);
    [1, 2, 3, 4, 5, 6].forEach((v, i) => a.setExact(i, v));
    const b = new BallVector(6);
    [7, 8, 9, 10, 11, 12].forEach((v, i) => b.setExact(i, v));
    const out = new BallVector(4);
    ballMatrixProduct(2, 2, 3, ballMatrix(a, 0, 3), ballMatrix(b, 0, 2), out);
    expect(Array.from(out.hi)).toEqual([58, 64, 139, 154]);
    // Each operation is charged 2^-96 of its result, exact or not.
    out.rad.forEach((r, i) => expect(r).toBeLessThan(1e-27 * out.hi[i]));
    // B^T A^T = (A B)^T, with B^T and A^T as views of the same storage.
    ballMatrixProduct(2, 2, 3, ballMatrix(b, 0, 2, true), ballMatrix(a, 0, 3, true), out);
    expect(Array.from(out.hi)).toEqual([58, 139, 64, 154]);
  });

  it('holds the exact (120-digit) product of random double-double balls, from an offset', () => {
    const rows = 3;
    const inner = 5;
    const cols = 4;
    const a = new BallVector(2 + rows * inner);
    const b = new BallVector(inner * cols);
    for (const v of [a, b]) {
      for (let i = 0; i < v.length; i++) {
        v.hi[i] = randomDouble(5);
        v.lo[i] = v.hi[i] * 2 ** -60 * rng.uniform();
        v.rad[i] = Math.abs(v.hi[i]) * 1e-25 * rng.uniform();
      }
    }
    const out = new BallVector(rows * cols);
    ballMatrixProduct(rows, cols, inner, ballMatrix(a, 2, inner), ballMatrix(b, 0, cols), out);
    const value = (v: BallVector, i: number): BigNumber => big(v.hi[i]).plus(big(v.lo[i]));
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        // The exact midpoint product, and its distance to the ball's midpoint, plus the inputs' radii's effect.
        let exact = big(0);
        let spread = big(0);
        for (let k = 0; k < inner; k++) {
          const x = value(a, 2 + i * inner + k);
          const y = value(b, k * cols + j);
          exact = exact.plus(x.times(y));
          spread = spread.plus(x.abs().times(big(b.rad[k * cols + j]))).plus(y.abs().times(big(a.rad[2 + i * inner + k]))).plus(big(a.rad[2 + i * inner + k]).times(big(b.rad[k * cols + j])));
        }
        const o = i * cols + j;
        expect(exact.minus(value(out, o)).abs().plus(spread).lte(big(out.rad[o]))).toBe(true);
      }
    }
  });

  it('bounds the norm of [3, 4] (5) and of its radii from above, within 1e-14', () => {
    const v = new BallVector(3);
    v.hi[0] = 3;
    v.hi[1] = -4;
    v.rad[1] = 1;
    v.rad[2] = 2;
    const norm = ballNormUpperBound(v, 0, 2);
    expect(norm).toBeGreaterThanOrEqual(Math.hypot(3, 5));
    expect(norm).toBeLessThan(Math.hypot(3, 5) * (1 + 1e-14));
    const radii = ballNormUpperBound(v, 0, 3, true);
    expect(radii).toBeGreaterThanOrEqual(Math.sqrt(5));
    expect(radii).toBeLessThan(Math.sqrt(5) * (1 + 1e-14));
    v.rad[0] = Infinity;
    expect(ballNormUpperBound(v)).toBe(Infinity);
  });

  it('bounds the spectral norm from above within k^(1/32): diag(3, 4) (4), and a random 9 x 5 matrix against its SVD', () => {
    const diagonal = new BallVector(5);
    [7, 3, 0, 0, 4].forEach((v, i) => diagonal.setExact(i, v));
    const four = ballSpectralNormUpperBound(diagonal, 1, 2, 2);
    expect(four).toBeGreaterThanOrEqual(4);
    expect(four).toBeLessThanOrEqual(4 * 2 ** (1 / 32) * (1 + 1e-12));
    for (const [rows, cols] of [[9, 5], [5, 9]]) {
      const a = new BallVector(rows * cols);
      for (let i = 0; i < a.length; i++) a.setExact(i, randomDouble(3));
      const largest = new SingularValueDecomposition(Matrix.from1DArray(rows, cols, Array.from(a.hi))).diagonal[0];
      const bound = ballSpectralNormUpperBound(a, 0, rows, cols);
      expect(bound).toBeGreaterThanOrEqual(largest * (1 - 1e-12));
      expect(bound).toBeLessThanOrEqual(largest * 5 ** (1 / 32) * (1 + 1e-12));
      expect(bound).toBeLessThanOrEqual(ballNormUpperBound(a));
    }
  });
});
