/**
 * Envelope fits of curvature against suboptimality: from pairs (gap_i, curvature_i =
 * ||Hess f(x_i)||), the constants of (H0,H1)-smoothness, curvature <= H0 + H1 gap
 * (warmup-h0h1.md §2, §6), and of (rho,K0,Krho)-smoothness, curvature <= K0 + Krho gap^rho
 * (warmup-rho-k0-krho.md §2.1, C11), valid on every pair.
 *
 * Both are one problem on the abscissa x_i = gap_i^rho (rho = 1 for (H0,H1)): find lines
 * c = K0 + Krho x with K0, Krho >= 0 lying on or above every point (x_i, c_i). The valid lines
 * are the supporting lines of the upper convex hull of the points and of (0, 0) (the point that
 * encodes K0 >= 0); the Pareto frontier of (K0, Krho) has one vertex per hull edge of positive
 * slope, plus the horizontal line through the highest point.
 */
import { InputError } from '../util/errors.js';
import { requireNonNegative, requirePositive } from '../util/validate.js';

export interface CurvaturePair {
  /** f(x) - f* >= 0. */
  readonly gap: number;
  /** ||Hess f(x)|| >= 0. */
  readonly curvature: number;
}

export interface H0H1 {
  readonly H0: number;
  readonly H1: number;
}

/** How a fit was made and how well it holds on its pairs. */
export interface EnvelopeFitReport {
  /** The gap at which the bound K0 + Krho gap^rho was minimised. */
  readonly referenceGap: number;
  readonly pairsUsed: number;
  /** max_i (curvature_i - bound at gap_i): <= 0 up to rounding for a valid envelope. */
  readonly maxViolation: number;
}

export interface H0H1Fit extends H0H1, EnvelopeFitReport {}

export interface RhoFit extends EnvelopeFitReport {
  readonly rho: number;
  readonly K0: number;
  readonly Krho: number;
  /** Whether rho was estimated from the pairs rather than given. */
  readonly rhoEstimated: boolean;
}

export interface EnvelopeFitOptions {
  /**
   * The gap r at which the bound K0 + Krho r^rho is minimised over the valid pairs. Default: the
   * geometric mean of the positive gaps, the centre of the gaps on the log scale on which a GD run
   * spreads them (from gap_0 down to the target), so that neither the high-loss phase (which
   * mostly fixes Krho) nor the low-loss phase (which mostly fixes K0) dominates the choice.
   */
  readonly referenceGap?: number;
}

export interface RhoFitOptions extends EnvelopeFitOptions {
  /** The exponent; estimated from the pairs (see `estimateRho`) when absent. */
  readonly rho?: number;
}

/** The smallest rho `estimateRho` returns: a flat or falling curvature still gets a power law. */
export const MIN_ESTIMATED_RHO = 0.01;

interface Line {
  readonly intercept: number;
  readonly slope: number;
}

interface Points {
  readonly x: Float64Array;
  readonly c: Float64Array;
}

function readPairs(pairs: readonly CurvaturePair[]): { gap: Float64Array; curvature: Float64Array } {
  if (!Array.isArray(pairs) || pairs.length === 0) {
    throw new InputError('pairs must be a non-empty array of { gap, curvature }');
  }
  const gap = new Float64Array(pairs.length);
  const curvature = new Float64Array(pairs.length);
  pairs.forEach((pair, i) => {
    gap[i] = requireNonNegative(`pairs[${i}].gap`, pair.gap);
    curvature[i] = requireNonNegative(`pairs[${i}].curvature`, pair.curvature);
  });
  return { gap, curvature };
}

function powerOf(gap: Float64Array, rho: number): Float64Array {
  return rho === 1 ? gap : gap.map((g) => g ** rho);
}

function geometricMeanOfPositive(values: Float64Array): number {
  let logSum = 0;
  let count = 0;
  for (const v of values) {
    if (v > 0) {
      logSum += Math.log(v);
      count++;
    }
  }
  return count === 0 ? 0 : Math.exp(logSum / count);
}

