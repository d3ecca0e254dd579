/**
 * Step-size sweeps (large-lr-impossibility.md §5 [R]): M seeded random starts of GD with a constant
 * step, each run classified by `classifyRun` (converged, diverged, stalled near a saddle, still
 * converging, bounded and non-convergent), summarised by the converged fraction and the asymptotic
 * gradient norm (median over bounded runs of the tail maximum of ||grad f||). `stepSizeSweep` does
 * it over a grid of eta / eta_c and locates the empirical critical step; the measures below run
 * the same code at one step (or one grid) for claims.
 *
 * The measures are frequencies over random starts, so they are certified `statistical`: their value
 * is a one-sided 95% Wilson bound on the side that makes a violation significant (a lower bound on
 * a fraction a claim says is small), and a violation found by the search needs no replay.
 */
import { classifyRun, type ClassifyOptions, type RunOutcome } from '../gd/classify.js';
import { run } from '../gd/run.js';
import { tailMax } from '../gd/trajectory.js';
import type { Problem } from '../problems/problem.js';
import { constant } from '../schedules/basic.js';
import { InputError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import { requireDimension, requireInteger, requirePositive } from '../util/validate.js';
import type { Instance } from './family.js';
import type { Measure } from './measures.js';

export interface SweepSettings {
  /** M: random starts per step. */
  readonly starts: number;
  /** T: GD steps per run. */
  readonly steps: number;
  /** K: the tail window of the classification and of the asymptotic gradient norm (at most T + 1). */
  readonly tailWindow: number;
  /** sigma_0: every coordinate of a start is drawn i.i.d. from N(0, sigma_0^2). */
  readonly initScale: number;
  /** Seeds the starts; the same M starts are used at every step of a sweep. */
  readonly seed: number;
  /** classifyRun's tolerances (its tail window is `tailWindow`). */
  readonly tolerances?: Omit<ClassifyOptions, 'tailWindow'>;
  /**
   * Stop a run as converged once f - f* <= convergedGap (the runner's target rule, which
   * classifyRun counts as converged), to save the rest of the run. For nondegenerate minima whose
   * gap is computed without cancellation only: there the gap is about ||grad f||^2 / (2 lambda_max),
   * so a gap of 1e-28 means a distance of about 1e-14 to the minimisers, which a run above eta_c
   * (where they repel) passes only by a coincidence of that order per step. Leave it out for
   * degenerate minima (E6) and for losses like log cosh(z), whose float64 value is exactly 0 for
   * |z| < 1.5e-8.
   */
  readonly convergedGap?: number;
}

export type OutcomeCounts = Readonly<Record<RunOutcome, number>>;

export interface StepOutcome {
  readonly step: number;
  readonly starts: number;
  readonly outcomes: OutcomeCounts;
  /** converged / starts. */
  readonly convergedFraction: number;
  /** Median over the bounded runs of the maximum of ||grad f|| over the tail window; NaN when none is bounded. */
  readonly asymptoticGradNorm: number;
}

export interface SweepPoint extends StepOutcome {
  /** eta / eta_c. */
  readonly ratio: number;
}

export interface SweepResult {
  /** eta_c, the step the ratios multiply. */
  readonly threshold: number;
  readonly points: readonly SweepPoint[];
  /** The empirical critical step, as ratios to eta_c: the largest ratio with a converged start. */
  readonly lastConverging?: number;
  /** The smallest ratio at which every start diverged, stalled or stayed bounded away from a minimum (none undecided). */
  readonly firstNonConverging?: number;
  /** Ratios with undecided starts and no converged one: on neither side of the bracket. */
  readonly undecidedRatios: readonly number[];
}

/** z of a one-sided 95% confidence bound, Phi^-1(0.95). */
export const ONE_SIDED_95 = 1.6448536269514722;

/**
 * The Wilson score interval for a binomial proportion (large-lr-impossibility.md §5 [R]): k
 * successes in n trials, p = k/n, centre (p + z^2/(2n)) / (1 + z^2/n), half-width
 * z sqrt(p(1-p)/n + z^2/(4n^2)) / (1 + z^2/n).
 * z = 1.959964 (default) gives the two-sided 95% interval, whose ends are also one-sided 97.5%
 * bounds; z = ONE_SIDED_95 gives one-sided 95% bounds. For k = 0 the lower end is 0 and the upper
 * end z^2 / (n + z^2).
 */
export function wilsonInterval({ successes, trials, z = 1.959963984540054 }: { successes: number; trials: number; z?: number }): {
  lower: number;
  upper: number;
} {
  requireDimension('trials', trials);
  requireInteger('successes', successes, 0);
  if (successes > trials) throw new InputError(`successes must be at most trials = ${trials}, got ${successes}`);
  requirePositive('z', z);
  const p = successes / trials;
  const z2 = z * z;
  const denominator = 1 + z2 / trials;
  const centre = (p + z2 / (2 * trials)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials))) / denominator;
  return {
    lower: successes === 0 ? 0 : Math.max(0, centre - halfWidth),
    upper: successes === trials ? 1 : Math.min(1, centre + halfWidth),
  };
}

