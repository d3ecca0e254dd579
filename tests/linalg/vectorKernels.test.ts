/**
 * The vector kernels of the GD loop's bookkeeping: `norm2` (the recorded gradient norm) against
 * hand-computed values, its overflow-free scaling, its NaN and Infinity cases, and bit for bit
 * against the one-maximum reference it was before its maximum ran over four interleaved maxima;
 * `dot` over a prefix against the plain sum on integer data (every sum exact).
 */
import { describe, expect, it } from 'vitest';
import { dot, norm2 } from '../../src/linalg/kernels.js';
import { Rng } from '../../src/util/random.js';

/** norm2 as first written: one running maximum, then the scaled sum in index order. */
function referenceNorm2(x: Float64Array): number {
  let scale = 0;
  for (let i = 0; i < x.length; i++) scale = Math.max(scale, Math.abs(x[i]));
  if (scale === 0 || !Number.isFinite(scale)) return scale;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const r = x[i] / scale;
    s += r * r;
  }
  return scale * Math.sqrt(s);
}

describe('norm2', () => {
  it('gives hand-computed norms, without overflow or underflow at the ends of the range', () => {
    expect(norm2(Float64Array.from([3, 4]))).toBe(5);
    // 1 + 4 + 4 + 16 + 4 + 4 = 33; the scale 4 is a power of two, so the scaled sum is exact.
    expect(norm2(Float64Array.from([1, 2, 2, 4, 0, -2, 0, 0, 2, 0]))).toBe(Math.sqrt(33));
    expect(norm2(new Float64Array(0))).toBe(0);
    expect(norm2(new Float64Array(7))).toBe(0);
    expect(norm2(Float64Array.from([3e300, -4e300]))).toBeCloseTo(5e300, -286);
    expect(norm2(Float64Array.from([3e-300, 4e-300]))).toBeCloseTo(5e-300, 314);
  });

  it('is NaN when some entry is NaN and Infinity when some entry is infinite (and none NaN), wherever they sit', () => {
    for (let length = 1; length <= 9; length++) {
      for (let at = 0; at < length; at++) {
        const x = Float64Array.from({ length }, (_, i) => i + 1);
        x[at] = NaN;
        expect(norm2(x), `NaN at ${at} of ${length}`).toBeNaN();
        x[at] = -Infinity;
        expect(norm2(x), `-Infinity at ${at} of ${length}`).toBe(Infinity);
        if (length > 1) {
          x[(at + 1) % length] = NaN;
          expect(norm2(x), `NaN and Infinity in ${length}`).toBeNaN();
        }
      }
    }
  });

  it('equals the one-maximum reference bit for bit on random vectors of every remainder length', () => {
    const rng = new Rng(11);
    for (let length = 0; length <= 41; length++) {
      for (let trial = 0; trial < 20; trial++) {
        const x = rng.normalVector(length, 10 ** (trial - 10));
        expect(Object.is(norm2(x), referenceNorm2(x)), `length ${length}, trial ${trial}`).toBe(true);
      }
    }
  });

  it('the bitwise check catches a norm that scales by the reciprocal of the maximum', () => {
    const rng = new Rng(12);
    const reciprocalScaled = (x: Float64Array): number => {
      const scale = referenceNorm2(x) === 0 ? 0 : Math.max(...Array.from(x, Math.abs));
      const inverse = 1 / scale;
      let s = 0;
      for (const v of x) s += (v * inverse) ** 2;
      return scale * Math.sqrt(s);
    };
    const differs = Array.from({ length: 200 }, () => rng.normalVector(10)).some((x) => !Object.is(reciprocalScaled(x), referenceNorm2(x)));
    expect(differs).toBe(true);
  });
});

describe('dot', () => {
  it('sums the first `length` products, exactly on small integers', () => {
    const x = Float64Array.from({ length: 11 }, (_, i) => i - 5);
    const y = Float64Array.from({ length: 11 }, (_, i) => 2 * i + 1);
    for (let length = 0; length <= 11; length++) {
      let expected = 0;
      for (let i = 0; i < length; i++) expected += x[i] * y[i];
      expect(dot(x, y, length), `length ${length}`).toBe(expected);
    }
    expect(dot(x, y)).toBe(dot(x, y, 11));
    // (-5)(1) + (-4)(3) + ... + (5)(21) = sum (i - 5)(2i + 1) over i = 0..10 = 220
    expect(dot(x, y)).toBe(220);
  });
});
