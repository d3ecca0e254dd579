/**
 * Statistical claims: measures over seeded repetitions of a stochastic run (SGD with a seeded
 * gradient oracle). Each repetition r runs the instance's schedule from its x0 for T steps with the
 * oracle `instance.oracle(seed_r)` (seed_r the r-th integer drawn from Rng(seed)), and reduces its trajectory to one number (f(x_T) - f*,
 * min_t ||grad f(x_t)||^2, ...). Three statements read the sample:
 *
 * - an expectation, E[X] <= rhs (or >= rhs): `expectation`, `expectedGapAt`, `expectedMinGradNormSquared`;
 * - a high-probability statement, P(X <= rhs) >= 1 - delta: `quantile`, `gapWithProbability`, read
 *   as "the (1 - delta)-quantile of X is at most rhs", which is the same statement;
 * - a minimum over iterations in expectation, E[min_t ||grad f(x_t)||^2]: `expectedMinGradNormSquared`.
 *
 * The value a measure gives is not the sample estimate but a one-sided confidence bound on the side
 * that makes a violation significant: a lower bound when the claim is an upper bound, an upper bound
 * when it is a lower bound. Its level is the stated confidence (default 95%) corrected by Bonferroni
 * over `comparisons` instances (default 1000, the default search budget): each instance uses
 * alpha / comparisons, so that over a search of that many instances a true bound is reported
 * violated with probability at most alpha. The margin therefore already carries the sampling error,
 * and the measure is certified `statistical` (no replay); a violation found by a search of more
 * instances than `comparisons` (budget 10000, say) is certified only when it stays significant with
 * the correction over the instances that search may test (`correctionAt`, src/search/certify.ts).
 * The expectation's bound is Student's t (asymptotic in the sample size: the t statistic is skewed
 * for skewed X; for the non-negative, right-skewed X of an upper claim its upper tail is lighter than t's, so the lower bound is
 * conservative); the quantile's bound is an order statistic with an exact binomial level
 * (distribution-free). The value's `statistics` records the level, the repetitions, the interval and
 * the correction, and the label states them.
 *
 * Same seed, same bytes: the repetitions' seeds are fixed by the settings, the same at every instance.
 */
