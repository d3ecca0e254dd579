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
 * The box of term `i` with 'steps' knots: its slope at the start, the curvature of the piece beyond
 * the run, and for each of the `steps` steps where f' ends it (`changeFor`) and the curvatures of
 * its two pieces (`stepPieces`).
 */
function stepsTermBox(i: number, steps: number): ParameterBox {
  const box: Record<string, ReturnType<typeof uniform>> = { [`t${i}_slope`]: uniform(-3, 3), [`t${i}_beyond`]: uniform(0, 1) };
  for (let k = 0; k < steps; k++) {
    box[`t${i}_s${k}end`] = uniform(-1, 1);
    box[`t${i}_s${k}first`] = uniform(-1, 1);
    box[`t${i}_s${k}second`] = uniform(-1, 1);
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
 * GD takes (along -sign(s)): the piece behind the start (curvature L), then for each step k < N,
 * from the iterate y_k, two pieces filling the step's length h |f'(y_k)| / scale, then the piece
 * beyond the run (in (0, L] for 'nonconvexBounded'). Each step's end value of f' comes from its
 * parameter `end` alone (`changeFor`: end = 0 is the lowest |f'| of the run so far, when a step can
 * reach it), and its two curvatures and the fraction of the step where they meet from that change
 * of f' and its parameters `first` and `second` (`stepPieces`). A step whose f' has turned sign is
 * laid out the same way, on along the path, and a piece of zero length in float64 is dropped.
 *
 * What the members are: the piecewise quadratics of the class with at most one knot inside each
 * step of their own run, as the run reads them (f' at the iterates, f between y_0 and y_N, and L):
 * each such function, along a run that goes one way, gives the same run as the member with its
 * L, its curvatures on [y_0, y_N] (their mean over a step gives `end`, the two curvatures
 * `first` and `second`), and curvature L behind the start, which the run does not read. That
 * piece makes L the instance's max |f''| whatever the curvatures along the run, so no rescaling
 * couples the steps. Where f' ends a step depends on `end` alone, so the curvatures of a step
 * move while the gradients along the run stay where they are (with the knot's fraction or the
 * curvatures' mean and split as parameters, a curvature's move changes every later f'(y_k)).
 * Every step has the same parameters, drawn uniformly: nothing in the box favours a pattern.
 */
function stepsTermAt(params: Params, i: number, curvature: CurvatureClass, scale: number, run: { y0: number; h: number; N: number }): Problem {
  const beyond = curvatureRatio(curvature, params[`t${i}_beyond`], true, 0) * scale;
  const slope = scale * params[`t${i}_slope`];
  // Along the path: t >= 0 is the distance from y0, G = f' times the sign of s (G decreases at the rate f'').
  const knotsAlong = [0];
  const along: number[] = [];
  let t = 0;
  let G = Math.abs(slope);
  let lowest = G;
  for (let k = 0; k < run.N; k++) {
    lowest = Math.min(lowest, Math.abs(G));
    const length = Math.max((run.h * Math.abs(G)) / scale, MIN_RUN_UNIT);
    const step = stepPieces(changeFor(run.h, G, lowest, params[`t${i}_s${k}end`]), params[`t${i}_s${k}first`], params[`t${i}_s${k}second`]);
    const [a, b] = step.ratios.map((r) => r * scale);
    const u = step.fraction;
    along.push(a, b);
    G -= (a * u + b * (1 - u)) * length;
    knotsAlong.push(t + length * u, t + length);
    t += length;
  }
  const behind = scale;
  along.push(beyond);
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
 * The mean curvature ratio c of a step from f' = G (along the path) of length h |G| (in units of
 * 1/L), from its parameter `end` in [-1, 1]: f' ends the step at E = G - h |G| c, E read from `end`
 * piecewise linearly over the ends any curvatures in [-L, L] reach, [G - h |G|, G + h |G|]:
 * end = -1 and 1 are its two ends and end = 0 is `level` (kept at least 5% of the range away from
 * both ends, so that neither half of [-1, 1] is flat: `level` is then reached at some other end).
 * Onto [-1, 1]; `end` itself when G = 0.
 */
function changeFor(h: number, G: number, level: number, end: number): number {
  const [lo, hi] = [G - h * Math.abs(G), G + h * Math.abs(G)];
  if (!(hi > lo)) return end;
  const middle = Math.min(0.95, Math.max(0.05, (level - lo) / (hi - lo)));
  const w = end < 0 ? (1 + end) * middle : middle + end * (1 - middle);
  return (G - (lo + w * (hi - lo))) / (h * Math.abs(G));
}

/**
 * The two pieces of a step of mean curvature ratio c in [-1, 1], as curvature ratios (a first, then
 * b) in [-1, 1] and the fraction u of the step the first one takes (a u + b (1 - u) = c), from
 * first and second in [-1, 1]: of the same sign, a = c + |first| (1 - c) >= c and
 * b = c - |second| (1 + c) <= c (f' dips below the straight line from its start to its end); of
 * opposite signs, a = c - |first| (1 + c) <= c and b = c + |second| (1 - c) >= c (f' rises above
 * it). Onto every pair of ratios with c between them, i.e. every two-piece step of that mean
 * (first or second 0: a straight line, the whole step at c). With the sign in the pair, neither
 * first = 0 nor second = 0 is a face of the box, and from a straight line either parameter alone
 * turns the step into a dip or a rise.
 */
function stepPieces(c: number, first: number, second: number): { ratios: [number, number]; fraction: number } {
  const dip = (first >= 0) === (second >= 0);
  const a = dip ? c + Math.abs(first) * (1 - c) : c - Math.abs(first) * (1 + c);
  const b = dip ? c - Math.abs(second) * (1 + c) : c + Math.abs(second) * (1 - c);
  return { ratios: [a, b], fraction: a === b ? 1 : (c - b) / (a - b) };
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