/**
 * A hull vertex within this fraction of the largest curvature of the chord below it counts as on
 * the chord: rounding in the inputs then does not split one edge of collinear data into several.
 */
const COLLINEAR_TOLERANCE = 32 * Number.EPSILON;

/** Vertices of the upper convex hull of the points and (0, 0), left to right; the first has x = 0. */
function upperHull({ x, c }: Points): { x: number; c: number }[] {
  const sorted = Array.from(x, (xi, i) => ({ x: xi, c: c[i] }));
  sorted.push({ x: 0, c: 0 });
  sorted.sort((p, q) => p.x - q.x || q.c - p.c);
  const hull: { x: number; c: number }[] = [];
  for (const p of sorted) {
    if (hull.length > 0 && hull[hull.length - 1].x === p.x) continue; // lower point at the same x
    while (hull.length >= 2) {
      const o = hull[hull.length - 2];
      const a = hull[hull.length - 1];
      // (height of a above the chord o-p) * (p.x - o.x); a stays when it is clearly above.
      const lift = (a.c - o.c) * (p.x - o.x) - (p.c - o.c) * (a.x - o.x);
      const slack = COLLINEAR_TOLERANCE * Math.max(Math.abs(o.c), Math.abs(a.c), Math.abs(p.c)) * (p.x - o.x);
      if (lift > slack) break;
      hull.pop();
    }
    hull.push(p);
  }
  return hull;
}

/** The Pareto-optimal valid lines (the vertices of the valid (K0, Krho) region), by increasing K0. */
function paretoLines(points: Points): Line[] {
  const hull = upperHull(points);
  const lines: Line[] = [];
  let k = 0;
  for (; k + 1 < hull.length; k++) {
    const slope = (hull[k + 1].c - hull[k].c) / (hull[k + 1].x - hull[k].x);
    if (!(slope > 0)) break;
    lines.push({ intercept: Math.max(0, hull[k].c - slope * hull[k].x), slope });
  }
  lines.push({ intercept: hull[k].c, slope: 0 });
  return lines;
}

/** The valid line minimising intercept + slope * referenceX (a 2-variable LP, optimal at a vertex). */
function supportingLine(points: Points, referenceX: number): Line {
  const valueAt = (line: Line) => line.intercept + line.slope * referenceX;
  return paretoLines(points).reduce((best, line) => (valueAt(line) < valueAt(best) ? line : best));
}

function maxViolation({ x, c }: Points, line: Line): number {
  let worst = -Infinity;
  for (let i = 0; i < x.length; i++) worst = Math.max(worst, c[i] - (line.intercept + line.slope * x[i]));
  return worst;
}

/**
 * K_rho*(K0) = max_i (curvature_i - K0)_+ / gap_i^rho, the smallest Krho valid on every pair for
 * this K0 (warmup-rho-k0-krho.md §2.1); Infinity when a pair with gap 0 has curvature > K0.
 */
export function smallestKrhoForK0(pairs: readonly CurvaturePair[], rho: number, K0: number): number {
  requirePositive('rho', rho);
  requireNonNegative('K0', K0);
  const { gap, curvature } = readPairs(pairs);
  let smallest = 0;
  for (let i = 0; i < gap.length; i++) {
    const excess = curvature[i] - K0;
    if (excess > 0) smallest = Math.max(smallest, gap[i] === 0 ? Infinity : excess / gap[i] ** rho);
  }
  return smallest;
}

/**
 * max_i (curvature_i - H0)_+ / gap_i, the smallest H1 valid on every pair for this H0
 * (warmup-h0h1.md §6); Infinity when a pair with gap 0 has curvature > H0.
 */
export function smallestH1ForH0(pairs: readonly CurvaturePair[], H0: number): number {
  return smallestKrhoForK0(pairs, 1, H0);
}

