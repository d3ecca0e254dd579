/**
 * Step-size sweeps (large-lr-impossibility.md §5 [R]): M seeded random starts of GD with a constant
 * step, each run classified by `classifyRun` (converged, diverged, stalled near a saddle, still
 * converging, bounded and non-convergent), summarised by the converged fraction and the asymptotic
 * gradient norm (median over bounded runs of the tail maximum of ||grad f||). `stepSizeSweep` does
 * it over a grid of eta / eta_c and locates the empirical critical step; the measures below run
 * the same code at one step (or one grid) for claims.
 *
 * The measures are frequencies over random starts, so they are certified `statistical`: their value
 * counts as evidence only what is certain (a start converging where none may) or significant at the
 * search's confidence (default 95%) after a Bonferroni correction over the instances the search can
 * look at (default 1000) and over a grid's steps, as the stochastic claims do (statistical.ts): the
 * exact one-sided (Clopper-Pearson) bound on a fraction, on the side that makes a violation
 * significant. What a claim asserts below a threshold is refutable: "at most a fraction 1 - p0 of
 * the starts is shown within T steps not to converge" (diverged, bounded away from a minimum or
 * stalled at a saddle; a run still converging at T is no evidence either way), p0 stated by the
 * claim. A violation needs no replay.
 *
 * Every start of a step is run (no early stop), so the fraction a measure reports is k/M on the
 * stated M, with its two-sided 95% Wilson interval (§5 item 1) next to the exact one-sided bound
 * the verdict uses. The M starts of a step run together (src/gd/runLanes.ts), bitwise as `run`
 * would run each one.
 */
