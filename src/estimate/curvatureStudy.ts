/**
 * The curvature-against-suboptimality study: along a full-batch GD run with a small constant step,
 * the pairs (f(x_t) - f*, ||Hess f(x_t)||), the smallest (H0,H1) and (rho,K0,Krho) envelopes valid
 * on every pair, and a verdict on whether a linear envelope describes them (warmup-h0h1.md §5(a)
 * and CS10, warmup-rho-k0-krho.md §5 item 1 and C11). `curvatureStudy` runs it on any problem;
 * `mlpCurvatureStudy` on a seeded small MLP (tanh / ReLU / leaky ReLU, MSE / cross-entropy, with
 * or without L2), whose f* is unknown.
 *
 * This module owns the choices the study makes, each documented where it is made:
 * - where the pairs are read: at iterations spaced geometrically over the run (`pairIterations`),
 *   so that the fast early phase and the slow late phase are both sampled;
 * - the reference value f* (`ReferenceRule`): the problem's own f* (exact, or for an MLP without
 *   L2 the infimum 0 of a net that fits its data), else the smallest loss of the run minus a margin;
 * - the exponent rho: the one whose smallest valid envelope is tightest on the pairs
 *   (`tightestExponent`), besides C11's log-log slope (`estimateRho`);
 * - the verdict (`EnvelopeVerdict`, `classifyEnvelope`): flat, linear or another power law.
 *
 * Deterministic: the same problem, start and options give the same pairs and the same fits.
 */