/**
 * The Pareto frontier of the (H0, H1) pairs valid on every pair, by increasing H0 (decreasing H1):
 * its vertices, joined by segments. It runs from the smallest valid H0 (the largest curvature at
 * gap 0, or 0) with its smallest H1, to H0 = max curvature with H1 = 0.
 */
export function h0h1Frontier(pairs: readonly CurvaturePair[]): H0H1[] {
  const { gap, curvature } = readPairs(pairs);
  return paretoLines({ x: gap, c: curvature }).map((line) => ({ H0: line.intercept, H1: line.slope }));
}

function fitOnPower(
  pairs: readonly CurvaturePair[],
  rho: number,
  options: EnvelopeFitOptions,
): { K0: number; Krho: number } & EnvelopeFitReport {
  const { gap, curvature } = readPairs(pairs);
  const referenceGap =
    options.referenceGap === undefined
      ? geometricMeanOfPositive(gap)
      : requireNonNegative('referenceGap', options.referenceGap);
  const points = { x: powerOf(gap, rho), c: curvature };
  const line = supportingLine(points, referenceGap ** rho);
  return {
    K0: line.intercept,
    Krho: line.slope,
    referenceGap,
    pairsUsed: gap.length,
    maxViolation: maxViolation(points, line),
  };
}

/**
 * The (H0, H1) >= 0 valid on every pair that minimises H0 + H1 * referenceGap: the supporting line
 * of the upper hull of the points (gap_i, curvature_i) at referenceGap.
 */
export function fitH0H1Envelope(pairs: readonly CurvaturePair[], options: EnvelopeFitOptions = {}): H0H1Fit {
  const { K0, Krho, ...report } = fitOnPower(pairs, 1, options);
  return { H0: K0, H1: Krho, ...report };
}

/**
 * C11's empirical rho: the least-squares slope of log curvature on log gap over the upper half of
 * the gaps (the high-loss phase, where a power law Krho gap^rho dominates K0), among the pairs with
 * gap > 0 and curvature > 0, clipped below at MIN_ESTIMATED_RHO.
 */
export function estimateRho(pairs: readonly CurvaturePair[]): number {
  const { gap, curvature } = readPairs(pairs);
  const logPoints: { x: number; y: number }[] = [];
  for (let i = 0; i < gap.length; i++) {
    if (gap[i] > 0 && curvature[i] > 0) logPoints.push({ x: Math.log(gap[i]), y: Math.log(curvature[i]) });
  }
  logPoints.sort((p, q) => p.x - q.x);
  const upper = logPoints.slice(Math.floor(logPoints.length / 2));
  const meanX = upper.reduce((s, p) => s + p.x, 0) / upper.length;
  const meanY = upper.reduce((s, p) => s + p.y, 0) / upper.length;
  let sxy = 0;
  let sxx = 0;
  for (const p of upper) {
    sxy += (p.x - meanX) * (p.y - meanY);
    sxx += (p.x - meanX) ** 2;
  }
  if (!(sxx > 0)) {
    throw new InputError(
      'rho cannot be estimated: the upper half of the pairs with gap > 0 and curvature > 0 needs two distinct gaps; pass rho',
    );
  }
  return Math.max(MIN_ESTIMATED_RHO, sxy / sxx);
}

/**
 * The (K0, Krho) >= 0 valid on every pair that minimise K0 + Krho * referenceGap^rho, for the given
 * rho or for `estimateRho(pairs)`: the (H0, H1) fit on the abscissa gap^rho.
 */
export function fitRhoEnvelope(pairs: readonly CurvaturePair[], options: RhoFitOptions = {}): RhoFit {
  const rhoEstimated = options.rho === undefined;
  const rho = options.rho === undefined ? estimateRho(pairs) : requirePositive('rho', options.rho);
  return { rho, rhoEstimated, ...fitOnPower(pairs, rho, options) };
}