import { classifyEnd, type ClassifyOptions, type RunOutcome } from '../gd/classify.js';
import { runLanes } from '../gd/runLanes.js';
import type { Problem } from '../problems/problem.js';
import jStat from 'jstat';
import { InputError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import { requireDimension, requireInteger, requirePositive, requireVector } from '../util/validate.js';
import type { Instance } from './family.js';
import type { Measure, MeasureValue } from './measures.js';
import { bonferroni, correctionAt, type Bonferroni, type SampleStatistics, type Significance } from './statistical.js';

export interface SweepSettings {
  /** M: random starts per step. */
  readonly starts: number;
  /** T: GD steps per run. */
  readonly steps: number;
  /** K: the tail window of the classification and of the asymptotic gradient norm (at most T + 1). */
  readonly tailWindow: number;
  /** sigma_0: every coordinate of a start is drawn i.i.d. from N(center_i, sigma_0^2). */
  readonly initScale: number;
  /**
   * The center of the starts' law (default the origin): a point near which the statement's
   * converging set is known to lie, e.g. a linearly stable minimum for "converges from a set of
   * positive measure" (its neighbourhood is such a set). Never for "converges only from a null set",
   * whose starts must not be placed by the claim (large-lr-impossibility.md §5 C9).
   */
  readonly center?: ArrayLike<number>;
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
  /** M, the starts drawn and run. */
  readonly starts: number;
  readonly outcomes: OutcomeCounts;
  /** converged / M. */
  readonly convergedFraction: number;
  /** The two-sided 95% Wilson interval of the converged fraction (`wilsonInterval`). */
  readonly convergedInterval: { readonly lower: number; readonly upper: number };
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

/**
 * GD with constant `step` from M seeded starts N(center, sigma_0^2 I), all run (together, by
 * `runLanes`) and classified.
 */
export function runStarts(problem: Problem, step: number, settings: SweepSettings): StepOutcome {
  requirePositive('step', step);
  const { starts, steps, tailWindow, initScale, seed, tolerances, convergedGap, center } = checkedSettings(settings);
  const origin = center ? requireVector('center', center, problem.dim) : undefined;
  const rng = new Rng(seed);
  const points = Array.from({ length: starts }, () => {
    const point = rng.normalVector(problem.dim, initScale);
    if (origin) for (let i = 0; i < point.length; i++) point[i] += origin[i];
    return point;
  });
  const { ends } = runLanes(problem, step, points, { maxSteps: steps, tailWindow, ...(convergedGap ? { targetGap: convergedGap } : {}) });
  const outcomes: Record<RunOutcome, number> = { converged: 0, diverged: 0, stalled: 0, undecided: 0, bounded: 0 };
  const boundedTailMaxima: number[] = [];
  for (const end of ends) {
    const outcome = classifyEnd(end, tolerances);
    outcomes[outcome]++;
    if (outcome === 'bounded') boundedTailMaxima.push(end.tailMaxGradNorm);
  }
  return {
    step,
    starts,
    outcomes,
    convergedFraction: outcomes.converged / starts,
    convergedInterval: wilsonInterval({ successes: outcomes.converged, trials: starts }),
    asymptoticGradNorm: median(boundedTailMaxima),
  };
}

/** "k/M converged, Wilson 95% [lower, upper]": how a report shows a step's converged fraction. */
export function describeConverged(outcome: StepOutcome): string {
  const { lower, upper } = outcome.convergedInterval;
  return `${outcome.outcomes.converged}/${outcome.starts} converged, Wilson 95% [${formatFraction(lower)}, ${formatFraction(upper)}]`;
}

const formatFraction = (value: number): string => String(Number(value.toPrecision(4)));

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

/**
 * The exact one-sided (Clopper-Pearson) lower confidence bound at level 1 - alpha on a binomial
 * proportion from k successes in n trials: 0 at k = 0, else the alpha-quantile of Beta(k, n - k + 1)
 * (the p at which P(Bin(n, p) >= k) = alpha). At k = n it is alpha^(1/n).
 */
export function binomialLowerBound({ successes, trials, alpha }: { successes: number; trials: number; alpha: number }): number {
  requireDimension('trials', trials);
  requireInteger('successes', successes, 0);
  if (successes > trials) throw new InputError(`successes must be at most trials = ${trials}, got ${successes}`);
  if (!(alpha > 0 && alpha < 1)) throw new InputError(`alpha must be in (0, 1), got ${alpha}`);
  if (successes === 0) return 0;
  return successes === trials ? alpha ** (1 / trials) : jStat.beta.inv(alpha, successes, trials - successes + 1);
}

/**
 * The fewest starts M at which none of M converging is significant against a converging fraction
 * of at least p0 at level 1 - alpha: the smallest M with (1 - p0)^M <= alpha. With fewer, the
 * statement "at least p0 converges" cannot be refuted.
 */
export function startsToRefute({ convergingFraction, alpha }: { convergingFraction: number; alpha: number }): number {
  requireFraction('convergingFraction', convergingFraction);
  if (!(alpha > 0 && alpha < 1)) throw new InputError(`alpha must be in (0, 1), got ${alpha}`);
  return Math.ceil(Math.log(alpha) / Math.log(1 - convergingFraction));
}

function requireFraction(name: string, value: number): number {
  if (!(value > 0 && value < 1)) throw new InputError(`${name} must be in (0, 1), got ${value}`);
  return value;
}

/**
 * Fails, naming the claim's settings, when M starts could never show the statement false at the
 * measure's own correction `s` over `steps` tests. (At a search's larger correction, when certifying,
 * such a sample is simply not significant.)
 */
function requireRefutable(starts: number, convergingFraction: number, s: Bonferroni, steps: number): void {
  const needed = startsToRefute({ convergingFraction: requireFraction('convergingFraction', convergingFraction), alpha: s.alpha / steps });
  if (starts < needed) {
    throw new InputError(
      `M = ${starts} starts cannot refute a converging fraction of at least ${convergingFraction} at ${describeCorrection(s, steps)}: use at least ${needed}`,
    );
  }
}

/**
 * The starts that did not converge and never will on the run's evidence: diverged, bounded away
 * from a minimum, or stalled near a saddle. An undecided run (still converging at T, or not yet
 * classifiable) is neither converged nor not, so it is no evidence against convergence
 * (large-lr-impossibility.md §5 item 4: extend T, never count it as non-convergent).
 */
const decidedNotConverged = ({ outcomes }: StepOutcome): number => outcomes.diverged + outcomes.bounded + outcomes.stalled;

/**
 * At least p0 of the M starts should converge at `step`: runs them all and bounds the fraction
 * decided not to converge from below at level 1 - alpha (exact, one-sided).
 */
function notConvergedBound(problem: Problem, step: number, settings: SweepSettings, alpha: number) {
  const outcome = runStarts(problem, step, settings);
  const notConverged = decidedNotConverged(outcome);
  return { outcome, notConverged, bound: binomialLowerBound({ successes: notConverged, trials: outcome.starts, alpha }) };
}

/**
 * What a sweep measure reports of the sample behind its value: M, the level and its correction,
 * the observed fraction, and the one-sided interval [bound, 1] the fraction lies in.
 */
function fractionStatistics(count: number, starts: number, s: Bonferroni, alpha: number, bound: number, method: string): SampleStatistics {
  const estimate = count / starts;
  return {
    repetitions: starts,
    level: s.level,
    comparisons: s.comparisons,
    perInstanceLevel: 1 - alpha,
    estimate,
    standardDeviation: Math.sqrt(estimate * (1 - estimate)),
    interval: [bound, 1],
    method,
  };
}

const describeCorrection = (s: Bonferroni, steps: number): string =>
  `${100 * s.level}% one-sided, Bonferroni over ${s.comparisons} instances${steps > 1 ? ` x ${steps} steps` : ''}`;

/** A step on one side of a claimed threshold. */
export interface DichotomyInstance extends SweepInstance {
  /** True below the claimed threshold (at least `convergingFraction` of the starts converges), false above (none does). */
  readonly predictsConvergence: boolean;
  /** p0: below the threshold, the claim says at most 1 - p0 of the starts are shown within T steps not to converge; in (0, 1). */
  readonly convergingFraction: number;
}

/**
 * The fraction of the M starts whose outcome contradicts the instance's prediction: converged runs
 * where none should converge, runs shown not to converge within T steps (diverged, bounded,
 * stalled; not the undecided ones) where at least p0 should.
 * Its value is the exact one-sided lower confidence bound on that fraction at level
 * 1 - alpha / comparisons (`significance`: default 95% over 1000 instances), for upper claims
 * (`dichotomyBound`): exceeding the bound is then significant for the search as a whole. Where none
 * should converge, one converged start is a counterexample (certain: the bound is positive); where
 * at least p0 should, a violation needs so few converged starts that (1 - p0)^M-like tails are below
 * alpha / comparisons, and the measure refuses an M too small for any sample to show it.
 */
export function fractionAgainstPrediction<I extends DichotomyInstance>(significance: Significance = {}): Measure<I, undefined> {
  const s = bonferroni(significance);
  const label = `fraction of starts against the prediction (converged above eta_c, not converged below): exact lower bound, ${describeCorrection(s, 1)}`;
  return {
    label,
    certification: 'statistical',
    evaluate(instance, context): MeasureValue<undefined> {
      if (context.kind !== 'upper') throw new InputError(`measure ${label} is for upper claims`);
      const corrected = correctionAt(s, context);
      if (instance.predictsConvergence) {
        requireRefutable(instance.sweep.starts, instance.convergingFraction, s, 1);
        const { outcome, notConverged, bound } = notConvergedBound(instance.problem, instance.step, instance.sweep, corrected.alpha);
        const method = `Clopper-Pearson lower bound ${formatFraction(bound)} on the fraction of starts diverged, bounded or stalled within T steps (${describeConverged(outcome)}; undecided runs count for neither side)`;
        return { value: bound, statistics: fractionStatistics(notConverged, outcome.starts, corrected, corrected.alpha, bound, method) };
      }
      const outcome = runStarts(instance.problem, instance.step, instance.sweep);
      const converged = outcome.outcomes.converged;
      const bound = binomialLowerBound({ successes: converged, trials: outcome.starts, alpha: corrected.alpha });
      const method = `Clopper-Pearson lower bound ${formatFraction(bound)} on the fraction of starts converged above the threshold (${describeConverged(outcome)})`;
      return { value: bound, statistics: fractionStatistics(converged, outcome.starts, corrected, corrected.alpha, bound, method) };
    },
  };
}

/**
 * What the dichotomy allows of `fractionAgainstPrediction`: 0 above the threshold (no start
 * converges), 1 - p0 below it (at most 1 - p0 of the starts are shown not to converge within T steps).
 */
export function dichotomyBound(instance: DichotomyInstance): number {
  return instance.predictsConvergence ? 1 - instance.convergingFraction : 0;
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
  /** p0: at the ratios below 1, the claim says at most 1 - p0 of the starts are shown within T steps not to converge; in (0, 1). */
  readonly convergingFraction: number;
  settingsAt(ratio: number): SweepSettings;
}

/**
 * How far the evidence puts the critical step from the claimed threshold, as |r - 1| at the
 * ratios r of the grid that are evidence: a converged start at r > 1 shows the critical step is at
 * least r (certain), and significant non-convergence at r < 1 (fewer converged starts than a
 * converging fraction p0 allows, by the exact bound at level 1 - alpha / (comparisons x the grid's
 * steps)) shows it is at most r. 0 when no step is evidence. A ratio with no converged start but
 * not significantly so is no evidence either way, and undecided starts never count as not converged.
 */
export function criticalStepDeviation<I extends CriticalStepInstance>(significance: Significance = {}): Measure<I, undefined> {
  const s = bonferroni(significance);
  // The sweeps of an instance already evaluated in this process (a family with a few problems returns the same instance objects).
  const swept = new WeakMap<I, StepOutcome[]>();
  const sweepsOf = (instance: I): StepOutcome[] => {
    const known = swept.get(instance);
    if (known) return known;
    requirePositive('threshold', instance.threshold);
    instance.ratios.forEach((ratio, i) => requirePositive(`ratios[${i}]`, ratio));
    const outcomes = instance.ratios.map((ratio) => runStarts(instance.problem, ratio * instance.threshold, instance.settingsAt(ratio)));
    swept.set(instance, outcomes);
    return outcomes;
  };
  return {
    label: `max |r - 1| over the ratios eta/eta_c with a converged start (r > 1) or significantly fewer converged than p0 (r < 1; exact bound, ${100 * s.level}% one-sided, Bonferroni over ${s.comparisons} instances x the grid's steps)`,
    certification: 'statistical',
    evaluate(instance, context): MeasureValue<undefined> {
      const corrected = correctionAt(s, context);
      const { ratios, convergingFraction } = instance;
      const alpha = corrected.alpha / ratios.length;
      const correction = describeCorrection(corrected, ratios.length);
      const outcomes = sweepsOf(instance);
      const grid = ratios.map((ratio, i) => `${ratio}: ${describeConverged(outcomes[i])}`).join('; ');
      let value = 0;
      let statistics: SampleStatistics | undefined;
      ratios.forEach((ratio, i) => {
        const outcome = outcomes[i];
        const converged = outcome.outcomes.converged;
        if (ratio > 1 && converged > 0 && ratio - 1 >= value) {
          // A converged start above the threshold is evidence (certain: its bound is positive).
          value = ratio - 1;
          const bound = binomialLowerBound({ successes: converged, trials: outcome.starts, alpha });
          const method = `Clopper-Pearson lower bound ${formatFraction(bound)} on the fraction converged at eta = ${ratio} eta_c (${correction}); eta/eta_c = ${grid}`;
          statistics = fractionStatistics(converged, outcome.starts, corrected, alpha, bound, method);
        } else if (ratio < 1) {
          requireRefutable(outcome.starts, convergingFraction, s, ratios.length);
          const notConverged = decidedNotConverged(outcome);
          const bound = binomialLowerBound({ successes: notConverged, trials: outcome.starts, alpha });
          const deviation = bound > 1 - convergingFraction ? 1 - ratio : 0;
          if (deviation >= value) {
            value = deviation;
            const method = `Clopper-Pearson lower bound ${formatFraction(bound)} on the fraction diverged, bounded or stalled at eta = ${ratio} eta_c (${correction}); eta/eta_c = ${grid}`;
            statistics = fractionStatistics(notConverged, outcome.starts, corrected, alpha, bound, method);
          }
        }
      });
      return { value, ...(statistics ? { statistics } : {}) };
    },
  };
}