import jStat from 'jstat';
import { run, type GradientOracle } from '../gd/run.js';
import { minGradNorm as trajectoryMinGradNorm, type Trajectory } from '../gd/trajectory.js';
import { InputError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import { requireInteger } from '../util/validate.js';
import type { ClaimKind } from './claim.js';
import type { Instance } from './family.js';
import { summarize, type Measure, type MeasureContext, type MeasureValue } from './measures.js';

/** An instance of a stochastic statement: a run (x0, schedule, horizon) and a seeded oracle per repetition. */
export interface StochasticInstance extends Instance {
  /** A fresh stochastic gradient oracle with its own random stream, seeded by `seed`. */
  oracle(seed: number): GradientOracle;
}

/** The confidence of a search as a whole and the number of instances it looks at. */
export interface Significance {
  /** The confidence of the search as a whole, 1 - alpha (default 0.95). */
  readonly level?: number;
  /** Bonferroni count: the number of instances the search looks at (default 1000, the default budget). */
  readonly comparisons?: number;
}

export interface RepetitionSettings extends Significance {
  /** n: seeded repetitions per instance. */
  readonly repetitions: number;
  /** Seeds the repetitions: repetition r's oracle gets the r-th integer drawn from Rng(seed). */
  readonly seed: number;
}

/** What a statistical measure's value carries about its sample. */
export interface SampleStatistics {
  readonly repetitions: number;
  /** The stated confidence 1 - alpha of the whole search. */
  readonly level: number;
  /** The Bonferroni count; each instance is bounded at 1 - alpha / comparisons. */
  readonly comparisons: number;
  readonly perInstanceLevel: number;
  /** The sample mean (expectation) or the sample quantile (quantile statements). */
  readonly estimate: number;
  readonly standardDeviation: number;
  /** The one-sided interval the value bounds: [value, +Infinity) for upper claims, (-Infinity, value] for lower ones. */
  readonly interval: readonly [number, number];
  readonly method: string;
}

export const DEFAULT_LEVEL = 0.95;
export const DEFAULT_COMPARISONS = 1000;

/** A `Significance` with its defaults filled in, and the level of each instance. */
export interface Bonferroni {
  readonly level: number;
  readonly comparisons: number;
  /** alpha / comparisons: each instance is bounded at 1 - alpha / comparisons. */
  readonly alpha: number;
}

/** The Bonferroni correction of a search's confidence: alpha = 1 - level spread over `comparisons` instances. */
export function bonferroni(significance: Significance): Bonferroni {
  const level = significance.level ?? DEFAULT_LEVEL;
  if (!(level > 0 && level < 1)) throw new InputError(`level must be in (0, 1), got ${level}`);
  const comparisons = requireInteger('comparisons', significance.comparisons ?? DEFAULT_COMPARISONS, 1);
  return { level, comparisons, alpha: (1 - level) / comparisons };
}

/**
 * The correction a statistical measure applies at an evaluation: its own, or, when certifying a
 * violation that the search picked out of more instances than that (`context.comparisons`), the
 * correction over all of them. Every statistical measure evaluates through it.
 */
export function correctionAt<S extends Bonferroni>(s: S, context: Pick<MeasureContext, 'comparisons'>): S {
  const searched = context.comparisons;
  return searched !== undefined && searched > s.comparisons ? { ...s, comparisons: searched, alpha: (1 - s.level) / searched } : s;
}

interface CheckedSettings extends Bonferroni {
  readonly repetitions: number;
  readonly seed: number;
}

function checkedSettings(settings: RepetitionSettings, minimum: number): CheckedSettings {
  const repetitions = requireInteger('repetitions', settings.repetitions, minimum);
  const seed = requireInteger('seed', settings.seed);
  return { repetitions, seed, ...bonferroni(settings) };
}

function describeLevel(s: CheckedSettings): string {
  return `n = ${s.repetitions} seeded runs, ${100 * s.level}% one-sided, Bonferroni over ${s.comparisons} instances`;
}

/** The per-repetition values of `read` over the instance's seeded runs; `undefined` when a run diverged. */
function sample<I extends StochasticInstance>(
  instance: I,
  s: CheckedSettings,
  steps: number | undefined,
  read: (trajectory: Trajectory, instance: I) => number,
  label: string,
): { values: Float64Array; last: Trajectory } | { diverged: Trajectory } {
  const { schedule, x0 } = instance;
  const horizon = steps ?? instance.horizon;
  if (!schedule || !x0 || horizon === undefined) throw new InputError(`measure ${label} needs an instance with x0, a schedule and a horizon`);
  const values = new Float64Array(s.repetitions);
  const seeds = new Rng(s.seed);
  let last: Trajectory | undefined;
  for (let r = 0; r < s.repetitions; r++) {
    const oracle = instance.oracle(seeds.integer(0, 0x7fffffff));
    last = run(instance.problem, schedule, x0, { maxSteps: horizon, oracle });
    if (last.stop === 'diverged') return { diverged: last };
    values[r] = read(last, instance);
  }
  return { values, last: last! };
}

function diverged(trajectory: Trajectory): MeasureValue<undefined> {
  return { value: Infinity, diverged: true, trajectory: summarize(trajectory) };
}

/** The sample mean and standard deviation (n - 1 in the denominator; NaN for one value). */
function moments(values: ArrayLike<number>): { mean: number; standardDeviation: number } {
  const n = values.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i];
  mean /= n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (values[i] - mean) ** 2;
  return { mean, standardDeviation: n > 1 ? Math.sqrt(squares / (n - 1)) : NaN };
}

/**
 * The one-sided Student-t bound on the mean at level 1 - alpha: mean - t s / sqrt(n) for an upper
 * claim, mean + t s / sqrt(n) for a lower one.
 */
export function meanBound(values: ArrayLike<number>, alpha: number, kind: ClaimKind): { bound: number; mean: number; standardDeviation: number } {
  const n = values.length;
  if (n < 2) throw new InputError(`a confidence bound on a mean needs at least 2 values, got ${n}`);
  const { mean, standardDeviation } = moments(values);
  const halfWidth = (jStat.studentt.inv(1 - alpha, n - 1) * standardDeviation) / Math.sqrt(n);
  return { bound: kind === 'upper' ? mean - halfWidth : mean + halfWidth, mean, standardDeviation };
}

/**
 * A one-sided distribution-free confidence bound on the q-quantile x_q at level 1 - alpha, an order
 * statistic of the sorted sample: for an upper claim the largest X_(k) with
 * P(Bin(n, q) <= k - 1) <= alpha (then P(X_(k) > x_q) <= alpha), for a lower claim the smallest X_(k)
 * with P(Bin(n, q) >= k) <= alpha. -Infinity (+Infinity) when n is too small for any order statistic
 * to reach the level: such a sample can never show a violation.
 */
export function quantileBound(sorted: ArrayLike<number>, q: number, alpha: number, kind: ClaimKind): number {
  const n = sorted.length;
  if (kind === 'upper') {
    for (let k = n; k >= 1; k--) if (jStat.binomial.cdf(k - 1, n, q) <= alpha) return sorted[k - 1];
    return -Infinity;
  }
  for (let k = 1; k <= n; k++) if (1 - jStat.binomial.cdf(k - 1, n, q) <= alpha) return sorted[k - 1];
  return Infinity;
}

