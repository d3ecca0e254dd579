/**
 * Families over whole function classes, for claims stated "for every f in the class": every member
 * provably belongs to the class (see piecewiseQuadratic.ts and rotatedSum.ts for why), and the
 * constants an instance carries are the problem's own, exact for the float64 data that runs.
 *
 * Members are sums of one-dimensional piecewise quadratics with up to `pieces` pieces (knots and
 * curvatures are parameters), in 1 to `maxDim` dimensions, rotated by an exactly orthogonal seeded
 * basis. Curvature classes (f'' of each piece, as a multiple of the scale L of the box):
 * - 'convex':            [0, 1]: L-smooth convex, f* = 0 at x* = 0 (Huber, quadratics are members);
 * - 'stronglyConvex':    [q, 1], q = muRatio in [1e-3, 1]: (mu, L) smooth strongly convex;
 * - 'nonconvex':         [-1, 1]: L-smooth (curvature in [-L, L]), f* possibly -infinity;
 * - 'nonconvexBounded':  [-1, 1] inside, (0, 1] on the two outer pieces: the same with finite f*;
 * - 'pl':                'stronglyConvex' terms on some coordinates and identically 0 ones on the
 *                        others (at least one flat when d >= 2): PL(mu), not strongly convex.
 * Each term's curvatures are scaled so that its max |f''| is L (a term whose ratios are all 0 is the
 * quadratic (L/2) x^2). The instance's L is max |f''| and mu (when the class has one) min f'' over the curved terms, both
 * exact; GD runs with step gamma = h / L from x0 (each coordinate uniform in [-5, 5]) for N steps.
 * Integer parameters (pieces K, dimension d, flat coordinates, N, the basis seed) are part of the
 * box, so the search moves them too. Knots are absolute, or (option `knots: 'run'`, nonconvex
 * classes) measured from the start in units of the first step, the same class parametrized so that
 * patterns lined up with the iterates are not a coincidence (see `termAt`).
 */
import { family, integer, logUniform, uniform, type Family, type Instance, type ParameterBox, type Params } from '../claims/family.js';
import { gapOf, type Problem } from '../problems/problem.js';
import { constant } from '../schedules/basic.js';
import { piecewiseQuadratic } from './piecewiseQuadratic.js';
import { rotatedSum, termCoordinates } from './rotatedSum.js';
import { InputError } from '../util/errors.js';

export type CurvatureClass = 'convex' | 'stronglyConvex' | 'nonconvex' | 'nonconvexBounded' | 'pl';

export interface ClassFamilyOptions {
  readonly curvature: CurvatureClass;
  /** Largest number of pieces of each one-dimensional term (default 4). */
  readonly pieces?: number;
  /** Largest dimension (default 1). */
  readonly maxDim?: number;
  /** Range of the normalized step h = gamma L. */
  readonly h: { readonly min: number; readonly max: number };
  /** Range of the horizon N. */
  readonly N: { readonly min: number; readonly max: number };
  /**
   * 'free' (default): each gap between knots is a parameter, in absolute units. 'run' (nonconvex
   * classes): the same knots measured from the start in units of the first step's length, so a
   * term is parametrized by its slope at the start instead of at 0 (see `termAt`): still every
   * member of the class, but a knot pattern that lines up with the iterates is a region of the box
   * whose size does not shrink with the scale of the run.
   */
  readonly knots?: 'free' | 'run';
}

export interface ClassInstance extends Instance {
  readonly problem: Problem;
  readonly x0: Float64Array;
  readonly horizon: number;
  /** The instance's smoothness constant max |f''| (exact). */
  readonly L: number;
  /** Its strong convexity / PL constant (exact), when the class has one. */
  readonly mu?: number;
  /** The step gamma = h / L and the normalized step gamma L it amounts to. */
  readonly gamma: number;
  readonly h: number;
  readonly N: number;
  /** |x0 - x*| for the minimizer x* of the problem (convex classes), else NaN. */
  readonly R: number;
  /** f(x0) - f* (Infinity when f* = -infinity). */
  readonly initialGap: number;
}

const X0_RANGE = 5;

/** The box of term `i`: curvature ratios, knot gaps, first knot. */
function termBox(i: number, pieces: number, nonconvex: boolean): ParameterBox {
  const box: Record<string, ReturnType<typeof uniform>> = { [`t${i}_first`]: uniform(-3, 3) };
  for (let j = 0; j < pieces; j++) box[`t${i}_c${j}`] = uniform(0, 1);
  for (let j = 0; j + 1 < pieces - 1; j++) box[`t${i}_gap${j}`] = logUniform(1e-2, 3);
  if (nonconvex) box[`t${i}_slope`] = uniform(-3, 3);
  return box;
}

/** Curvature ratio in the class, from the unit value r. */
function curvatureRatio(curvature: CurvatureClass, r: number, outer: boolean, muRatio: number): number {
  switch (curvature) {
    case 'convex':
      return r;
    case 'stronglyConvex':
    case 'pl':
      return muRatio + (1 - muRatio) * r;
    case 'nonconvex':
      return 2 * r - 1;
    case 'nonconvexBounded':
      return outer ? 1e-3 + (1 - 1e-3) * r : 2 * r - 1;
  }
}

/** The smallest unit of 'run' knots (so that knots stay distinct in float64 when the start is nearly critical). */
const MIN_RUN_UNIT = 1e-6;