/**
 * The rule of three (large-lr-impossibility.md §5 [R]): with 0 successes in n trials, 3/n is an
 * approximate 95% upper bound on the success probability (exactly, 1 - 0.05^(1/n) <= 3/n). The
 * numerical stand-in for "measure zero" at n starts, and the smallest fraction n starts can tell
 * from zero.
 */
export function ruleOfThree({ trials }: { trials: number }): number {
  requireDimension('trials', trials);
  return 3 / trials;
}

function checkedSettings(settings: SweepSettings): SweepSettings {
  requireDimension('starts', settings.starts);
  requireDimension('steps', settings.steps);
  requireDimension('tailWindow', settings.tailWindow);
  if (settings.tailWindow > settings.steps + 1) {
    throw new InputError(`tailWindow must be at most steps + 1 = ${settings.steps + 1}, got ${settings.tailWindow}`);
  }
  requirePositive('initScale', settings.initScale);
  requireInteger('seed', settings.seed);
  if (settings.convergedGap !== undefined) requirePositive('convergedGap', settings.convergedGap);
  return settings;
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** GD with constant `step` from M seeded starts N(0, sigma_0^2 I), classified. */
export function runStarts(problem: Problem, step: number, settings: SweepSettings): StepOutcome {
  requirePositive('step', step);
  const { starts, steps, tailWindow, initScale, seed, tolerances, convergedGap } = checkedSettings(settings);
  const schedule = constant(step);
  const rng = new Rng(seed);
  const outcomes: Record<RunOutcome, number> = { converged: 0, diverged: 0, stalled: 0, undecided: 0, bounded: 0 };
  const boundedTailMaxima: number[] = [];
  for (let i = 0; i < starts; i++) {
    const x0 = rng.normalVector(problem.dim, initScale);
    const trajectory = run(problem, schedule, x0, { maxSteps: steps, ...(convergedGap ? { targetGap: convergedGap } : {}) });
    const outcome = classifyRun(trajectory, { ...tolerances, tailWindow });
    outcomes[outcome]++;
    if (outcome === 'bounded') boundedTailMaxima.push(tailMax(trajectory.gradNorm, tailWindow));
  }
  return {
    step,
    starts,
    outcomes,
    convergedFraction: outcomes.converged / starts,
    asymptoticGradNorm: median(boundedTailMaxima),
  };
}

/**
 * Run lengths for steps around a threshold, longest next to it (§5 item 3: T >> 1/(1 - rho), and
 * the local rate rho of the limits tends to 1 as eta -> eta_c, like |eta/eta_c - 1|).
 */
export interface RunLength {
  /** T at |eta/eta_c - 1| = band. */
  readonly stepsAtBand: number;
  /** The ratios closer to 1 than this are left out of claims (eta = eta_c is non-hyperbolic). */
  readonly band: number;
  /** The floor of T far from eta_c. */
  readonly minSteps: number;
}

/** T = max(minSteps, ceil(stepsAtBand * band / max(|r - 1|, band))) at r = eta/eta_c, and K = ceil(T/5). */
export function runLengthAt(length: RunLength, ratio: number): Pick<SweepSettings, 'steps' | 'tailWindow'> {
  requireDimension('stepsAtBand', length.stepsAtBand);
  requirePositive('band', length.band);
  requireDimension('minSteps', length.minSteps);
  requirePositive('ratio', ratio);
  const steps = Math.max(length.minSteps, Math.ceil((length.stepsAtBand * length.band) / Math.max(Math.abs(ratio - 1), length.band)));
  return { steps, tailWindow: Math.ceil(steps / 5) };
}

/**
 * `runStarts` at every step ratio * threshold (the same starts at each, with the settings
 * `settingsAt(ratio)`), and the empirical critical step: the largest ratio with a converged start
 * and the smallest with none.
 */
export function stepSizeSweep(
  problem: Problem,
  threshold: number,
  ratios: readonly number[],
  settingsAt: (ratio: number) => SweepSettings,
): SweepResult {
  requirePositive('threshold', threshold);
  if (ratios.length === 0) throw new InputError('ratios must list at least one step ratio');
  ratios.forEach((ratio, i) => requirePositive(`ratios[${i}]`, ratio));
  const points = ratios.map((ratio) => ({ ratio, ...runStarts(problem, ratio * threshold, settingsAt(ratio)) }));
  // A run still undecided at its end (still converging, or near a saddle) is neither converged nor
  // not (large-lr-impossibility.md section 5): a step is on the converging side when some start
  // converged, on the non-converging side when every start was decided and none converged, and on
  // neither when it has undecided starts but no converged one (it does not move the bracket).
  const converging = points.filter((p) => p.outcomes.converged > 0).map((p) => p.ratio);
  const nonConverging = points.filter((p) => p.outcomes.converged === 0 && p.outcomes.undecided === 0).map((p) => p.ratio);
  const undecided = points.filter((p) => p.outcomes.converged === 0 && p.outcomes.undecided > 0).map((p) => p.ratio);
  return {
    threshold,
    points,
    ...(converging.length > 0 ? { lastConverging: Math.max(...converging) } : {}),
    ...(nonConverging.length > 0 ? { firstNonConverging: Math.min(...nonConverging) } : {}),
    undecidedRatios: undecided,
  };
}

/** An instance of a sweep claim: a problem and one constant step. */
export interface SweepInstance extends Instance {
  readonly step: number;
  readonly sweep: SweepSettings;
}

/** A step on one side of a claimed threshold. */
export interface DichotomyInstance extends SweepInstance {
  /** True below the claimed threshold (a positive fraction of starts converges), false above (none does). */
  readonly predictsConvergence: boolean;
}

/**
 * The fraction of the M starts whose outcome contradicts the instance's prediction: converged runs
 * where none should converge, runs that did not converge where some should. Its value is the
 * one-sided 95% Wilson lower bound, for upper claims (`dichotomyBound`): exceeding the bound is
 * then significant at 95%, whatever the sampling. Where none should converge, the true fraction is
 * 0 and so is the count: one converged start is a counterexample.
 */
export function fractionAgainstPrediction<I extends DichotomyInstance>(): Measure<I, undefined> {
  const label = 'fraction of starts against the prediction (converged above eta_c, not converged below; 95% Wilson lower bound)';
  return {
    label,
    certification: 'statistical',
    evaluate(instance, context) {
      if (context.kind !== 'upper') throw new InputError(`measure ${label} is for upper claims`);
      const outcome = runStarts(instance.problem, instance.step, instance.sweep);
      const converged = outcome.outcomes.converged;
      const against = instance.predictsConvergence ? outcome.starts - converged : converged;
      return { value: wilsonInterval({ successes: against, trials: outcome.starts, z: ONE_SIDED_95 }).lower };
    },
  };
}

/**
 * What the dichotomy allows of `fractionAgainstPrediction`: 0 above the threshold (no start
 * converges), 1 - 3/M below it (at least the rule-of-three fraction 3/M converges: a positive
 * fraction that M starts can tell from zero).
 */
export function dichotomyBound(instance: DichotomyInstance): number {
  return instance.predictsConvergence ? 1 - ruleOfThree({ trials: instance.sweep.starts }) : 0;
}

/**
 * The asymptotic gradient norm at the instance's step: the median over bounded runs of the
 * maximum of ||grad f|| over the tail window (+Infinity, flagged diverged, when no run is bounded).
 */
export function asymptoticGradNorm<I extends SweepInstance>(): Measure<I, undefined> {
  return {
    label: 'median over bounded runs of max_tail ||grad f||',
    certification: 'statistical',
    evaluate(instance) {
      const { asymptoticGradNorm: value } = runStarts(instance.problem, instance.step, instance.sweep);
      return Number.isNaN(value) ? { value: Infinity, diverged: true } : { value };
    },
  };
}

/** An instance of a critical-step claim: a problem, its claimed threshold, and the grid of eta / eta_c. */
export interface CriticalStepInstance extends Instance {
  readonly threshold: number;
  readonly ratios: readonly number[];
  settingsAt(ratio: number): SweepSettings;
}

/**
 * How far the empirical critical step can lie from the claimed threshold: the larger of
 * |r - 1| over the two ends r of its bracket (`lastConverging`, `firstNonConverging`), taking the
 * lower end as 0 when no step of the grid has a converged start and the upper as +Infinity when
 * every step has one. Both ends are significant in the sense of the dichotomy claims, so no Wilson
 * bound is added: a converged start refutes a zero fraction outright, and none of M refutes a
 * fraction of at least 3/M at one-sided 95% (the Wilson upper bound at 0 of M, 2.7/(M + 2.7), is
 * below 3/M).
 */
export function criticalStepDeviation<I extends CriticalStepInstance>(): Measure<I, undefined> {
  return {
    label: 'max |r - 1| over the bracket [last converging, first non-converging] of eta/eta_c',
    certification: 'statistical',
    evaluate(instance) {
      const { lastConverging = 0, firstNonConverging = Infinity } = stepSizeSweep(
        instance.problem,
        instance.threshold,
        instance.ratios,
        (ratio) => instance.settingsAt(ratio),
      );
      return { value: Math.max(Math.abs(lastConverging - 1), Math.abs(firstNonConverging - 1)) };
    },
  };
}