/**
 * A statistical measure's value: the confidence bound, the last repetition's run, and what the
 * report states of the sample (level, repetitions, correction, estimate, interval, method).
 */
function sampledValue(
  last: Trajectory,
  s: CheckedSettings,
  kind: ClaimKind,
  sample: { bound: number; estimate: number; standardDeviation: number; method: string },
): MeasureValue<undefined> {
  return {
    value: sample.bound,
    trajectory: summarize(last),
    statistics: {
      repetitions: s.repetitions,
      level: s.level,
      comparisons: s.comparisons,
      perInstanceLevel: 1 - s.alpha,
      estimate: sample.estimate,
      standardDeviation: sample.standardDeviation,
      interval: kind === 'upper' ? [sample.bound, Infinity] : [-Infinity, sample.bound],
      method: sample.method,
    },
  };
}

/**
 * E[read(run)] over the seeded repetitions, as its one-sided t bound at 1 - alpha / comparisons
 * (lower for upper claims). At least 2 repetitions.
 */
export function expectation<I extends StochasticInstance>(
  label: string,
  read: (trajectory: Trajectory, instance: I) => number,
  settings: RepetitionSettings,
  options: { steps?: number } = {},
): Measure<I, undefined> {
  const s = checkedSettings(settings, 2);
  const fullLabel = `E[${label}] (${describeLevel(s)}, t bound)`;
  return {
    label: fullLabel,
    certification: 'statistical',
    evaluate(instance, context) {
      const corrected = correctionAt(s, context);
      const drawn = sample(instance, corrected, options.steps, read, fullLabel);
      if ('diverged' in drawn) return diverged(drawn.diverged);
      const { bound, mean, standardDeviation } = meanBound(drawn.values, corrected.alpha, context.kind);
      return sampledValue(drawn.last, corrected, context.kind, { bound, estimate: mean, standardDeviation, method: 'one-sided Student t bound on the mean' });
    },
  };
}

/** E[f(x_T) - f*] after T = `steps` (default: the horizon) SGD steps. */
export function expectedGapAt<I extends StochasticInstance>(settings: RepetitionSettings, steps?: number): Measure<I, undefined> {
  return expectation<I>(steps === undefined ? 'f(x_T) - f*' : `f(x_${steps}) - f*`, (t) => t.gap[t.steps], settings, { steps });
}

/** E[min_{0 <= t <= T} ||grad f(x_t)||^2] (exact gradients at the SGD iterates). */
export function expectedMinGradNormSquared<I extends StochasticInstance>(settings: RepetitionSettings, steps?: number): Measure<I, undefined> {
  return expectation<I>('min_t ||grad f(x_t)||^2', (t) => trajectoryMinGradNorm(t) ** 2, settings, { steps });
}

/**
 * The (1 - delta)-quantile of read(run): "P(read <= rhs) >= 1 - delta" is "this quantile is at most
 * rhs". Its value is the distribution-free order-statistic bound at 1 - alpha / comparisons (lower
 * for upper claims).
 */
export function quantile<I extends StochasticInstance>(
  label: string,
  read: (trajectory: Trajectory, instance: I) => number,
  delta: number,
  settings: RepetitionSettings,
  options: { steps?: number } = {},
): Measure<I, undefined> {
  if (!(delta > 0 && delta < 1)) throw new InputError(`delta must be in (0, 1), got ${delta}`);
  const s = checkedSettings(settings, 1);
  const q = 1 - delta;
  const fullLabel = `(1 - ${delta})-quantile of ${label} (${describeLevel(s)}, order-statistic bound)`;
  return {
    label: fullLabel,
    certification: 'statistical',
    evaluate(instance, context) {
      const corrected = correctionAt(s, context);
      const drawn = sample(instance, corrected, options.steps, read, fullLabel);
      if ('diverged' in drawn) return diverged(drawn.diverged);
      const sorted = Float64Array.from(drawn.values).sort();
      const bound = quantileBound(sorted, q, corrected.alpha, context.kind);
      const { standardDeviation } = moments(sorted);
      return sampledValue(drawn.last, corrected, context.kind, {
        bound,
        estimate: sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))],
        standardDeviation,
        method: 'order-statistic bound on the quantile (exact binomial level)',
      });
    },
  };
}

/** P(f(x_T) - f* <= rhs) >= 1 - delta, as the (1 - delta)-quantile of f(x_T) - f*. */
export function gapWithProbability<I extends StochasticInstance>(
  delta: number,
  settings: RepetitionSettings,
  steps?: number,
): Measure<I, undefined> {
  return quantile<I>(steps === undefined ? 'f(x_T) - f*' : `f(x_${steps}) - f*`, (t) => t.gap[t.steps], delta, settings, { steps });
}
