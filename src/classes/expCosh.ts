/**
 * The (L0,L1)- and (H0,H1)-smooth class family beyond the single cosh: rotated sums of
 * one-dimensional exponential and cosh pieces with a quadratic part, each member with its constants
 * from closed forms in its own float64 parameters.
 *
 * Terms (a > 0, b != 0, c >= 0, u = b t), each convex with phi(0) = phi'(0) = 0 = min phi:
 * - cosh: phi(t) = a (cosh(u) - 1) + c t^2 / 2, phi' = a b sinh(u) + c t, phi'' = a b^2 cosh(u) + c;
 * - exp:  phi(t) = a (e^u - 1 - u) + c t^2 / 2, phi' = a b (e^u - 1) + c t, phi'' = a b^2 e^u + c.
 *
 * Why each term is in the classes ([D], our derivation; warmup-h0h1.md Definition 3.1,
 * warmup-rho-k0-krho.md section 2 for (L0,L1)):
 * - (L0,L1) = (a b^2 + c, |b|) for both kinds: a b sinh(u) (resp. a b (e^u - 1)) and c t have the
 *   sign of t, so |phi'| = a |b| |sinh u| + c |t| (resp. a |b| |e^u - 1| + c |t|); cosh u <= 1 + |sinh u|
 *   gives phi'' <= a b^2 + c + |b| a |b| |sinh u| <= L0 + L1 |phi'|, and e^u <= 1 + |e^u - 1| likewise.
 *   Least: L0 is forced at t = 0 (phi' = 0), and (phi'' - L0) / |phi'| -> |b| as u -> +infinity.
 * - cosh, (H0,H1) = (a b^2 + c, b^2): phi'' - (a b^2 + c) = b^2 a (cosh u - 1) <= b^2 phi, since
 *   c t^2 / 2 >= 0; least: H0 forced at 0, (phi'' - H0) / phi -> b^2 as |t| -> infinity.
 * - exp, (H0,H1) = (c + 2 ln 2 a b^2, 2 b^2), a valid pair but not the least (no finite H0 goes
 *   with H1 = b^2: phi'' - b^2 phi grows like a b^2 u): phi'' - 2 b^2 phi
 *   = a b^2 (2 + 2u - e^u) + c - c u^2 <= a b^2 2 ln 2 + c, the maximum of 2 + 2u - e^u being at u = ln 2.
 * - strong convexity, hence PL: mu = inf phi'' = a b^2 + c (cosh, at 0) or c (exp, as u -> -infinity);
 *   an exp term with c = 0 is not PL (phi' stays bounded while phi grows linearly).
 *
 * How they combine (rotatedSum.ts): f(x) = sum_i phi_i((Q^T x)_i) with Q exactly orthogonal, so
 * ||Hess f|| = max_i phi_i'', ||grad f|| >= |phi_i'| and f - f* = sum_i phi_i >= phi_i: the terms'
 * largest L0, L1, H0, H1 are a valid pair and their smallest mu a PL constant. They are the least
 * ones here: L0 and H0 are forced at x* = 0, L1, H1 and mu are the limits along the axis of the
 * term that attains them (the other terms' curvatures stay bounded); so (L0, L1) and mu are exact,
 * and (H0, H1) too when every term is a cosh term (a valid bound otherwise).
 *
 * Rounding: the function is the one the float64 a, b, c define, and the BigNumber model evaluates it
 * from the same doubles read exactly; each constant is its closed form evaluated at 50 digits from
 * those doubles and rounded outwards (up, and mu down), so it holds for that function.
 */
import type { BigNumber } from 'mathjs';
import { family, integer, logUniform, uniform, type Family, type Instance } from '../claims/family.js';
import { bigMath, toBig } from '../problems/highPrecision.js';
import { exact, validBound, type NamedConstant, type Problem, type ProblemConstants } from '../problems/problem.js';
import { separableSum, type ScalarTerm } from '../problems/separable.js';
import { roundDown, roundUp } from '../problems/spectrumBounds.js';
import { InputError } from '../util/errors.js';
import { requireDimension, requireFinite, requirePositive } from '../util/validate.js';
import { rotatedSum } from './rotatedSum.js';

/** The kind of a one-dimensional piece: a (cosh(b t) - 1) or a (e^(b t) - 1 - b t). */
export type ExpCoshKind = 'cosh' | 'exp';

export interface ExpCoshTermOptions {
  readonly kind: ExpCoshKind;
  /** Amplitude a > 0. */
  readonly a: number;
  /** Rate b != 0 (its sign orients an exp piece). */
  readonly b: number;
  /** Curvature c >= 0 of the quadratic part c t^2 / 2 (default 0). */
  readonly c?: number;
}

/** |u| below which e^u - 1 - u is summed as its series (above it, expm1(u) - u loses at most 2 bits). */
const SERIES_RADIUS = 0.5;

/** e^u - 1 - u without cancellation, in float64. */
function expExcess(u: number): number {
  if (Math.abs(u) >= SERIES_RADIUS) return Math.expm1(u) - u;
  let term = (u * u) / 2;
  let sum = term;
  for (let k = 3; Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
    term *= u / k;
    sum += term;
  }
  return sum;
}

