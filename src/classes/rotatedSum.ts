/**
 * d-dimensional members of a class built from one-dimensional ones: f(x) = sum_i phi_i((Q^T x)_i)
 * with Q exactly orthogonal in float64 (`exactOrthogonal`: signed permutations and dyadic
 * Householder reflections), or Q = I. Why membership holds: the Hessian is Q diag(phi_i'') Q^T, so
 * its eigenvalues are the phi_i'' exactly (Q^T Q = I with no rounding), and
 * - L-smoothness with L = max_i L_i, strong convexity with mu = min_i mu_i, convexity, and curvature
 *   in [-L, L] carry over from the terms;
 * - f* = sum_i f*_i, attained at x* = Q (x*_1, ..., x*_d);
 * - when each term is identically 0 or PL(mu_i) (strong convexity included), f is PL with mu = the
 *   least mu_i over the others: ||grad f||^2 = sum_i phi_i'(y_i)^2 >= sum_i 2 mu_i (phi_i - phi_i*);
 *   not strongly convex when a term is flat or only PL;
 * - (L0,L1)- and (H0,H1)-smoothness with the terms' largest L0, L1, H0, H1 (a valid pair; see
 *   `rotatedSumConstants`), since ||grad f|| >= |phi_i'| and f - f* = sum_i (phi_i - phi_i*).
 * The high-precision model evaluates the same sum with the same doubles read exactly.
 */
import type { BigNumber } from 'mathjs';
import { exactOrthogonal } from '../problems/quadratic.js';
import type { ConstantName, ConstantStatus, HighPrecisionModel, NamedConstant, Problem, ProblemConstants } from '../problems/problem.js';
import { bigMath, bigMatrixTimes, toBig } from '../problems/highPrecision.js';
import { Rng } from '../util/random.js';
import { InputError } from '../util/errors.js';

export interface RotatedSumOptions {
  /** One-dimensional terms phi_i, each with a high-precision model. */
  readonly terms: readonly Problem[];
  /** Seed of the exactly orthogonal basis Q; without it Q = I (a separable sum). */
  readonly seed?: number;
}

/** A one-dimensional problem that is identically 0 (a flat direction). */
export const isFlat = (term: Problem): boolean => term.constants.L?.value === 0 && term.fStar === 0;

/** y = Q^T x: the terms' coordinates of x (Q = I without a basis). */
function toTermCoordinates(basis: Float64Array | undefined, x: ArrayLike<number>, out: Float64Array): void {
  const dim = out.length;
  for (let k = 0; k < dim; k++) {
    let s = 0;
    if (basis) for (let i = 0; i < dim; i++) s += basis[i * dim + k] * x[i];
    else s = x[k];
    out[k] = s;
  }
}

/** The coordinates (Q^T x)_i at which `rotatedSum({ terms, seed })` evaluates its terms phi_i. */
export function termCoordinates(x: ArrayLike<number>, seed?: number): Float64Array {
  const out = new Float64Array(x.length);
  toTermCoordinates(seed === undefined ? undefined : exactOrthogonal(x.length, new Rng(seed)), x, out);
  return out;
}

export function rotatedSum({ terms, seed }: RotatedSumOptions): Problem {
  const dim = terms.length;
  if (dim === 0) throw new InputError('rotatedSum needs at least one term');
  terms.forEach((t, i) => {
    if (t.dim !== 1) throw new InputError(`term ${i} must be one-dimensional, got dimension ${t.dim}`);
  });
  const basis = seed === undefined ? undefined : exactOrthogonal(dim, new Rng(seed));
  const y = new Float64Array(dim);
  const slopes = new Float64Array(dim);
  const scalar = new Float64Array(1);
  const scalarOut = new Float64Array(1);
  const toCoordinates = (x: Float64Array, out: Float64Array): void => toTermCoordinates(basis, x, out);
  const fromCoordinates = (v: Float64Array, out: Float64Array): void => {
    for (let i = 0; i < dim; i++) {
      let s = 0;
      if (basis) for (let k = 0; k < dim; k++) s += basis[i * dim + k] * v[k];
      else s = v[i];
      out[i] = s;
    }
  };
  const termValue = (k: number, v: number, slope?: Float64Array): number => {
    scalar[0] = v;
    if (!slope) return terms[k].f(scalar);
    const value = terms[k].grad(scalar, scalarOut);
    slope[k] = scalarOut[0];
    return value;
  };
  const fStar = terms.reduce((s, t) => s + t.fStar, 0);
  const termMinimizers = terms.map((t) => t.xStar?.[0]);
  const xStar = termMinimizers.every((v) => v !== undefined) ? new Float64Array(dim) : undefined;
  if (xStar) fromCoordinates(Float64Array.from(termMinimizers as number[]), xStar);
  const constants = rotatedSumConstants(terms);
  const models = new Map<number, HighPrecisionModel>();
  return {
    name: `rotatedSum(d=${dim}${seed === undefined ? '' : `,seed=${seed}`}; ${terms.map((t) => t.name).join(', ')})`,
    dim,
    params: seed === undefined ? { dim } : { dim, seed },
    f(x) {
      toCoordinates(x, y);
      let s = 0;
      for (let k = 0; k < dim; k++) s += termValue(k, y[k]);
      return s;
    },
    grad(x, out) {
      toCoordinates(x, y);
      let s = 0;
      for (let k = 0; k < dim; k++) s += termValue(k, y[k], slopes);
      fromCoordinates(slopes, out);
      return s;
    },
    gap(x) {
      toCoordinates(x, y);
      let s = 0;
      for (let k = 0; k < dim; k++) {
        scalar[0] = y[k];
        const term = terms[k];
        s += term.gap ? term.gap(scalar) : term.f(scalar) - term.fStar;
      }
      return s;
    },
    hess(x, out = new Float64Array(dim * dim)) {
      toCoordinates(x, y);
      const curvature = terms.map((t, k) => {
        scalar[0] = y[k];
        return t.hess!(scalar)[0];
      });
      for (let i = 0; i < dim; i++) {
        for (let j = 0; j < dim; j++) {
          let s = 0;
          for (let k = 0; k < dim; k++) s += (basis ? basis[i * dim + k] * basis[j * dim + k] : i === k && j === k ? 1 : 0) * curvature[k];
          out[i * dim + j] = s;
        }
      }
      return out;
    },
    fStar,
    ...(xStar ? { xStar } : {}),
    constants,
    highPrecision(digits) {
      let model = models.get(digits);
      if (!model) {
        model = rotatedSumHighPrecision(terms, basis, digits);
        models.set(digits, model);
      }
      return model;
    },
  };
}

