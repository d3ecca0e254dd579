/**
 * One-dimensional piecewise quadratics: the C^1 functions whose second derivative is a step
 * function, with K pieces, knots t_1 < ... < t_{K-1} and curvatures c_0, ..., c_{K-1}, anchored at
 * f(0) = f'(0) = 0. They are the building block of the function classes in src/classes/:
 *
 * - f' is piecewise linear with slopes c_j, so f' is Lipschitz with constant max |c_j| exactly: f
 *   is L-smooth for L = max |c_j|, and for no smaller L (the bound is attained inside a piece);
 * - f is convex iff every c_j >= 0, and mu-strongly convex iff every c_j >= mu (f'' >= mu a.e. and
 *   f' absolutely continuous); then f' is nondecreasing with f'(0) = 0, so 0 is a minimizer and
 *   f* = 0 exactly;
 * - when the two outer pieces have c > 0, f grows quadratically at both ends, so f* is finite and
 *   attained at a knot or at the stationary point of a piece: it is the least of those values.
 *
 * Huber functions (c = L on [-tau, tau], 0 outside) and quadratics (K = 1) are members. A slope
 * f'(0) = s adds the linear term s x (same curvatures, so the same smoothness class).
 *
 * The instance is the function defined by the float64 knots and curvatures as given; its value and
 * slope are evaluated from the values at the knots (accumulated outwards from 0), and the
 * high-precision model does the same in BigNumber from the same doubles read exactly, so a replay
 * runs this very function. The constants come from the curvatures themselves: exact.
 */
import type { BigNumber, MathJsInstance } from 'mathjs';
import { exact, type HighPrecisionModel, type Problem, type ProblemConstants } from '../problems/problem.js';
import { bigMath, toBig } from '../problems/highPrecision.js';
import { InputError } from '../util/errors.js';
import { requireFinite } from '../util/validate.js';

export interface PiecewiseQuadraticOptions {
  /** t_1 < ... < t_{K-1}, strictly increasing. */
  readonly knots: readonly number[];
  /** c_0, ..., c_{K-1}: f'' on (-inf, t_1), ..., (t_{K-1}, inf). One more than the knots. */
  readonly curvatures: readonly number[];
  /** f'(0); default 0 (then 0 is a minimizer of a convex member). */
  readonly slope?: number;
}