/** e^u - 1 - u without cancellation, in BigNumber (near 0, its series until a term no longer changes the sum). */
function bigExpExcess(u: BigNumber): BigNumber {
  if (u.abs().gte(SERIES_RADIUS)) return u.exp().minus(1).minus(u);
  let term = u.times(u).div(2);
  let sum = term;
  for (let k = 3; !term.isZero(); k++) {
    term = term.times(u).div(k);
    const next = sum.plus(term);
    if (next.eq(sum)) break;
    sum = next;
  }
  return sum;
}

/** The term's constants at 50 digits from its doubles, rounded outwards (see the module comment). */
function termConstants(kind: ExpCoshKind, a: number, b: number, c: number): ProblemConstants {
  const math = bigMath(50);
  const [A, B, C] = [a, b, c].map((v) => toBig(math, v));
  const curvatureAtZero = roundUp(A.times(B).times(B).plus(C));
  const rate = Math.abs(b);
  const l = (value: number, note: string): NamedConstant => exact(value, `src/classes/expCosh.ts [D]: ${note}`);
  const common = {
    L0: l(curvatureAtZero, 'a b^2 + c, forced at t = 0'),
    L1: l(rate, '|b|, the limit of (phi\'\' - L0) / |phi\'|'),
  };
  if (kind === 'cosh') {
    return {
      ...common,
      H0: l(curvatureAtZero, 'a b^2 + c, forced at t = 0'),
      H1: l(roundUp(B.times(B)), 'b^2, the limit of (phi\'\' - H0) / phi'),
      mu: exact(roundDown(A.times(B).times(B).plus(C)), 'src/classes/expCosh.ts [D]: min phi\'\' = a b^2 + c at 0, strong convexity and PL'),
    };
  }
  return {
    ...common,
    H0: validBound(roundUp(C.plus(math.log(toBig(math, 2)).times(2).times(A).times(B).times(B)) as BigNumber), 'src/classes/expCosh.ts [D]: c + 2 ln 2 a b^2, with H1 = 2 b^2'),
    H1: validBound(roundUp(B.times(B).times(2)), 'src/classes/expCosh.ts [D]: 2 b^2 (no finite H0 goes with b^2)'),
    ...(c > 0 ? { mu: exact(c, 'src/classes/expCosh.ts [D]: inf phi\'\' = c as b t -> -infinity, strong convexity and PL') } : {}),
  };
}

/**
 * One exp or cosh piece with a quadratic part, a one-dimensional problem minimized at 0 with f* = 0
 * (see the module comment for its constants and why they hold).
 */
export function expCoshTerm({ kind, a, b, c = 0 }: ExpCoshTermOptions): Problem {
  if (kind !== 'cosh' && kind !== 'exp') throw new InputError(`kind must be 'cosh' or 'exp', got ${String(kind)}`);
  requirePositive('a', a);
  requireFinite('b', b);
  if (b === 0) throw new InputError('b must be nonzero, got 0');
  requireFinite('c', c);
  if (c < 0) throw new InputError(`c must be >= 0, got ${c}`);
  const half = c / 2;
  const curved: Pick<ScalarTerm, 'excess' | 'slope' | 'curvature'> =
    kind === 'cosh'
      ? {
          // a (cosh u - 1) = 2 a sinh(u/2)^2: no cancellation near 0.
          excess: (t) => 2 * a * Math.sinh(0.5 * b * t) ** 2 + half * t * t,
          slope: (t) => a * b * Math.sinh(b * t) + c * t,
          curvature: (t) => a * b * b * Math.cosh(b * t) + c,
        }
      : {
          excess: (t) => a * expExcess(b * t) + half * t * t,
          slope: (t) => a * b * Math.expm1(b * t) + c * t,
          curvature: (t) => a * b * b * Math.exp(b * t) + c,
        };
  return separableSum({
    name: `${kind}Term(a=${a},b=${b},c=${c})`,
    dim: 1,
    params: { a, b, c },
    term: {
      ...curved,
      value: curved.excess,
      minimum: 0,
      highPrecision(math) {
        const [A, B, C, zero] = [a, b, c, 0].map((v) => toBig(math, v));
        const quadratic = (t: BigNumber): BigNumber => C.times(t).times(t).div(2);
        const excess =
          kind === 'cosh'
            ? (t: BigNumber): BigNumber => A.times(2).times(B.times(t).div(2).sinh().pow(2)).plus(quadratic(t))
            : (t: BigNumber): BigNumber => A.times(bigExpExcess(B.times(t))).plus(quadratic(t));
        const slope =
          kind === 'cosh'
            ? (t: BigNumber): BigNumber => A.times(B).times(B.times(t).sinh()).plus(C.times(t))
            : (t: BigNumber): BigNumber => A.times(B).times(B.times(t).exp().minus(1)).plus(C.times(t));
        return { value: excess, slope, excess, minimum: zero };
      },
    },
    constants: termConstants(kind, a, b, c),
  });
}