/**
 * Term `i` of an instance: a piecewise quadratic with K pieces, scaled so that max |f''| is `scale`.
 * 'free' knots: t_first, then the gaps, in absolute units; slope f'(0) = scale * slope (nonconvex).
 * 'run' knots: with y0 the term's start coordinate and s = scale * slope its slope there, the knots
 * are y0 - sign(s) u_j |gamma s| for u_0 = t_first, u_{j+1} = u_j + gap_j (in units of the first
 * step, which GD takes along -sign(s)); curvatures are read in the order the run meets the pieces,
 * and f'(0) is set so that f'(y0) = s. Reflecting and rescaling the knots is a bijection onto the
 * same K-piece functions, so this is the same class.
 */
function termAt(params: Params, i: number, K: number, curvature: CurvatureClass, scale: number, run?: { y0: number; h: number }): Problem {
  const muRatio = params.muRatio ?? 0;
  const ratios = Array.from({ length: K }, (_, j) => curvatureRatio(curvature, params[`t${i}_c${j}`], j === 0 || j === K - 1, muRatio));
  // Normalized so that max |f''| is the scale (a term with every ratio 0 becomes the quadratic).
  const largest = Math.max(...ratios.map(Math.abs));
  const curvatures = ratios.map((r) => (largest === 0 ? scale : (scale * r) / largest));
  const offsets: number[] = [];
  for (let j = 0; j < K - 1; j++) offsets.push(j === 0 ? params[`t${i}_first`] : offsets[j - 1] + params[`t${i}_gap${j - 1}`]);
  // Nonconvex classes get a slope (a linear term: same curvatures), so the slope at x0 is free.
  const slope = scale * (params[`t${i}_slope`] ?? 0);
  if (!run) return piecewiseQuadratic({ knots: offsets, curvatures, slope });
  const towards = slope > 0 ? -1 : 1;
  const unit = Math.max(run.h * Math.abs(params[`t${i}_slope`]), MIN_RUN_UNIT);
  const knots = offsets.map((u) => run.y0 + towards * unit * u);
  if (towards < 0) {
    knots.reverse();
    curvatures.reverse();
  }
  const withoutSlope = piecewiseQuadratic({ knots, curvatures });
  const slopeAtStart = new Float64Array(1);
  withoutSlope.grad(Float64Array.of(run.y0), slopeAtStart);
  return piecewiseQuadratic({ knots, curvatures, slope: slope - slopeAtStart[0] });
}

/** A family over a curvature class (see the module comment). */
export function classFamily(options: ClassFamilyOptions): Family<ClassInstance> {
  const pieces = options.pieces ?? 4;
  const maxDim = options.maxDim ?? 1;
  const { curvature } = options;
  const nonconvex = curvature === 'nonconvex' || curvature === 'nonconvexBounded';
  const runKnots = options.knots === 'run';
  if (runKnots && !nonconvex) throw new InputError(`'run' knots need a slope at the start: a nonconvex class, not '${curvature}'`);
  const box: Record<string, ReturnType<typeof uniform>> = {
    L: logUniform(0.1, 10),
    h: uniform(options.h.min, options.h.max),
    N: integer(options.N.min, options.N.max),
    K: integer(1, pieces),
  };
  if (maxDim > 1) {
    box.d = integer(1, maxDim);
    box.seed = integer(0, 1000);
  }
  if (curvature === 'stronglyConvex' || curvature === 'pl') box.muRatio = logUniform(1e-3, 1);
  if (curvature === 'pl' && maxDim > 1) box.flat = integer(1, maxDim - 1);
  for (let i = 0; i < maxDim; i++) {
    Object.assign(box, termBox(i, pieces, nonconvex));
    box[`x${i}`] = uniform(-X0_RANGE, X0_RANGE);
  }
  const dims = maxDim > 1 ? `1..${maxDim}-D rotated sums of ` : '';
  return family<ClassInstance>({
    name: `${curvature} class: ${dims}piecewise quadratics with up to ${pieces} pieces, step h/L`,
    box,
    instance: (params) => {
      const d = params.d ?? 1;
      const K = params.K;
      const flat = curvature === 'pl' ? Math.min(params.flat ?? 0, d - 1) : 0;
      const x0 = Float64Array.from({ length: d }, (_, i) => params[`x${i}`]);
      const y0 = d === 1 ? x0 : termCoordinates(x0, params.seed);
      const terms = Array.from({ length: d }, (_, i) =>
        i >= d - flat
          ? piecewiseQuadratic({ knots: [], curvatures: [0] })
          : termAt(params, i, K, curvature, params.L, runKnots ? { y0: y0[i], h: params.h } : undefined),
      );
      const problem = d === 1 ? terms[0] : rotatedSum({ terms, seed: params.seed });
      const L = problem.constants.L!.value;
      const mu = problem.constants.mu?.value;
      const gamma = params.h / L;
      const R = problem.xStar && (curvature === 'convex' || curvature === 'stronglyConvex') ? distance(x0, problem.xStar) : NaN;
      return {
        problem,
        x0,
        schedule: constant(gamma),
        horizon: params.N,
        L,
        ...(mu !== undefined ? { mu } : {}),
        gamma,
        h: gamma * L,
        N: params.N,
        R,
        initialGap: Number.isFinite(problem.fStar) ? gapOf(problem, x0) : Infinity,
      };
    },
  });
}

function distance(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s);
}
