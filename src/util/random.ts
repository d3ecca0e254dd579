/**
 * Seeded randomness: one `Rng` per run, built on pure-rand's xoroshiro128+ so that the same seed
 * gives the same numbers on every machine. Normals come from the Marsaglia polar method.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { requireInteger } from './validate.js';

type Generator = ReturnType<typeof xoroshiro128plus>;

export class Rng {
  private readonly generator: Generator;
  private spareNormal: number | undefined;

  constructor(seed: number) {
    requireInteger('seed', seed);
    this.generator = xoroshiro128plus(seed | 0);
  }

  /** Uniform in [0, 1). */
  uniform(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform in [lo, hi). */
  between(lo: number, hi: number): number {
    return lo + (hi - lo) * this.uniform();
  }

  /** Uniform integer in [lo, hi], both included. */
  integer(lo: number, hi: number): number {
    return uniformInt(this.generator, lo, hi);
  }

  /** Standard normal. */
  normal(): number {
    if (this.spareNormal !== undefined) {
      const z = this.spareNormal;
      this.spareNormal = undefined;
      return z;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    this.spareNormal = v * factor;
    return u * factor;
  }

  /** A vector of i.i.d. N(0, sigma^2) entries. */
  normalVector(length: number, sigma = 1): Float64Array {
    const out = new Float64Array(length);
    for (let i = 0; i < length; i++) out[i] = sigma * this.normal();
    return out;
  }

  /** Writes `count` distinct indices from [0, n) into `out` (partial Fisher-Yates on `scratch`). */
  sampleWithoutReplacement(n: number, count: number, scratch: Int32Array, out: Int32Array): void {
    for (let i = 0; i < n; i++) scratch[i] = i;
    for (let i = 0; i < count; i++) {
      const j = this.integer(i, n - 1);
      const tmp = scratch[i];
      scratch[i] = scratch[j];
      scratch[j] = tmp;
      out[i] = scratch[i];
    }
  }
}