export interface ExpCoshClassOptions {
  /** Which pieces the members are made of (default 'both'). */
  readonly kinds?: ExpCoshKind | 'both';
  /** Largest dimension (default 4: from d = 4 the bases include Householder reflections, not only signed permutations). */
  readonly maxDim?: number;
  /** The point x0 has coordinates uniform in [-radius, radius] (default 4). */
  readonly radius?: number;
}

/** A member of the exp/cosh class with a point x0 and its constants (see the module comment). */
export interface ExpCoshInstance extends Instance {
  readonly problem: Problem;
  readonly x0: Float64Array;
  /** The kind of each piece, in the order of the basis' columns. */
  readonly kinds: readonly ExpCoshKind[];
  /** (L0, L1)-smoothness: ||Hess f|| <= L0 + L1 ||grad f|| (exact). */
  readonly L0: number;
  readonly L1: number;
  /** (H0, H1)-smoothness: ||Hess f|| <= H0 + H1 (f - f*) (exact when every piece is cosh, else a valid bound). */
  readonly H0: number;
  readonly H1: number;
  /** The PL (and strong convexity) constant, when the member has one (exact). */
  readonly mu?: number;
}

/**
 * The exp/cosh class family: in dimension d (1..maxDim), term i is a cosh or exp piece (parameter
 * `kind_i` when both kinds are allowed) with a_i in [1e-2, 10], |b_i| in [0.1, 3] (sign `sign_i`
 * for exp pieces), c_i = max(0, q_i) * 5 with q_i uniform in [-1, 1] (so half the members have no
 * quadratic part), rotated by the exactly orthogonal basis of `seed`; x0 is uniform in the cube of
 * half-side `radius`. Every integer and real parameter is in the box.
 */
export function expCoshClassFamily(options: ExpCoshClassOptions = {}): Family<ExpCoshInstance> {
  const kinds = options.kinds ?? 'both';
  if (kinds !== 'both' && kinds !== 'cosh' && kinds !== 'exp') throw new InputError(`kinds must be 'cosh', 'exp' or 'both', got ${String(kinds)}`);
  const maxDim = requireDimension('maxDim', options.maxDim ?? 4);
  const radius = requirePositive('radius', options.radius ?? 4);
  const box: Record<string, ReturnType<typeof uniform>> = { d: integer(1, maxDim), seed: integer(0, 1000) };
  for (let i = 0; i < maxDim; i++) {
    if (kinds === 'both') box[`kind${i}`] = integer(0, 1);
    box[`a${i}`] = logUniform(1e-2, 10);
    box[`b${i}`] = logUniform(0.1, 3);
    if (kinds !== 'cosh') box[`sign${i}`] = uniform(-1, 1);
    box[`q${i}`] = uniform(-1, 1);
    box[`x${i}`] = uniform(-radius, radius);
  }
  return family<ExpCoshInstance>({
    name: `(L0,L1)/(H0,H1) class: 1..${maxDim}-D rotated sums of ${kinds === 'both' ? 'exp and cosh' : kinds} pieces with quadratic parts`,
    box,
    instance: (params) => {
      const d = params.d;
      const termKinds = Array.from({ length: d }, (_, i): ExpCoshKind => (kinds === 'both' ? (params[`kind${i}`] === 0 ? 'cosh' : 'exp') : kinds));
      const terms = termKinds.map((kind, i) =>
        expCoshTerm({
          kind,
          a: params[`a${i}`],
          b: kind === 'exp' && params[`sign${i}`] < 0 ? -params[`b${i}`] : params[`b${i}`],
          c: 5 * Math.max(0, params[`q${i}`]),
        }),
      );
      const summed = rotatedSum({ terms, seed: params.seed });
      const constants = expCoshSumConstants(summed.constants, termKinds);
      const problem: Problem = { ...summed, constants };
      const value = (name: keyof ProblemConstants): number => constants[name]!.value;
      return {
        problem,
        x0: Float64Array.from({ length: d }, (_, i) => params[`x${i}`]),
        kinds: termKinds,
        L0: value('L0'),
        L1: value('L1'),
        H0: value('H0'),
        H1: value('H1'),
        ...(constants.mu ? { mu: constants.mu.value } : {}),
      };
    },
  });
}

/** rotatedSum's valid pairs, marked exact where the module comment shows they are the least. */
function expCoshSumConstants(summed: ProblemConstants, kinds: readonly ExpCoshKind[]): ProblemConstants {
  const least = (c: NamedConstant | undefined, why: string): NamedConstant => exact(c!.value, `src/classes/expCosh.ts [D]: ${why}`);
  const allCosh = kinds.every((k) => k === 'cosh');
  return {
    ...summed,
    L0: least(summed.L0, 'largest a b^2 + c, forced at x* = 0'),
    L1: least(summed.L1, 'largest |b|, the limit along that term\'s axis'),
    ...(allCosh
      ? { H0: least(summed.H0, 'largest a b^2 + c, forced at x* = 0'), H1: least(summed.H1, 'largest b^2, the limit along that term\'s axis') }
      : {}),
  };
}
