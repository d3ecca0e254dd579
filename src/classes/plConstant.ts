/**
 * The PL constant of a one-dimensional piecewise quadratic (piecewiseQuadratic.ts), for the function
 * its float64 knots, curvatures and slope define, computed in exact rational arithmetic and rounded
 * down to a double: a true PL constant of that very function, equal to the least one when the
 * rounding is exact ([D], our derivation).
 *
 * Result. Let f have knots t_1 < ... < t_{K-1}, curvatures c_0, ..., c_{K-1}, outer curvatures
 * c_0, c_{K-1} > 0 (so f is coercive and f* = min f is attained at some x*), and suppose f' has the
 * sign of x - x* at every knot (0 at a knot only when it is x*). Then x* is the only critical point,
 * and the least mu with f'(x)^2 >= 2 mu (f(x) - f*) for all x (f is PL(mu)) is
 *   mu = min( c_0, c_{K-1}, the curvature of each piece whose closure holds x*,
 *             R(t_j) = f'(t_j)^2 / (2 (f(t_j) - f*)) for each knot t_j != x* ).
 * Otherwise (an outer curvature <= 0, or a knot where f' has the wrong sign) f is not PL with a
 * minimizer and the answer is undefined.
 *
 * Proof. f' is linear on each piece, so its signs at the knots and the outer slopes c_0, c_{K-1} > 0
 * give f' < 0 on (-inf, x*) and f' > 0 on (x*, inf): x* is the only critical point and f - f* > 0
 * elsewhere. On a piece with f' = s + c (x - t) and f - f* = v + s (x - t) + c/2 (x - t)^2,
 *   2 (f - f*) (R - c) = f'^2 - 2 c (f - f*) = s^2 - 2 c v,
 * a constant: R = c + const / (2 (f - f*)). On a piece that does not hold x*, f - f* is monotone
 * (f' has one sign), so R is monotone and its infimum is its value at an end knot or, on an outer
 * piece, its limit c as f - f* -> infinity. On a piece that holds x* (inside or at an end),
 * f(x*) = f* and f'(x*) = 0 make the constant 0: R = c on the whole piece. Every value listed is
 * attained or a limit, so mu is the infimum of R, hence the least PL constant.
 *
 * Exactness: each double is read as the dyadic rational it is, and f, f', x* and f* are evaluated
 * by the same formulas as the float64 and BigNumber models (`evaluator`) in rational arithmetic
 * (fraction.js, BigInt), so every quantity above is exact. The least one is rounded to the largest
 * double not above it (a lower bound: a PL(mu) function is PL(mu') for every mu' <= mu), and called
 * exact when that double equals it.
 */
import Fraction from 'fraction.js';
import { exact, validBound } from '../problems/problem.js';
import { nextDown, nextUp } from '../problems/spectrumBounds.js';
import { InputError } from '../util/errors.js';
import { evaluator, piecewiseQuadratic, type Arithmetic, type PiecewiseQuadraticOptions, type PiecewiseQuadraticProblem } from './piecewiseQuadratic.js';

/** A double as the exact dyadic rational it is. */
export function exactFraction(x: number): Fraction {
  if (!Number.isFinite(x)) throw new InputError(`not a finite number: ${x}`);
  if (x === 0) return new Fraction(0);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const sign = bits >> 63n === 1n ? -1n : 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  return exponent >= 0 ? new Fraction(sign * (mantissa << BigInt(exponent)), 1n) : new Fraction(sign * mantissa, 1n << BigInt(-exponent));
}

/** The largest double not above q (q within the range of doubles). */
export function largestDoubleNotAbove(q: Fraction): number {
  const n = q.s * q.n;
  const bitLength = (v: bigint): number => (v < 0n ? -v : v).toString(2).length;
  // 64 significant bits of n / d, scaled in two halves (so that no factor underflows), then the
  // exact comparisons settle the last ulp.
  const shift = bitLength(n) - bitLength(q.d) - 64;
  const scaled = shift >= 0 ? n / (q.d << BigInt(shift)) : (n << BigInt(-shift)) / q.d;
  const half = Math.trunc(shift / 2);
  let x = Number(scaled) * 2 ** half * 2 ** (shift - half);
  while (exactFraction(x).gt(q)) x = nextDown(x);
  while (exactFraction(nextUp(x)).lte(q)) x = nextUp(x);
  return x;
}

const rational: Arithmetic<Fraction> = {
  of: exactFraction,
  add: (a, b) => a.add(b),
  sub: (a, b) => a.sub(b),
  mul: (a, b) => a.mul(b),
  div: (a, b) => a.div(b),
  less: (a, b) => a.lt(b),
  isPositive: (a) => a.s > 0n && a.n !== 0n,
};

export interface PLConstant {
  /** The largest double not above the least PL constant. */
  readonly value: number;
  /** Whether `value` is the least PL constant itself. */
  readonly exact: boolean;
}

/** The least PL constant of the piecewise quadratic (see the module comment), or undefined when it is not PL with a minimizer. */
export function piecewiseQuadraticPLConstant({ knots, curvatures, slope = 0 }: PiecewiseQuadraticOptions): PLConstant | undefined {
  const f = evaluator(rational, knots, curvatures, slope);
  if (!f.minimum) return undefined;
  const { at: xStar, value: fStar } = f.minimum;
  const t = knots.map(exactFraction);
  const c = curvatures.map(exactFraction);
  const K = curvatures.length;
  // The pieces whose closure holds x*: piece j is (t_j, t_{j+1}) with t_0 = -inf, t_K = inf.
  const below = t.filter((k) => k.lt(xStar)).length;
  const candidates: Fraction[] = [c[0], c[K - 1], c[below]];
  for (let j = 0; j < t.length; j++) {
    const slopeAt = f.slope(t[j]);
    const side = t[j].compare(xStar);
    if (slopeAt.compare(0) !== side) return undefined;
    if (side === 0) candidates.push(c[j + 1]);
    else candidates.push(slopeAt.mul(slopeAt).div(f.value(t[j]).sub(fStar).mul(2)));
  }
  const least = candidates.reduce((a, b) => (b.lt(a) ? b : a));
  if (!rational.isPositive(least)) return undefined;
  const value = largestDoubleNotAbove(least);
  return { value, exact: exactFraction(value).equals(least) };
}

/**
 * The piecewise quadratic of `options` with its PL constant as mu (exact, or a valid bound when
 * the least constant is not a double); an error when it is not PL with a minimizer.
 */
export function plPiecewiseQuadratic(options: PiecewiseQuadraticOptions): PiecewiseQuadraticProblem {
  const problem = piecewiseQuadratic(options);
  const pl = piecewiseQuadraticPLConstant(options);
  if (!pl) throw new InputError(`${problem.name} is not PL: an outer curvature <= 0 or a critical point other than the minimizer`);
  const note = 'least f\'^2 / (2 (f - f*)) over the knots, the pieces at x* and the outer pieces, in exact rationals (src/classes/plConstant.ts)';
  return { ...problem, constants: { ...problem.constants, mu: pl.exact ? exact(pl.value, note) : validBound(pl.value, `${note}, rounded down`) } };
}
