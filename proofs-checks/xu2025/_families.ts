/**
 * What the Xu et al. (2025) claims share (local-pl-linear-nets.md): two-layer linear nets
 * f(W1, W2) = 1/2 ||W2 W1 X - Y||_F^2 on seeded Gaussian data, at seeded Gaussian weights; GD on
 * them with the adaptive step eta_t K_t(eta_t) = c; and the measure that reads such a run step by
 * step, reporting the largest normalized violation.
 *
 * Sizes: m, n <= 3 outputs and inputs, h <= 6 hidden units, N <= 8 samples (N < n gives a
 * rank-deficient X X^T, where mu must be the smallest *nonzero* eigenvalue). The loss constants
 * K = lambda_max(X X^T) and mu = smallest nonzero eigenvalue of X X^T are exact (squaredLoss, from
 * an SVD of X); f* = l* whenever h >= min(m, n) (linearNetWithLoss), with a cancellation-free gap.
 */
import { adaptiveStep, endToEnd, kthSingularValue, type TwoLayerWeights } from '../../bounds/xu2025.js';
import {
  family,
  formatNumber,
  integer,
  logUniform,
  mapFamily,
  Rng,
  schedule,
  twoLayerLinearNet,
  uniform,
  type Family,
  type FiniteSumLinearNetProblem,
  type Hypothesis,
  type Instance,
  type Measure,
  type Params,
  type Schedule,
  type TrajectorySummary,
} from '../../src/index.js';

/** A two-layer net and a point x0 = (W1, W2) of it, with the loss's exact constants. */
export interface TwoLayerPoint extends Instance {
  readonly problem: FiniteSumLinearNetProblem;
  readonly x0: Float64Array;
  readonly n: number;
  readonly h: number;
  readonly m: number;
  /** K = lambda_max(X X^T): the smoothness of l (exact). */
  readonly K: number;
  /** mu = the smallest nonzero eigenvalue of X X^T: the PL constant of l (exact). */
  readonly mu: number;
}

/** A GD run on a two-layer net: a point, a step-size rule and a horizon. */
export interface TwoLayerRun extends TwoLayerPoint {
  readonly schedule: Schedule;
  readonly horizon: number;
}

/** W1 (h x n) and W2 (m x h) of the packed x = (W1, W2): views, no copy. */
export function weightsAt(point: Pick<TwoLayerPoint, 'n' | 'h' | 'm'>, x: Float64Array): TwoLayerWeights {
  const { n, h, m } = point;
  return { W1: x.subarray(0, h * n), W2: x.subarray(h * n, h * n + m * h), n, h, m };
}

/** ||W1||_F^2 + ||W2||_F^2: the size of the imbalance D = W1 W1^T - W2^T W2 and of its rounding. */
export function imbalanceScale({ W1, W2 }: TwoLayerWeights): number {
  let sum = 0;
  for (const w of W1) sum += w * w;
  for (const w of W2) sum += w * w;
  return sum;
}

/** G = grad l(W2 W1) (m x n) at x. */
export function lossGradientAt(point: Pick<TwoLayerPoint, 'problem' | 'n' | 'h' | 'm'>, x: Float64Array): Float64Array {
  const G = new Float64Array(point.m * point.n);
  point.problem.loss.grad(endToEnd(weightsAt(point, x)), G);
  return G;
}

const gaussianRows = (rng: Rng, rows: number, cols: number): Float64Array[] => Array.from({ length: rows }, () => rng.normalVector(cols));

/**
 * Two-layer nets with X (n x N) and Y (m x N) N(0, 1) from `seed`, at W1 = scale1 N(0, 1) and
 * W2 = scale2 N(0, 1) drawn next from the same stream. m = n = h = N = 1 is the scalar
 * f = 1/2 (w1 w2 x - y)^2 of the digest's unit test.
 */
export const twoLayerPoints = family<TwoLayerPoint>({
  name: 'twoLayerLinearNet(m, n, h, N, seed) at W1 = scale1 N(0,1), W2 = scale2 N(0,1)',
  box: {
    m: integer(1, 3),
    n: integer(1, 3),
    h: integer(1, 6),
    N: integer(1, 8),
    seed: integer(0, 1_000_000),
    scale1: logUniform(0.05, 3),
    scale2: logUniform(0.05, 3),
  },
  instance: ({ m, n, h, N, seed, scale1, scale2 }) => {
    const rng = new Rng(seed);
    const X = gaussianRows(rng, n, N);
    const Y = gaussianRows(rng, m, N);
    const problem = twoLayerLinearNet({ X, Y, hidden: h });
    const x0 = Float64Array.from([...rng.normalVector(h * n, scale1), ...rng.normalVector(m * h, scale2)]);
    const { L, mu } = problem.loss.constants;
    return { problem, x0, n, h, m, K: L!.value, mu: mu!.value };
  },
});

/** A point and the layer a statement about one layer is checked on. */
export interface LayerPoint extends TwoLayerPoint {
  /** 1: a statement about sigma_n(W1); 2: about sigma_m(W2). */
  readonly layer: number;
}

/** `twoLayerPoints` with the layer to check, 1 or 2. */
export const layerPoints: Family<LayerPoint> = mapFamily(
  twoLayerPoints,
  `${twoLayerPoints.name}, layer`,
  (point, { layer }: Params): LayerPoint => ({ ...point, layer }),
  { layer: integer(1, 2) },
);

