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
 * - 'pl':                L-smooth PL(q L) terms, q = muRatio in [1e-3, 1], nonconvex ones among them
 *                        (see `plTermAt`), on some coordinates and identically 0 ones on the others
 *                        (`flat`, 0 to d - 1 of them): PL, in general neither convex nor strongly convex.
 * Each term's curvatures are scaled so that its max |f''| is L (a term whose ratios are all 0 is the
 * quadratic (L/2) x^2). The instance's L is max |f''|, exact; its mu (when the class has one) is min
 * f'' over the curved terms for 'stronglyConvex', exact, and for 'pl' the least of the curved terms'
 * PL constants (plConstant.ts: exact rationals rounded down, so exact or a valid bound, never above
 * the true one). A separable sum is PL with the least of its terms' constants: ||grad f||^2 =
 * sum_i phi_i'^2 >= sum_i 2 mu_i (phi_i - phi_i*) >= 2 min_i mu_i (f - f*), and the flat terms add
 * nothing to either side; the exactly orthogonal rotation changes neither (rotatedSum.ts).
 * GD runs with step gamma = h / L from x0 (each coordinate uniform in [-5, 5]) for N steps.
 * Integer parameters (pieces K, dimension d, flat coordinates, N, the basis seed) are part of the
 * box, so the search moves them too. Knots are absolute, or (option `knots: 'run'`, nonconvex
 * classes) measured from the start in units of the first step, the same class parametrized so that
 * patterns lined up with the iterates are not a coincidence (see `termAt`), or (`knots: 'steps'`)
 * laid out by the run itself, two pieces in each of its steps (see `stepsTermAt`).
 */
import { family, integer, logUniform, uniform, type Family, type Instance, type ParameterBox, type Params } from '../claims/family.js';
import { gapOf, type Problem } from '../problems/problem.js';
import { constant } from '../schedules/basic.js';
import { piecewiseQuadratic } from './piecewiseQuadratic.js';
import { plPiecewiseQuadratic } from './plConstant.js';
import { rotatedSum, termCoordinates } from './rotatedSum.js';
import { InputError } from '../util/errors.js';

export type CurvatureClass = 'convex' | 'stronglyConvex' | 'nonconvex' | 'nonconvexBounded' | 'pl';

export interface ClassFamilyOptions {
  readonly curvature: CurvatureClass;
  /** Largest number of pieces of each one-dimensional term (default 4; 'pl': on each side of its minimizer; 'steps' knots have two in each step of the run). */
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
   * whose size does not shrink with the scale of the run. 'steps' (nonconvex classes): the run
   * decides where the pieces are: each of its N steps holds two pieces, each with its curvature a
   * parameter, meeting where f' has changed by a parameter over the step (see `stepsTermAt`).
   */
  readonly knots?: 'free' | 'run' | 'steps';
}