/** The arithmetic a piecewise quadratic is evaluated in: float64, BigNumber, or exact rationals (plConstant.ts). */
export interface Arithmetic<T> {
  of(value: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  less(a: T, b: T): boolean;
  isPositive(a: T): boolean;
}

const float64: Arithmetic<number> = {
  of: (v) => v,
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  less: (a, b) => a < b,
  isPositive: (a) => a > 0,
};

function bigArithmetic(math: MathJsInstance): Arithmetic<BigNumber> {
  return {
    of: (v) => toBig(math, v),
    add: (a, b) => a.plus(b),
    sub: (a, b) => a.minus(b),
    mul: (a, b) => a.times(b),
    div: (a, b) => a.div(b),
    less: (a, b) => a.lt(b),
    isPositive: (a) => a.isPositive() && !a.isZero(),
  };
}

/** f, f' and the minimum of a piecewise quadratic in one arithmetic. */
export interface Evaluator<T> {
  value(x: T): T;
  slope(x: T): T;
  /** inf f and a minimizer, or -Infinity when an outer piece is not strictly convex. */
  readonly minimum: { value: T; at: T } | undefined;
}

export function evaluator<T>(A: Arithmetic<T>, knots: readonly number[], curvatures: readonly number[], slope0: number): Evaluator<T> {
  const t = knots.map((k) => A.of(k));
  const c = curvatures.map((k) => A.of(k));
  const zero = A.of(0);
  const half = A.of(0.5);
  const K = curvatures.length;
  /** The piece of x: the number of knots <= x. */
  const pieceOf = (x: T): number => {
    let j = 0;
    while (j < K - 1 && !A.less(x, t[j])) j++;
    return j;
  };
  const home = pieceOf(zero);
  // Reference point of each piece: its end nearest 0 (0 itself for the piece holding 0), with f and f' there.
  const reference: Array<{ at: T; value: T; slope: T }> = new Array(K);
  reference[home] = { at: zero, value: zero, slope: A.of(slope0) };
  const step = (from: { at: T; value: T; slope: T }, to: T, curvature: T) => {
    const d = A.sub(to, from.at);
    return { at: to, value: A.add(A.add(from.value, A.mul(from.slope, d)), A.mul(A.mul(half, curvature), A.mul(d, d))), slope: A.add(from.slope, A.mul(curvature, d)) };
  };
  for (let j = home + 1; j < K; j++) reference[j] = step(reference[j - 1], t[j - 1], c[j - 1]);
  for (let j = home - 1; j >= 0; j--) reference[j] = step(reference[j + 1], t[j], c[j + 1]);
  const at = (x: T) => {
    const j = pieceOf(x);
    return { j, d: A.sub(x, reference[j].at) };
  };
  const value = (x: T): T => {
    const { j, d } = at(x);
    const r = reference[j];
    return A.add(A.add(r.value, A.mul(r.slope, d)), A.mul(A.mul(half, c[j]), A.mul(d, d)));
  };
  const slope = (x: T): T => {
    const { j, d } = at(x);
    return A.add(reference[j].slope, A.mul(c[j], d));
  };
  let minimum: { value: T; at: T } | undefined;
  if (A.isPositive(c[0]) && A.isPositive(c[K - 1])) {
    // Coercive: the least value at the knots and the stationary points of the pieces.
    const candidates = [...t];
    for (let j = 0; j < K; j++) {
      if (!A.isPositive(c[j])) continue;
      // The stationary point of piece j's quadratic, kept when it lies in the piece.
      const x = A.sub(reference[j].at, A.div(reference[j].slope, c[j]));
      if (pieceOf(x) === j) candidates.push(x);
    }
    for (const x of candidates) {
      const v = value(x);
      if (!minimum || A.less(v, minimum.value)) minimum = { value: v, at: x };
    }
  }
  return { value, slope, minimum };
}

export interface PiecewiseQuadraticProblem extends Problem {
  readonly knots: readonly number[];
  readonly curvatures: readonly number[];
}

/**
 * The piecewise quadratic with the given knots and curvatures, f(0) = f'(0) = 0. Constants, exact
 * from the curvatures: L = max |c_j| (smoothness); when every c_j > 0, mu = min c_j (strong
 * convexity, hence PL). f* = 0 at x* = 0 when every c_j >= 0; the least value at the knots and
 * stationary points when both outer curvatures are > 0; -Infinity otherwise. (With a slope, "every
 * c_j >= 0" gives no minimizer at 0: f* is then the least value as in the nonconvex case.)
 */
export function piecewiseQuadratic({ knots, curvatures, slope = 0 }: PiecewiseQuadraticOptions): PiecewiseQuadraticProblem {
  if (curvatures.length !== knots.length + 1) {
    throw new InputError(`a piecewise quadratic needs one more curvature than knots, got ${curvatures.length} and ${knots.length}`);
  }
  knots.forEach((k, i) => requireFinite(`knots[${i}]`, k));
  curvatures.forEach((k, i) => requireFinite(`curvatures[${i}]`, k));
  for (let i = 1; i < knots.length; i++) {
    if (!(knots[i] > knots[i - 1])) throw new InputError(`knots must increase strictly, got ${knots[i - 1]} then ${knots[i]}`);
  }
  requireFinite('slope', slope);
  const convex = curvatures.every((k) => k >= 0) && slope === 0;
  const fl = evaluator(float64, knots, curvatures, slope);
  const L = Math.max(...curvatures.map(Math.abs));
  const smallest = Math.min(...curvatures);
  const note = 'max |f\'\'| over the pieces (src/classes/piecewiseQuadratic.ts)';
  const constants: ProblemConstants = {
    L: exact(L, note),
    ...(smallest > 0 ? { mu: exact(smallest, 'min f\'\' over the pieces: strong convexity, hence PL') } : {}),
  };
  const fStar = convex ? 0 : fl.minimum ? fl.minimum.value : -Infinity;
  const xStar = convex ? 0 : fl.minimum?.at;
  const models = new Map<number, HighPrecisionModel>();
  return {
    name: `piecewiseQuadratic(K=${curvatures.length})`,
    dim: 1,
    params: Object.fromEntries([...knots.map((k, i) => [`t${i + 1}`, k]), ...curvatures.map((k, i) => [`c${i}`, k]), ['slope', slope]]),
    knots: [...knots],
    curvatures: [...curvatures],
    f: (x) => fl.value(x[0]),
    grad(x, out) {
      out[0] = fl.slope(x[0]);
      return fl.value(x[0]);
    },
    ...(convex ? { gap: (x: Float64Array) => fl.value(x[0]) } : {}),
    hess(x, out = new Float64Array(1)) {
      let j = 0;
      while (j < knots.length && x[0] >= knots[j]) j++;
      out[0] = curvatures[j];
      return out;
    },
    fStar,
    ...(xStar !== undefined ? { xStar: Float64Array.of(xStar) } : {}),
    constants,
    highPrecision(digits) {
      let model = models.get(digits);
      if (!model) {
        const math = bigMath(digits);
        const big = evaluator(bigArithmetic(math), knots, curvatures, slope);
        const bigFStar = convex ? toBig(math, 0) : big.minimum ? big.minimum.value : toBig(math, -Infinity);
        model = {
          digits,
          math,
          fStar: bigFStar,
          f: (x) => big.value(x[0]),
          grad: (x) => [big.slope(x[0])],
          gap: (x) => big.value(x[0]).minus(bigFStar),
        };
        models.set(digits, model);
      }
      return model;
    },
  };
}