/** The statuses of constants, weakest last. */
const STATUS_ORDER: readonly ConstantStatus[] = ['exact', 'valid bound', 'estimate'];

/** max_i of constant `name` over the terms, when every term has it, with the weakest of their statuses (`atBest` caps it). */
function largestOverTerms(terms: readonly Problem[], name: ConstantName, note: string, atBest: ConstantStatus = 'exact'): NamedConstant | undefined {
  const known = terms.map((t) => t.constants[name]);
  if (!known.every((c): c is NamedConstant => c !== undefined)) return undefined;
  const status = [atBest, ...known.map((c) => c.status)].reduce((a, b) => (STATUS_ORDER.indexOf(a) >= STATUS_ORDER.indexOf(b) ? a : b));
  return { value: Math.max(...known.map((c) => c.value)), status, note };
}

/**
 * L = max L_i; mu = min mu_i over the terms that are not flat, when every other term is flat (PL).
 * The pairs (L0, L1) and (H0, H1) are the terms' largest, a valid bound at best: ||Hess f|| =
 * max_i |phi_i''| <= max_i (L0_i + L1_i |phi_i'|) and |phi_i'| <= ||grad f||; and max_i (H0_i +
 * H1_i (phi_i - phi_i*)) <= max H0_i + max H1_i (f - f*) since every phi_i - phi_i* >= 0. Whether
 * they are the least such pair depends on the terms (see expCosh.ts for members where they are).
 */
function rotatedSumConstants(terms: readonly Problem[]): ProblemConstants {
  const L = largestOverTerms(terms, 'L', 'max of the terms\' L: eigenvalues of Q diag(phi\'\') Q^T with Q exactly orthogonal');
  const curved = terms.filter((t) => !isFlat(t));
  const mus = curved.map((t) => t.constants.mu);
  const mu = curved.length > 0 && mus.every((m) => m !== undefined) ? Math.min(...mus.map((m) => m!.value)) : undefined;
  const muStatus = mus.some((m) => m?.status !== 'exact') ? 'valid bound' : 'exact';
  const pl = curved.length < terms.length;
  const pairNote = (pair: string) => `largest of the terms' ${pair} (src/classes/rotatedSum.ts): a valid pair, not necessarily the least`;
  const pairs = {
    L0: largestOverTerms(terms, 'L0', pairNote('(L0, L1)'), 'valid bound'),
    L1: largestOverTerms(terms, 'L1', pairNote('(L0, L1)'), 'valid bound'),
    H0: largestOverTerms(terms, 'H0', pairNote('(H0, H1)'), 'valid bound'),
    H1: largestOverTerms(terms, 'H1', pairNote('(H0, H1)'), 'valid bound'),
  };
  return {
    ...(L ? { L } : {}),
    ...(mu !== undefined
      ? { mu: { value: mu, status: muStatus, note: pl ? 'min mu over the curved terms, flat terms elsewhere: PL, not strongly convex' : 'min of the terms\' mu (strong convexity, or PL when a term is only PL)' } }
      : {}),
    ...Object.fromEntries(Object.entries(pairs).filter(([, c]) => c !== undefined)),
  };
}

function rotatedSumHighPrecision(terms: readonly Problem[], basis: Float64Array | undefined, digits: number): HighPrecisionModel {
  const math = bigMath(digits);
  const dim = terms.length;
  const models = terms.map((t) => {
    if (!t.highPrecision) throw new InputError(`${t.name} has no high-precision model`);
    return t.highPrecision(digits);
  });
  const times = bigMatrixTimes(math, basis, dim);
  const zero = toBig(math, 0);
  const sum = (values: BigNumber[]): BigNumber => values.reduce((s, v) => s.plus(v), zero);
  const fStar = sum(models.map((m) => m.fStar));
  return {
    digits,
    math,
    fStar,
    f: (x) => sum(times(x, true).map((yk, k) => models[k].f([yk]))),
    grad: (x) => times(times(x, true).map((yk, k) => models[k].grad([yk])[0]), false),
    gap: (x) => sum(times(x, true).map((yk, k) => (models[k].gap ? models[k].gap!([yk]) : models[k].f([yk]).minus(models[k].fStar)))),
  };
}
