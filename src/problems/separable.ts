/**
 * Separable sums f(x) = sum_i phi(x_i) of one scalar term phi minimized at 0: the shared
 * f / grad / gap / diagonal Hessian / hvp of the cosh, even-power and quadratic-exponential
 * families, and their high-precision model. Each family supplies only phi, phi', phi'' and the
 * cancellation-free excess phi(w) - min phi, and optionally the same term in BigNumber arithmetic.
 */
import type { BigNumber, MathJsInstance } from 'mathjs';
import { requireDimension } from '../util/validate.js';
import { bigModel, bigSum, type BigModelDefinition } from './highPrecision.js';
import type { Problem, ProblemConstants } from './problem.js';

/** One coordinate's term phi in BigNumber arithmetic (for the high-precision replay). */
export interface HighPrecisionScalarTerm {
  value(w: BigNumber): BigNumber;
  slope(w: BigNumber): BigNumber;
  /** phi(w) - phi(0), computed without cancellation. */
  excess(w: BigNumber): BigNumber;
  /** phi(0) = min phi. */
  readonly minimum: BigNumber;
}

/** One coordinate's term phi, minimized at w = 0. */
export interface ScalarTerm {
  value(w: number): number;
  slope(w: number): number;
  curvature(w: number): number;
  /** phi(w) - phi(0), computed without cancellation. */
  excess(w: number): number;
  /** phi(0) = min phi. */
  readonly minimum: number;
  /**
   * The same term in the BigNumber instance `math`, its parameters read exactly (their float64
   * values). Without it the sum has no high-precision model.
   */
  highPrecision?(math: MathJsInstance): HighPrecisionScalarTerm;
}

export interface SeparableSumSpec {
  readonly name: string;
  readonly dim: number;
  readonly params: Readonly<Record<string, number>>;
  readonly term: ScalarTerm;
  readonly constants: ProblemConstants;
}

/** The problem sum_i phi(x_i) on R^dim, with f* = dim * min phi and x* = 0. */
export function separableSum({ name, dim, params, term, constants }: SeparableSumSpec): Problem {
  requireDimension('dim', dim);
  const problem: Problem = {
    name,
    dim,
    params,
    f(x) {
      let s = 0;
      for (let i = 0; i < dim; i++) s += term.value(x[i]);
      return s;
    },
    grad(x, out) {
      let s = 0;
      for (let i = 0; i < dim; i++) {
        s += term.value(x[i]);
        out[i] = term.slope(x[i]);
      }
      return s;
    },
    gap(x) {
      let s = 0;
      for (let i = 0; i < dim; i++) s += term.excess(x[i]);
      return s;
    },
    hess(x, out = new Float64Array(dim * dim)) {
      out.fill(0, 0, dim * dim);
      for (let i = 0; i < dim; i++) out[i * dim + i] = term.curvature(x[i]);
      return out;
    },
    hvp(x, v, out) {
      for (let i = 0; i < dim; i++) out[i] = term.curvature(x[i]) * v[i];
    },
    fStar: dim * term.minimum,
    xStar: new Float64Array(dim),
    constants,
  };
  const bigTerm = term.highPrecision?.bind(term);
  if (!bigTerm) return problem;
  return { ...problem, highPrecision: bigModel((math) => separableHighPrecision(math, dim, bigTerm(math))) };
}

/** sum_i phi(x_i) in BigNumber arithmetic. */
function separableHighPrecision(math: MathJsInstance, dim: number, term: HighPrecisionScalarTerm): BigModelDefinition {
  return {
    fStar: term.minimum.times(dim),
    f: (x) => bigSum(math, x.map((w) => term.value(w))),
    grad: (x) => x.map((w) => term.slope(w)),
    gap: (x) => bigSum(math, x.map((w) => term.excess(w))),
  };
}