export interface ClassInstance extends Instance {
  readonly problem: Problem;
  readonly x0: Float64Array;
  readonly horizon: number;
  /** The instance's smoothness constant max |f''| (exact). */
  readonly L: number;
  /** Its strong convexity / PL constant (exact, or for 'pl' possibly a valid bound an ulp below), when the class has one. */
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

/**
 * The box of term `i` of the 'pl' class: on each side of its minimizer (r, l) the curvature ratios
 * of `pieces` pieces outwards and the lengths of all but the outer one.
 */
function plTermBox(i: number, pieces: number): ParameterBox {
  const box: Record<string, ReturnType<typeof uniform>> = {};
  for (const side of ['r', 'l']) {
    for (let j = 0; j < pieces; j++) box[`t${i}_${side}c${j}`] = uniform(0, 1);
    for (let j = 0; j < pieces - 1; j++) box[`t${i}_${side}gap${j}`] = logUniform(1e-2, 3);
  }
  return box;
}

/** The box of term `i`: curvature ratios, knot gaps, first knot. */
function termBox(i: number, pieces: number, nonconvex: boolean): ParameterBox {
  const box: Record<string, ReturnType<typeof uniform>> = { [`t${i}_first`]: uniform(-3, 3) };
  for (let j = 0; j < pieces; j++) box[`t${i}_c${j}`] = uniform(0, 1);
  for (let j = 0; j + 1 < pieces - 1; j++) box[`t${i}_gap${j}`] = logUniform(1e-2, 3);
  if (nonconvex) box[`t${i}_slope`] = uniform(-3, 3);
  return box;
}

/**
 * The box of term `i` with 'steps' knots: its slope at the start, the curvatures of the pieces
 * behind the start and beyond the run, and for each of the `steps` steps the mean and the half
 * difference of the curvature ratios of its two pieces and the change of f' over it.
 */
function stepsTermBox(i: number, steps: number): ParameterBox {
  const box: Record<string, ReturnType<typeof uniform>> = { [`t${i}_slope`]: uniform(-3, 3), [`t${i}_behind`]: uniform(0, 1), [`t${i}_beyond`]: uniform(0, 1) };
  for (let k = 0; k < steps; k++) {
    box[`t${i}_s${k}mean`] = uniform(-1, 1);
    box[`t${i}_s${k}split`] = uniform(-1, 1);
    box[`t${i}_s${k}g`] = uniform(-1, 1);
  }
  return box;
}

/** Curvature ratio in the class, from the unit value r. */
function curvatureRatio(curvature: CurvatureClass, r: number, outer: boolean, muRatio: number): number {
  switch (curvature) {
    case 'convex':
      return r;
    case 'stronglyConvex':
    case 'pl': // the pieces at the minimizer and the outer ones (plTermAt)
      return muRatio + (1 - muRatio) * r;
    case 'nonconvex':
      return 2 * r - 1;
    case 'nonconvexBounded':
      return outer ? 1e-3 + (1 - 1e-3) * r : 2 * r - 1;
  }
}

/** The smallest unit of 'run' and 'steps' knots (so that knots stay distinct in float64 when the start is nearly critical). */
const MIN_RUN_UNIT = 1e-6;

/** Curvatures from ratios, scaled so that max |f''| is `scale` (a term with every ratio 0 becomes the quadratic). */
function scaled(ratios: readonly number[], scale: number): number[] {
  const largest = Math.max(...ratios.map(Math.abs));
  return ratios.map((r) => (largest === 0 ? scale : (scale * r) / largest));
}

/** The piecewise quadratic with these knots and curvatures whose slope at `y0` is `slope`. */
function withSlopeAt(knots: readonly number[], curvatures: readonly number[], y0: number, slope: number): Problem {
  const withoutSlope = piecewiseQuadratic({ knots, curvatures });
  const slopeAtStart = new Float64Array(1);
  withoutSlope.grad(Float64Array.of(y0), slopeAtStart);
  return piecewiseQuadratic({ knots, curvatures, slope: slope - slopeAtStart[0] });
}

/** The knots and curvatures without the pieces of zero length in float64 (a knot not above the one before). */
function withoutEmptyPieces(knots: readonly number[], curvatures: readonly number[]): { knots: number[]; curvatures: number[] } {
  const keptKnots: number[] = [];
  const keptCurvatures = [curvatures[0]];
  knots.forEach((x, j) => {
    if (keptKnots.length > 0 && !(x > keptKnots[keptKnots.length - 1])) {
      keptCurvatures[keptCurvatures.length - 1] = curvatures[j + 1];
      return;
    }
    keptKnots.push(x);
    keptCurvatures.push(curvatures[j + 1]);
  });
  return { knots: keptKnots, curvatures: keptCurvatures };
}

/**
 * Term `i` of the 'pl' class, with K pieces on each side of its minimizer x* = 0, scaled so that
 * max |f''| is `scale`: the L-smooth piecewise quadratics that are PL(q scale), q = muRatio, with at
 * most K pieces on each side of x* (up to a translation, which GD commutes with: the start is a
 * parameter). Anchored at x* (f(0) = f'(0) = 0 = f*), f - f* is evaluated from 0 outwards with no
 * cancellation, so f(x_0) - f* is accurate however near x* the start is. On each side, outwards:
 * the piece at x* and the outer piece have curvature ratios in [q, 1] (R = f'^2 / (2 (f - f*)) equals the curvature on the piece
 * at x* and tends to it on the outer one, so PL(q) needs them there), the inner ones in [-1, 1];
 * each piece but the outer one has its length as a parameter, and an inner piece of curvature
 * c < q scale is cut where R falls to q scale, if it gets there: on a piece, 2 (f - f*) (R - c) is
 * constant (plConstant.ts), so R decreases towards c as f - f* grows and reaches q scale where
 * f - f* = v (R_0 - c) / (q scale - c), v and R_0 its values at the piece's start; the length
 * there solves v + s l + c l^2 / 2 = that value (s = |f'| at the start). R then stays >= q scale
 * at every knot, so f' keeps its sign on each side (R = 0 where f' = 0) and the term is PL(q scale),
 * its constant computed exactly by `plPiecewiseQuadratic`; conversely every such function (with
 * lengths in the box) is reached, the cut being where its own lengths must stop.
 */
function plTermAt(params: Params, i: number, K: number, scale: number): Problem {
  const q = params.muRatio;
  const sides = ['r', 'l'] as const;
  const curvatures = scaled(
    sides.flatMap((side) => Array.from({ length: K }, (_, j) => curvatureRatio(j === 0 || j === K - 1 ? 'pl' : 'nonconvex', params[`t${i}_${side}c${j}`], false, q))),
    scale,
  );
  const [right, left] = sides.map((side, s) =>
    knotDistances(curvatures.slice(s * K, (s + 1) * K), Array.from({ length: K - 1 }, (_, j) => params[`t${i}_${side}gap${j}`]), q * scale),
  );
  return plPiecewiseQuadratic(withoutEmptyPieces([...left.map((d) => -d).reverse(), 0, ...right], [...curvatures.slice(K).reverse(), ...curvatures.slice(0, K)]));
}

/** On one side of the minimizer, outwards: the distances of the knots from it, the inner pieces of curvature below `target` cut where R falls to it (see `plTermAt`). */
function knotDistances(curvatures: readonly number[], gaps: readonly number[], target: number): number[] {
  let [distance, value, slope] = [0, 0, 0];
  return gaps.map((gap, j) => {
    const c = curvatures[j];
    let length = gap;
    if (j > 0 && c < target) {
      const R = (slope * slope) / (2 * value);
      const rise = Math.max(0, (value * (R - target)) / (target - c));
      length = Math.min(gap, (2 * rise) / (slope + Math.sqrt((2 * value * target * (R - c)) / (target - c))));
    }
    [value, slope] = [value + slope * length + (c / 2) * length * length, slope + c * length];
    distance += length;
    return distance;
  });
}

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
  const curvatures = scaled(
    Array.from({ length: K }, (_, j) => curvatureRatio(curvature, params[`t${i}_c${j}`], j === 0 || j === K - 1, muRatio)),
    scale,
  );
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
  return withSlopeAt(knots, curvatures, run.y0, slope);
}