/** sigma_n^2(W1) (layer 1) or sigma_m^2(W2) (layer 2) at x0: the two terms of mu(W) / mu. */
export function layerSquaredSingularValue(point: LayerPoint): number {
  const { W1, W2, n, h, m } = weightsAt(point, point.x0);
  return (point.layer === 1 ? kthSingularValue(W1, h, n, n) : kthSingularValue(W2, m, h, m)) ** 2;
}

/**
 * GD with the adaptive step of level c: eta_t solves eta K_t(eta) = c (adaptiveStep, digest §3.5),
 * so eta_t K_t(eta_t) = c at every step; c = 1 is the digest's rule. The rule reads only the state
 * at x_t, never t.
 */
export function adaptiveSchedule(point: Pick<TwoLayerPoint, 'problem' | 'n' | 'h' | 'm' | 'K'>, level: number): Schedule {
  return schedule(`adaptive(eta K_t(eta) = ${formatNumber(level)})`, (_t, state) =>
    adaptiveStep({ K: point.K, weights: weightsAt(point, state.x), G: lossGradientAt(point, state.x), level }),
  );
}

/** `twoLayerPoints` run for T steps of GD with the level-c adaptive step, c in `level`. */
export function adaptiveRuns(level: { min: number; max: number }, horizon: { min: number; max: number }): Family<TwoLayerRun> {
  return mapFamily(
    twoLayerPoints,
    `${twoLayerPoints.name}, T steps of GD with eta_t K_t(eta_t) = c`,
    (point, { c, T }: Params): TwoLayerRun => ({ ...point, schedule: adaptiveSchedule(point, c), horizon: T }),
    { c: uniform(level.min, level.max), T: integer(horizon.min, horizon.max) },
  );
}

/** h >= min(m, n): then f* = l* (the bottleneck does not bind), as the local PL inequality needs. */
export const lossMinimumReachable: Hypothesis<TwoLayerPoint> = {
  name: 'h >= min(m, n) (f* = l*)',
  holds: ({ n, h, m }) => h >= Math.min(m, n),
};

/** The GD step from x_t to x_{t+1} with what the runner recorded. */
export interface Step {
  /** x_t. */
  readonly x: Float64Array;
  /** f(x_t) - f*. */
  readonly gap: number;
  /** ||grad f(x_t)||_F. */
  readonly gradNorm: number;
  /** x_{t+1}. */
  readonly next: Float64Array;
  /** f(x_{t+1}) - f*. */
  readonly nextGap: number;
  readonly eta: number;
}

/**
 * The floor of the scale of statements on gaps, relative to 1 + |f_t|. Near a minimizer the gap
 * and the gradient computed from float64 weights lose digits (P = W2 W1 is rounded to about
 * eps ||P||, large against P - P*), so the digest (§5) advises scaling such checks by 1 + |f|, not
 * by the gap. With this floor float64 rounding stays below the 1e-9 tolerance.
 */
const GAP_RESOLUTION = 1e-6;

/**
 * (value - bound) / (f_t - f* + GAP_RESOLUTION (1 + |f_t|)) for a statement `value <= bound` on
 * gaps at step t: the excess as a fraction of the current gap, floored where float64 gaps cannot
 * resolve it.
 */
export function excessOverGap(value: number, bound: number, step: Step, fStar: number): number {
  return (value - bound) / (step.gap + GAP_RESOLUTION * (1 + Math.abs(step.gap + fStar)));
}

/**
 * max over the steps t < T of the instance's run of `violation(step t)`, for one-step statements.
 * Each step is run on its own from x_t (one step of `context.run`), so that a certification replay
 * computes every step and both gaps in high precision (the replay keeps no iterates); x_{t+1} is
 * then rounded to float64 before the next step, which a per-step statement allows. Certification
 * `replay`. A run stopped at an exactly stationary point ends the measure there.
 */
export function maxOverSteps<I extends TwoLayerRun>(label: string, violation: (step: Step, instance: I) => number): Measure<I> {
  return {
    label,
    certification: 'replay',
    evaluate(instance, context) {
      let x: Float64Array = Float64Array.from(instance.x0);
      const gaps: number[] = [];
      const gradNorms: number[] = [];
      const steps: number[] = [];
      let worst = -Infinity;
      let stop: TrajectorySummary['stop'] = 'budget';
      for (let t = 0; t < instance.horizon; t++) {
        const one = context.run(instance.problem, instance.schedule, x, { maxSteps: 1 });
        if (t === 0) gaps.push(one.gap[0]);
        if (one.steps === 0 || one.stop === 'diverged') {
          stop = one.stop;
          break;
        }
        gaps.push(one.gap[1]);
        gradNorms.push(one.gradNorm[0]);
        steps.push(one.stepSize[0]);
        const step = { x, next: one.xFinal, gap: one.gap[0], nextGap: one.gap[1], gradNorm: one.gradNorm[0], eta: one.stepSize[0] };
        worst = Math.max(worst, violation(step, instance));
        x = one.xFinal;
      }
      const summary: TrajectorySummary = {
        steps: steps.length,
        stop,
        initialGap: gaps[0],
        finalGap: gaps[gaps.length - 1],
        minGradNorm: Math.min(...gradNorms),
        firstStepSize: steps.length > 0 ? steps[0] : null,
        lastStepSize: steps.length > 0 ? steps[steps.length - 1] : null,
      };
      if (stop === 'diverged') return { value: Infinity, diverged: true, trajectory: summary };
      return { value: worst, trajectory: summary };
    },
  };
}
