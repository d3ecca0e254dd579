/**
 * The local PL ratio mu_t = ||grad f(x_t)||^2 / (2 (f(x_t) - f*)) read off recorded gaps and
 * gradient norms, and its minimum: the largest mu for which the PL inequality
 * ||grad f||^2 >= 2 mu (f - f*) holds at every recorded point.
 */
import { InputError } from '../util/errors.js';
import { requireNonNegative } from '../util/validate.js';

export interface LocalPLRatios {
  /** The indices t with gap_t > 0, in increasing order. */
  readonly index: Int32Array;
  /** gradNorm_t^2 / (2 gap_t) at those indices. */
  readonly ratio: Float64Array;
}

/**
 * ||grad||^2 / (2 gap) elementwise, skipping the entries with gap <= 0 (a minimiser, or a gap
 * rounded below f*), where the ratio is undefined and PL holds trivially.
 */
export function localPLRatio(gap: ArrayLike<number>, gradNorm: ArrayLike<number>): LocalPLRatios {
  if (gap.length !== gradNorm.length) {
    throw new InputError(`gradNorm must have the length of gap (${gap.length}), got ${gradNorm.length}`);
  }
  const index: number[] = [];
  const ratio: number[] = [];
  for (let t = 0; t < gap.length; t++) {
    const g = gap[t];
    if (!Number.isFinite(g)) throw new InputError(`gap[${t}] must be a finite number, got ${g}`);
    const norm = requireNonNegative(`gradNorm[${t}]`, gradNorm[t]);
    if (g <= 0) continue;
    index.push(t);
    ratio.push((norm * norm) / (2 * g));
  }
  return { index: Int32Array.from(index), ratio: Float64Array.from(ratio) };
}

/** min_t of the local PL ratio over the entries with gap > 0; Infinity when there is none. */
export function minLocalPLRatio(gap: ArrayLike<number>, gradNorm: ArrayLike<number>): number {
  return localPLRatio(gap, gradNorm).ratio.reduce((m, r) => Math.min(m, r), Infinity);
}