import { run } from '../gd/run.js';
import type { StopReason } from '../gd/trajectory.js';
import { hessianSpectralNorm } from '../linalg/spectral.js';
import { mlp, mlpInitialWeights, type MlpActivation, type MlpProblem } from '../problems/mlp.js';
import type { Problem } from '../problems/problem.js';
import { constant } from '../schedules/basic.js';
import { InputError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import { requireDimension, requireInRange, requireInteger, requireNonNegative, requirePositive } from '../util/validate.js';
import { estimateRho, fitH0H1Envelope, fitRhoEnvelope, type CurvaturePair, type H0H1Fit, type RhoFit } from './envelope.js';

/**
 * How the study fixes f*:
 * - `problem`: the problem's fStar: exact for families that know it (the cosh, a quadratic); for an
 *   MLP the lower bound 0, which is inf f when the net can fit its data (MSE) or separate it
 *   (cross-entropy, approached but never attained) without L2: the convention of Liu et al.'s
 *   Figure 1 ("f* = 0 is used", warmup-rho-k0-krho.md §5);
 * - `minimumSeen`: max(fStar, f_min - margin), f_min the smallest loss of the run and
 *   margin = marginFraction * (f(x_0) - f_min): for an MLP with L2, whose f* > 0 is unknown, f_min
 *   is the best upper bound on it the run gives; the margin stands for the descent still to come
 *   after the run and keeps every gap positive, so that every pair has a place on log axes.
 */
export type ReferenceRule = { readonly kind: 'problem' } | { readonly kind: 'minimumSeen'; readonly marginFraction: number };

/** `minimumSeen` with a margin of 1% of the run's decrease. */
export const MINIMUM_SEEN_REFERENCE: ReferenceRule = { kind: 'minimumSeen', marginFraction: 0.01 };

export interface CurvatureStudyOptions {
  /** The constant GD step. */
  readonly step: number;
  /** T: the number of GD steps. */
  readonly steps: number;
  /** About this many pairs are read, at iterations spaced geometrically in [0, T]; default 120. */
  readonly pairCount?: number;
  readonly reference: ReferenceRule;
}

/** The reference f* the gaps are measured from, and how it was obtained. */
export interface ReferenceValue {
  readonly value: number;
  readonly rule: ReferenceRule;
  /** How, in words, for tables and figures: `the problem's f*` or `min f − 1% of (f(x₀) − min f)`. */
  readonly description: string;
}

/**
 * The verdict on the pairs, from the tightest power-law envelope b (`tightestExponent`) and the
 * linear one:
 * - `flat`: b rises by less than the factor FLAT_RISE from the smallest to the largest gap: along
 *   this run the curvature is bounded by a near-constant (L-smoothness), the gap explains little;
 * - `linear`: otherwise, when the median slack of the (H0,H1) envelope (`envelopeSlack`) exceeds
 *   that of b by at most LINEAR_SLACK_TOLERANCE: a linear envelope describes the pairs about as
 *   well as any exponent does;
 * - `power law`: an exponent rho != 1 describes them clearly better than rho = 1.
 */
export type EnvelopeVerdict = 'flat' | 'linear' | 'power law';

/** The tightest envelope must rise by at least this factor over the gaps of the run not to be `flat`. */
export const FLAT_RISE = 1.5;

/** A linear envelope whose median slack exceeds the tightest power law's by at most this is adequate. */
export const LINEAR_SLACK_TOLERANCE = 0.05;

/**
 * The exponents tried for the tightest envelope: k/60 for k = 1 ... 180, i.e. (0, 3] in steps of
 * 1/60, which holds 1 and the exponents (p - 2)/p of the monomials |x|^p with p = 3, 4, 5, 6, 12
 * (1/3, 1/2, 3/5, 2/3, 5/6), in the order they are tried: nearest to 1 first, so that among
 * envelopes of equal slack (a flat one, Krho = 0, fits every exponent) the linear one wins.
 */
export const EXPONENT_GRID: readonly number[] = Array.from({ length: 180 }, (_, i) => (i + 1) / 60).sort(
  (a, b) => Math.abs(a - 1) - Math.abs(b - 1) || a - b,
);

export interface CurvatureStudy {
  /** The iterations t at which the pairs were read, increasing. */
  readonly iterations: readonly number[];
  /** (f(x_t) - f*, ||Hess f(x_t)||) at those iterations, f* the reference value. */
  readonly pairs: readonly CurvaturePair[];
  /** f(x_t) - fStar of the problem at every step of the run (the loss curve). */
  readonly losses: Float64Array;
  readonly reference: ReferenceValue;
  /** The GD step and how the run ended (its budget, or an exactly stationary point). */
  readonly step: number;
  readonly stop: StopReason;
  /** The (H0,H1) envelope valid on every pair (fitH0H1Envelope, default reference gap). */
  readonly linear: H0H1Fit;
  /** The (rho,K0,Krho) envelope valid on every pair at the tightest exponent. */
  readonly power: RhoFit;
  /** C11's empirical rho: the log-log slope of curvature on gap over the upper half of the gaps. */
  readonly logLogSlope: number;
  /** Median slack of the linear envelope over the pairs (`envelopeSlack`). */
  readonly linearSlack: number;
  /** Median slack of the power envelope over the pairs. */
  readonly powerSlack: number;
  /** b(largest gap) / b(smallest gap) for the power envelope b: how much the gap term matters. */
  readonly rise: number;
  readonly verdict: EnvelopeVerdict;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * The slack of an envelope b(gap) on the pairs: the median over the pairs of 1 - curvature / b(gap),
 * in [0, 1] for a valid envelope (0: every pair on it). Pairs where b = 0 (and so curvature = 0)
 * count as on it.
 */
export function envelopeSlack(pairs: readonly CurvaturePair[], bound: (gap: number) => number): number {
  return median(
    pairs.map(({ gap, curvature }) => {
      const b = bound(gap);
      return b > 0 ? 1 - curvature / b : 0;
    }),
  );
}

/** The envelope K0 + Krho gap^rho of a fit, as a function of the gap. */
export const powerEnvelope =
  ({ rho, K0, Krho }: Pick<RhoFit, 'rho' | 'K0' | 'Krho'>) =>
  (gap: number): number =>
    K0 + Krho * gap ** rho;

/**
 * The (rho,K0,Krho) envelope whose median slack is least over EXPONENT_GRID (the first of equal
 * ones in its order, nearest to 1): the exponent that describes the pairs best among the valid
 * envelopes, each fitted by `fitRhoEnvelope` at its default reference gap.
 */
export function tightestExponent(pairs: readonly CurvaturePair[]): { fit: RhoFit; slack: number } {
  let best: { fit: RhoFit; slack: number } | undefined;
  for (const rho of EXPONENT_GRID) {
    const fit = fitRhoEnvelope(pairs, { rho });
    const slack = envelopeSlack(pairs, powerEnvelope(fit));
    if (!best || slack < best.slack) best = { fit, slack };
  }
  return best!;
}

/** The verdict of `EnvelopeVerdict` from the rise of the tightest envelope and the two slacks. */
export function classifyEnvelope({ rise, linearSlack, powerSlack }: Pick<CurvatureStudy, 'rise' | 'linearSlack' | 'powerSlack'>): EnvelopeVerdict {
  if (!(rise >= FLAT_RISE)) return 'flat';
  return linearSlack <= powerSlack + LINEAR_SLACK_TOLERANCE ? 'linear' : 'power law';
}

/**
 * About `count` iterations in [0, last], spaced geometrically (t + 1 = (last + 1)^(k/(count - 1))),
 * rounded and deduplicated; 0 and `last` are always included.
 */
export function pairIterations(last: number, count: number): number[] {
  requireInteger('last', last, 0);
  requireInteger('count', count, 2);
  const iterations = new Set<number>([0, last]);
  for (let k = 1; k < count - 1; k++) iterations.add(Math.round((last + 1) ** (k / (count - 1))) - 1);
  return [...iterations].sort((a, b) => a - b);
}

function referenceValue(problem: Problem, losses: Float64Array, rule: ReferenceRule): ReferenceValue {
  if (rule.kind === 'problem') return { value: problem.fStar, rule, description: "the problem's f*" };
  const fraction = requireInRange('marginFraction', rule.marginFraction, 0, 1);
  const lowest = losses.reduce((m, g) => Math.min(m, g), Infinity);
  const margin = fraction * (losses[0] - lowest);
  return {
    value: problem.fStar + Math.max(0, lowest - margin),
    rule,
    description: `min f − ${fraction * 100}% of (f(x₀) − min f)`,
  };
}

/**
 * The run in segments between the iterations at which pairs are read (a constant step does not
 * depend on t, so the segments continue one run): the iterates there and the gap f - fStar at
 * every step, without keeping every iterate. Ends early at an exactly stationary point; a
 * divergence is an InputError (the step is too large for the study).
 */
function runThrough(problem: Problem, x0: ArrayLike<number>, step: number, iterations: readonly number[]) {
  const schedule = constant(step);
  const points: Float64Array[] = [Float64Array.from(x0)];
  const losses: number[] = [];
  let stop: StopReason = 'budget';
  for (let k = 1; k < iterations.length && stop === 'budget'; k++) {
    const segment = run(problem, schedule, points[k - 1], { maxSteps: iterations[k] - iterations[k - 1] });
    if (segment.stop === 'diverged') {
      throw new InputError(`step ${step} is too large for ${problem.name}: the run diverged after t = ${iterations[k - 1]}`);
    }
    stop = segment.stop;
    // A segment's last gap is the next one's first, except after the last segment.
    const ends = k === iterations.length - 1 || stop !== 'budget';
    losses.push(...segment.gap.subarray(0, ends ? segment.steps + 1 : segment.steps));
    if (stop === 'budget') points.push(segment.xFinal);
  }
  return { points, losses: Float64Array.from(losses), stop };
}

/**
 * GD with the constant `step` from x0 for T steps; the pairs (gap, ||Hess f||) at `pairIterations`
 * (the exact Hessian norm, linalg/spectral's hessianSpectralNorm), the gap measured from the
 * reference f*; the linear envelope, the tightest power-law envelope, C11's log-log slope, and the
 * verdict. A run that stops at an exactly stationary point keeps the pairs read before it.
 */
export function curvatureStudy(problem: Problem, x0: ArrayLike<number>, options: CurvatureStudyOptions): CurvatureStudy {
  const step = requirePositive('step', options.step);
  const planned = pairIterations(requireDimension('steps', options.steps), requireInteger('pairCount', options.pairCount ?? 120, 2));
  const { points, losses, stop } = runThrough(problem, x0, step, planned);
  const iterations = planned.slice(0, points.length);
  const reference = referenceValue(problem, losses, options.reference);
  // The losses are f - fStar; the gaps are measured from the reference instead.
  const shift = problem.fStar - reference.value;
  const pairs = points.map((x, k) => ({
    gap: Math.max(0, losses[iterations[k]] + shift),
    curvature: hessianSpectralNorm(problem, x),
  }));
  const linear = fitH0H1Envelope(pairs);
  const { fit: power, slack: powerSlack } = tightestExponent(pairs);
  const linearSlack = envelopeSlack(pairs, (gap) => linear.H0 + linear.H1 * gap);
  const gaps = pairs.map((p) => p.gap);
  const envelope = powerEnvelope(power);
  const rise = envelope(Math.max(...gaps)) / envelope(Math.min(...gaps));
  return {
    iterations,
    pairs,
    losses,
    reference,
    step,
    stop,
    linear,
    power,
    logLogSlope: estimateRho(pairs),
    linearSlack,
    powerSlack,
    rise,
    verdict: classifyEnvelope({ rise, linearSlack, powerSlack }),
  };
}

/** One MLP configuration of the study: the grid is activation x loss x (l2 = 0 or not). */
export interface MlpStudyConfig {
  readonly activation: MlpActivation;
  readonly loss: 'mse' | 'crossEntropy';
  /** Weight of (l2 / 2) ||W||^2. */
  readonly l2: number;
  /** Seeds the data set, then the initial weights. */
  readonly seed: number;
  /** Hidden widths; default [6]. */
  readonly hidden?: readonly number[];
  /** Input dimension; default 3. */
  readonly inputDim?: number;
  /** Number of samples N; default 12. */
  readonly samples?: number;
  /** Scale of the fan-in initialisation (mlpInitialWeights); default 1.5. */
  readonly initScale?: number;
  /** The step as a fraction of 1 / ||Hess f(x_0)||; default 0.5. */
  readonly stepFraction?: number;
  /** T; default 20000. */
  readonly steps?: number;
  /** About this many pairs (curvatureStudy's pairCount); default 120. */
  readonly pairCount?: number;
  /** Default: `problem` (f* = 0) without L2, MINIMUM_SEEN_REFERENCE with L2 (see ReferenceRule). */
  readonly reference?: ReferenceRule;
}

export interface MlpCurvatureStudy extends CurvatureStudy {
  readonly config: MlpStudyConfig;
  readonly problem: MlpProblem;
  readonly x0: Float64Array;
}

/** Width of the tanh teacher that generates the MSE targets. */
const TEACHER_WIDTH = 3;

/**
 * The seeded data set of a configuration: X (inputDim x N) with N(0, 1) entries; for MSE, scalar
 * targets from a random tanh teacher v^T tanh(U x) plus N(0, 0.1^2) noise; for cross-entropy, two
 * classes from the sign of a random linear rule plus N(0, 0.3^2) noise (a few labels flipped near
 * the boundary, so the data need not be separable by every net).
 */
function studyData(config: MlpStudyConfig, rng: Rng): { X: Float64Array[]; mse: Float64Array[]; labels: number[] } {
  const inputDim = requireDimension('inputDim', config.inputDim ?? 3);
  const samples = requireInteger('samples', config.samples ?? 12, 2);
  const X = Array.from({ length: inputDim }, () => rng.normalVector(samples));
  const column = (j: number) => X.map((row) => row[j]);
  const U = Array.from({ length: TEACHER_WIDTH }, () => rng.normalVector(inputDim));
  const v = rng.normalVector(TEACHER_WIDTH);
  const rule = rng.normalVector(inputDim);
  const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((s, ai, i) => s + ai * b[i], 0);
  const targets = Float64Array.from({ length: samples }, (_, j) =>
    U.reduce((s, u, k) => s + v[k] * Math.tanh(dot(u, column(j))), 0) + 0.1 * rng.normal(),
  );
  const labels = Array.from({ length: samples }, (_, j) => (dot(rule, column(j)) + 0.3 * rng.normal() > 0 ? 1 : 0));
  return { X, mse: [targets], labels };
}

/** The problem of a configuration: an MLP on its seeded data set. */
function studyMlp(config: MlpStudyConfig, rng: Rng): MlpProblem {
  const { X, mse, labels } = studyData(config, rng);
  const common = { X, hidden: config.hidden ?? [6], activation: config.activation, l2: requireNonNegative('l2', config.l2) };
  return config.loss === 'mse' ? mlp({ ...common, loss: 'mse', Y: mse }) : mlp({ ...common, loss: 'crossEntropy', Y: labels, classes: 2 });
}

/**
 * The study on one MLP configuration: its seeded data set and initial weights (fan-in scaling,
 * `initScale`), full-batch GD with the step stepFraction / ||Hess f(x_0)|| for T steps, f* by the
 * reference rule (by default 0 without L2, the minimum loss seen minus 1% of the decrease with L2).
 */
export function mlpCurvatureStudy(config: MlpStudyConfig): MlpCurvatureStudy {
  const rng = new Rng(requireInteger('seed', config.seed));
  const problem = studyMlp(config, rng);
  const x0 = mlpInitialWeights(problem, rng.integer(0, 2 ** 31 - 1), requirePositive('initScale', config.initScale ?? 1.5));
  const stepFraction = requireInRange('stepFraction', config.stepFraction ?? 0.5, Number.MIN_VALUE, 2);
  const study = curvatureStudy(problem, x0, {
    step: stepFraction / hessianSpectralNorm(problem, x0),
    steps: config.steps ?? 20_000,
    ...(config.pairCount === undefined ? {} : { pairCount: config.pairCount }),
    reference: config.reference ?? (config.l2 === 0 ? { kind: 'problem' } : MINIMUM_SEEN_REFERENCE),
  });
  return { ...study, config, problem, x0 };
}