/**
 * Term `i` with 'steps' knots, for a run of N steps from y0 with step h / scale: the run decides
 * where the pieces are. With s = scale * slope the slope at y0, the term is built along the path
 * GD takes (along -sign(s)): the piece behind the start, then for each step k < N, from the
 * iterate y_k, two pieces filling the step's length h |f'(y_k)| / scale, then the piece beyond the
 * run. Behind and beyond are the outer pieces (in (0, L] for 'nonconvexBounded'). A step's two
 * curvature ratios are m +- d (1 - |m|) for its mean m and split d in [-1, 1] (onto the square
 * [-1, 1]^2, and split +-1 keeps both on its edge whatever m), the largest |ratio| of the term
 * scaled to L; they meet at the fraction of the step where f' ends it at the level g_k sets
 * (`fractionFor`: g_k = 0 is the lowest |f'| of the run so far, when the curvatures reach it). A
 * step whose f' has turned sign is laid out the same way, on along the path, and a piece of zero
 * length in float64 is dropped.
 *
 * What the members are: the piecewise quadratics of the class with at most one knot inside each
 * step of their own run (each such function, along a run that goes one way, is a member: its
 * curvatures and its knot's fraction give m, d and g_k, and its f' outside [y_0, y_N] is not read
 * by the run). The end of f' over a step is a parameter, not the knot's fraction, so that the
 * curvatures can move while the gradients along the run stay where they are (with the fraction,
 * a curvature's move changes every later f'(y_k)); that reparametrization is onto the same
 * functions (every fraction in [0, 1] is reached, whatever the curvatures). Every step has the same
 * parameters, drawn uniformly: nothing in the box favours a pattern.
 */
function stepsTermAt(params: Params, i: number, curvature: CurvatureClass, scale: number, run: { y0: number; h: number; N: number }): Problem {
  const ratio = (name: string, outer: boolean): number => curvatureRatio(curvature, params[`t${i}_${name}`], outer, 0);
  const stepRatios = Array.from({ length: run.N }, (_, k) => {
    const [mean, split] = [params[`t${i}_s${k}mean`], params[`t${i}_s${k}split`]];
    const half = split * (1 - Math.abs(mean));
    return [mean + half, mean - half];
  });
  const largest = Math.max(...[ratio('behind', true), ratio('beyond', true), ...stepRatios.flat()].map(Math.abs));
  const [behind, ...along] = scaled([ratio('behind', true), ...stepRatios.flat(), ratio('beyond', true)], scale);
  const slope = scale * params[`t${i}_slope`];
  // Along the path: t >= 0 is the distance from y0, G = f' times the sign of s (G decreases at the rate f'').
  const knotsAlong = [0];
  let t = 0;
  let G = Math.abs(slope);
  let lowest = G;
  for (let k = 0; k < run.N; k++) {
    lowest = Math.min(lowest, Math.abs(G));
    const length = Math.max((run.h * Math.abs(G)) / scale, MIN_RUN_UNIT);
    const [a, b] = largest === 0 ? [1, 1] : stepRatios[k].map((r) => r / largest);
    const u = fractionFor(a, b, run.h, G, lowest, params[`t${i}_s${k}g`]);
    G -= (along[2 * k] * u + along[2 * k + 1] * (1 - u)) * length;
    knotsAlong.push(t + length * u, t + length);
    t += length;
  }
  const towards = slope > 0 ? -1 : 1;
  let knots = knotsAlong.map((d) => run.y0 + towards * d);
  let curvatures = [behind, ...along];
  if (towards < 0) {
    knots = knots.reverse();
    curvatures = curvatures.reverse();
  }
  // Pieces of zero length in float64 (a fraction 0 or 1, a tiny step) go.
  const kept = withoutEmptyPieces(knots, curvatures);
  return withSlopeAt(kept.knots, kept.curvatures, run.y0, slope);
}

/**
 * Where in a step from f' = G (along the path) a piece of curvature ratio a (first) meets one of
 * ratio b != a (second): the fraction u in [0, 1] at which f' ends the step at
 * E(u) = G - h |G| (a u + b (1 - u)), E read from g in [-1, 1] piecewise linearly: g = -1 and 1 are
 * the smallest and largest reachable ends, and g = 0 is `level` (kept at least 5% of the range
 * away from both ends, so that neither half of [-1, 1] is flat: `level` is then reached at some
 * other g). Onto [0, 1]; 1/2 when every fraction ends the step alike (a = b, or G = 0).
 */
function fractionFor(a: number, b: number, h: number, G: number, level: number, g: number): number {
  const [atStart, atEnd] = [G - h * Math.abs(G) * b, G - h * Math.abs(G) * a];
  const [lo, hi] = [Math.min(atStart, atEnd), Math.max(atStart, atEnd)];
  if (!(hi > lo)) return 0.5;
  const middle = Math.min(0.95, Math.max(0.05, (level - lo) / (hi - lo)));
  const w = g < 0 ? (1 + g) * middle : middle + g * (1 - middle);
  const end = lo + w * (hi - lo);
  return Math.min(1, Math.max(0, (atStart - end) / (atStart - atEnd)));
}

/** A family over a curvature class (see the module comment). */
export function classFamily(options: ClassFamilyOptions): Family<ClassInstance> {
  const pieces = options.pieces ?? 4;
  const maxDim = options.maxDim ?? 1;
  const { curvature } = options;
  const nonconvex = curvature === 'nonconvex' || curvature === 'nonconvexBounded';
  const knots = options.knots ?? 'free';
  if (knots !== 'free' && !nonconvex) throw new InputError(`'${knots}' knots need a slope at the start: a nonconvex class, not '${curvature}'`);
  const box: Record<string, ReturnType<typeof uniform>> = {
    L: logUniform(0.1, 10),
    h: uniform(options.h.min, options.h.max),
    N: integer(options.N.min, options.N.max),
  };
  if (knots !== 'steps') box.K = integer(1, pieces);
  if (maxDim > 1) {
    box.d = integer(1, maxDim);
    box.seed = integer(0, 1000);
  }
  if (curvature === 'stronglyConvex' || curvature === 'pl') box.muRatio = logUniform(1e-3, 1);
  if (curvature === 'pl' && maxDim > 1) box.flat = integer(0, maxDim - 1);
  for (let i = 0; i < maxDim; i++) {
    Object.assign(box, knots === 'steps' ? stepsTermBox(i, options.N.max) : curvature === 'pl' ? plTermBox(i, pieces) : termBox(i, pieces, nonconvex));
    box[`x${i}`] = uniform(-X0_RANGE, X0_RANGE);
  }
  const dims = maxDim > 1 ? `1..${maxDim}-D rotated sums of ` : '';
  const count = knots === 'steps' ? 'two pieces in each step of the run' : `up to ${pieces} pieces`;
  return family<ClassInstance>({
    name: `${curvature} class: ${dims}piecewise quadratics with ${count}, step h/L`,
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
          : knots === 'steps'
            ? stepsTermAt(params, i, curvature, params.L, { y0: y0[i], h: params.h, N: params.N })
            : curvature === 'pl'
              ? plTermAt(params, i, K, params.L)
              : termAt(params, i, K, curvature, params.L, knots === 'run' ? { y0: y0[i], h: params.h } : undefined),
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
