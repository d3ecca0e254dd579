/**
 * Step-size sweeps (src/claims/sweep.ts) on the scalar factorization 1/2 (x y - 1)^2, eta_c = 1
 * (large-lr-impossibility.md §5 C1): no converged start above 1.02, many below 0.98, the empirical
 * critical step bracketing 1, the asymptotic gradient norm on the balanced 2-cycle; the measures'
 * exact bounds with their Bonferroni correction on every start of the stated M, the Wilson
 * interval they report, and the dichotomy's bound; run lengths; bad settings.
 */
import { describe, expect, it } from 'vitest';
import { balancedTwoCycleGradNorm } from '../../bounds/craciun2024.js';
import jStat from 'jstat';
import {
  asymptoticGradNorm,
  binomialLowerBound,
  criticalStepDeviation,
  describeConverged,
  dichotomyBound,
  fractionAgainstPrediction,
  runLengthAt,
  runStarts,
  startsToRefute,
  stepSizeSweep,
  type DichotomyInstance,
  wilsonInterval,
  type SweepSettings,
} from '../../src/claims/sweep.js';
import type { MeasureContext } from '../../src/claims/measures.js';
import { run } from '../../src/gd/run.js';
import { quadratic } from '../../src/problems/quadratic.js';
import { scalarFactorization } from '../../src/problems/scalarNets.js';
import { InputError } from '../../src/util/errors.js';

const problem = scalarFactorization({ target: 1 });
const runLength = { stepsAtBand: 4000, band: 0.02, minSteps: 500 };
const settingsAt = (ratio: number): SweepSettings => ({
  starts: 100,
  initScale: 1,
  seed: 7,
  convergedGap: 1e-28,
  ...runLengthAt(runLength, ratio),
});
const upper: MeasureContext = { kind: 'upper', rhs: 0, run };

describe('the scalar factorization, eta_c = 1', () => {
  const sweep = stepSizeSweep(problem, 1, [0.5, 0.9, 0.98, 1.02, 1.05, 1.1, 1.5], settingsAt);
  const at = (ratio: number) => sweep.points.find((p) => p.ratio === ratio)!;

  it('no start converges at 1.02 eta_c and above; most do at 0.98 eta_c and below (§5 C1: 0.80 to 0.97)', () => {
    for (const ratio of [1.02, 1.05, 1.1, 1.5]) expect(at(ratio).outcomes.converged).toBe(0);
    for (const ratio of [0.5, 0.9, 0.98]) expect(at(ratio).convergedFraction).toBeGreaterThan(0.6);
    expect(at(1.02).outcomes.bounded + at(1.02).outcomes.diverged).toBe(100);
  });

  it('the empirical critical step brackets 1: last converging 0.98, first non-converging 1.02', () => {
    expect(sweep.lastConverging).toBe(0.98);
    expect(sweep.firstNonConverging).toBe(1.02);
    expect(sweep.threshold).toBe(1);
  });

  it('the asymptotic gradient norm is that of the balanced 2-cycle while it attracts, and larger beyond', () => {
    for (const ratio of [1.02, 1.05, 1.1]) {
      expect(at(ratio).asymptoticGradNorm).toBeCloseTo(balancedTwoCycleGradNorm({ eta: ratio }), 10);
    }
    // eta = 1.5 is chaotic (§5 C1: tail max about 0.954), above the 2-cycle's 0.5443.
    expect(at(1.5).asymptoticGradNorm).toBeGreaterThan(0.9);
    expect(at(0.5).asymptoticGradNorm).toBeNaN();
  });

  it('a step whose starts are all undecided is on neither side of the bracket', () => {
    // On 1/2 x^2 from |x0| ~ 1e-5 with a tiny step every run is still converging after 20 steps (gradient
    // between the tolerance and the bounded threshold): undecided, not non-convergent.
    const slow = stepSizeSweep(quadratic({ eigenvalues: [1] }), 1, [1e-4, 1.5], () => ({ starts: 4, steps: 20, tailWindow: 5, initScale: 1e-5, seed: 1 }));
    const tiny = slow.points.find((p) => p.ratio === 1e-4)!;
    expect(tiny.outcomes.undecided).toBe(4);
    expect(slow.undecidedRatios).toEqual([1e-4]);
    expect(slow.firstNonConverging).toBeUndefined();
  });

  it('a run that lands exactly on a minimiser (zero gradient, stopped early) counts as converged', () => {
    // x_1 = x_0 - 1 * x_0 = 0 on 1/2 |x|^2 with step 1: stationary after one step, whatever the tail window.
    const exact = runStarts(quadratic({ eigenvalues: [1, 1] }), 1, { starts: 4, steps: 100, tailWindow: 50, initScale: 1, seed: 1 });
    expect(exact.outcomes.converged).toBe(4);
  });

  it('the same seed gives the same outcomes; another seed other starts', () => {
    const again = runStarts(problem, 0.98, settingsAt(0.98));
    expect(again.outcomes).toEqual(at(0.98).outcomes);
    expect(runStarts(problem, 0.98, { ...settingsAt(0.98), seed: 8 }).outcomes).not.toEqual(at(0.98).outcomes);
  });
});

describe('measures', () => {
  /** 95% over 1000 instances: alpha = 5e-5 per instance. */
  const alpha = 5e-5;
  const instance = (step: number, predictsConvergence: boolean): DichotomyInstance => ({
    problem,
    step,
    predictsConvergence,
    convergingFraction: 0.1,
    sweep: settingsAt(step),
  });

  it('the exact (Clopper-Pearson) lower bound: P(Bin(n, bound) >= k) = alpha; 0 at k = 0, alpha^(1/n) at k = n', () => {
    // The one-sided 95% bound at 5 of 10 is the lower end of the two-sided 90% interval [0.2224, 0.7776].
    expect(binomialLowerBound({ successes: 5, trials: 10, alpha: 0.05 })).toBeCloseTo(0.22244, 4);
    for (const [k, n] of [[1, 10], [7, 32], [99, 100]]) {
      const bound = binomialLowerBound({ successes: k, trials: n, alpha });
      expect(1 - jStat.binomial.cdf(k - 1, n, bound)).toBeCloseTo(alpha, 10);
    }
    expect(binomialLowerBound({ successes: 0, trials: 10, alpha })).toBe(0);
    expect(binomialLowerBound({ successes: 100, trials: 100, alpha })).toBeCloseTo(alpha ** 0.01, 15);
    // (0.9)^94 = 4.96e-5 <= 5e-5 < (0.9)^93 = 5.5e-5.
    expect(startsToRefute({ convergingFraction: 0.1, alpha })).toBe(94);
    expect(startsToRefute({ convergingFraction: 0.1, alpha: alpha / 4 })).toBe(108);
  });

  it('against the prediction: the exact lower bound at 1 - 5e-5 (95% over 1000 instances), significant only when it must be', () => {
    const measure = fractionAgainstPrediction();
    expect(measure.label).toMatch(/95% one-sided, Bonferroni over 1000 instances/);
    // Above eta_c, predicted right: no converged start, lower bound 0 = the bound 0.
    expect(measure.evaluate(instance(1.05, false), upper).value).toBe(0);
    expect(dichotomyBound(instance(1.05, false))).toBe(0);
    // Below eta_c, predicted right: most of the 100 starts converge, the bound on the rest is far below 1 - p0.
    const below = measure.evaluate(instance(0.9, true), upper);
    const convergedBelow = runStarts(problem, 0.9, settingsAt(0.9)).outcomes.converged;
    expect(convergedBelow).toBeGreaterThan(60);
    expect(below.value).toBeCloseTo(binomialLowerBound({ successes: 100 - convergedBelow, trials: 100, alpha }), 12);
    expect(below.value).toBeLessThan(0.9);
    expect(below.statistics).toMatchObject({ repetitions: 100, level: 0.95, comparisons: 1000, perInstanceLevel: 1 - alpha });
    expect(dichotomyBound(instance(0.9, true))).toBeCloseTo(0.9, 15);
    // Predicted wrong: 1.05 claimed to converge (0 of 100: 5e-5^(1/100) = 0.906 > 0.9), 0.9 claimed not to.
    expect(measure.evaluate(instance(1.05, true), upper).value).toBeCloseTo(alpha ** 0.01, 12);
    expect(measure.evaluate(instance(1.05, true), upper).value).toBeGreaterThan(0.9);
    // Certified over a search of 10^6 instances: (5e-8)^(1/100) = 0.845 is no longer above 1 - p0.
    const overSearch = measure.evaluate(instance(1.05, true), { ...upper, comparisons: 1e6 });
    expect(overSearch.value).toBeCloseTo((0.05 / 1e6) ** 0.01, 12);
    expect(overSearch.value).toBeLessThan(0.9);
    expect(overSearch.statistics).toMatchObject({ comparisons: 1e6, perInstanceLevel: 1 - 0.05 / 1e6 });
    // A count below the measure's own changes nothing.
    expect(measure.evaluate(instance(1.05, true), { ...upper, comparisons: 10 })).toEqual(measure.evaluate(instance(1.05, true), upper));
    const converged = runStarts(problem, 0.9, settingsAt(0.9)).outcomes.converged;
    expect(measure.evaluate(instance(0.9, false), upper).value).toBeCloseTo(binomialLowerBound({ successes: converged, trials: 100, alpha }), 12);
    expect(measure.evaluate(instance(0.9, false), upper).value).toBeGreaterThan(0.5);
    expect(measure.certification).toBe('statistical');
    expect(() => measure.evaluate(instance(0.9, false), { ...upper, kind: 'lower' })).toThrow(InputError);
  });

  it('refuses a sample too small to refute the converging fraction, naming M and the starts needed', () => {
    const small = { ...instance(0.9, true), sweep: { ...settingsAt(0.9), starts: 32 } };
    expect(() => fractionAgainstPrediction().evaluate(small, upper)).toThrow(/M = 32 starts cannot refute a converging fraction of at least 0.1 .*at least 94/);
  });

  it('the Wilson interval at the protocol count M = 1000: 500/1000 -> [0.46907, 0.53093], 0/1000 -> [0, 0.0038268]', () => {
    // Centre (0.5 + 0.0019207) / 1.0038415 = 0.5; half-width 1.96 sqrt(0.00025 + 9.604e-7) / 1.0038415 = 0.030931.
    const half = wilsonInterval({ successes: 500, trials: 1000 });
    expect(half.lower).toBeCloseTo(0.46907, 5);
    expect(half.upper).toBeCloseTo(0.53093, 5);
    // z^2 / (n + z^2) = 3.84146 / 1003.84146: the "measure zero" of §5 at 1000 starts.
    expect(wilsonInterval({ successes: 0, trials: 1000 })).toEqual({ lower: 0, upper: expect.closeTo(0.0038268, 7) });
  });

  it('runs every start of the stated M and reports k/M with its Wilson interval next to the exact bound', () => {
    const outcome = runStarts(problem, 0.98, settingsAt(0.98));
    const total = Object.values(outcome.outcomes).reduce((sum, count) => sum + count, 0);
    expect(total).toBe(100);
    const k = outcome.outcomes.converged;
    expect(outcome.convergedFraction).toBe(k / 100);
    expect(outcome.convergedInterval).toEqual(wilsonInterval({ successes: k, trials: 100 }));
    const { lower, upper: high } = outcome.convergedInterval;
    expect(describeConverged(outcome)).toBe(`${k}/100 converged, Wilson 95% [${Number(lower.toPrecision(4))}, ${Number(high.toPrecision(4))}]`);
    const below = fractionAgainstPrediction().evaluate(instance(0.98, true), upper);
    expect(below.statistics?.method).toContain(`${k}/100 converged, Wilson 95% [`);
    expect(below.statistics?.method).toContain(`Clopper-Pearson lower bound ${Number(below.value.toPrecision(4))} `);
  });

  it('asymptotic gradient norm: the median tail maximum, +Infinity (diverged) when no run is bounded', () => {
    const measure = asymptoticGradNorm();
    expect(measure.evaluate(instance(1.05, false), upper).value).toBeCloseTo(balancedTwoCycleGradNorm({ eta: 1.05 }), 10);
    // Every start of a quadratic above 2/lambda_max diverges.
    const divergent = { ...instance(1.05, false), problem: quadratic({ eigenvalues: [2, 1] }) };
    expect(measure.evaluate(divergent, upper)).toEqual({ value: Infinity, diverged: true });
  });

  it('critical-step deviation: at most 0.02 on the grid {0.95, 0.98, 1.02, 1.05}; 0.05 when the threshold is 10% off', () => {
    const measure = criticalStepDeviation();
    // 4 steps: alpha / 4 per step, 108 starts refute p0 = 0.1.
    const sweepInstance = (threshold: number) => ({
      problem,
      threshold,
      ratios: [0.95, 0.98, 1.02, 1.05],
      convergingFraction: 0.1,
      settingsAt: (ratio: number) => ({ ...settingsAt(ratio), starts: 108 }),
    });
    expect(measure.evaluate(sweepInstance(1), upper).value).toBeLessThanOrEqual(0.02);
    // 10% too large: none of 108 converges at 0.95 * 1.1 = 1.045, significant at 1 - 5e-5/4.
    const tenPercentOff = sweepInstance(1.1);
    const tooLarge = measure.evaluate(tenPercentOff, upper);
    expect(tooLarge.value).toBeCloseTo(0.05, 12);
    expect(tooLarge.statistics).toMatchObject({ repetitions: 108, estimate: 1, perInstanceLevel: 1 - alpha / 4 });
    // The same sweeps read over a search of 10^6 instances: (1.25e-8)^(1/108) = 0.845 < 1 - p0, no evidence.
    expect(measure.evaluate(tenPercentOff, { ...upper, comparisons: 1e6 }).value).toBe(0);
    expect(measure.evaluate(tenPercentOff, upper)).toEqual(tooLarge);
    // 10% too small: a start converges at 1.05 * 0.9 = 0.945.
    expect(measure.evaluate(sweepInstance(0.9), upper).value).toBeCloseTo(0.05, 12);
    // Too few starts below the threshold to refute p0 at 1 - 5e-5/4.
    expect(() => measure.evaluate({ ...sweepInstance(1), settingsAt }, upper)).toThrow(/M = 100 starts cannot refute .*at least 108/);
  });
});

describe('run lengths and settings', () => {
  it('T = max(minSteps, ceil(stepsAtBand * band / max(|r - 1|, band))), K = ceil(T / 5)', () => {
    // 4000 * 0.02 / 0.02 = 4000 at 0.98 and 1.02; 4000 * 0.02 / 0.1 = 800 at 1.1; the floor 500 at 0.5.
    expect(runLengthAt(runLength, 0.98)).toEqual({ steps: 4000, tailWindow: 800 });
    expect(runLengthAt(runLength, 1.02)).toEqual({ steps: 4000, tailWindow: 800 });
    expect(runLengthAt(runLength, 1.001)).toEqual({ steps: 4000, tailWindow: 800 });
    expect(runLengthAt(runLength, 1.1)).toEqual({ steps: 800, tailWindow: 160 });
    expect(runLengthAt(runLength, 0.5)).toEqual({ steps: 500, tailWindow: 100 });
  });

  it.each([
    ['no starts', () => runStarts(problem, 1, { ...settingsAt(1), starts: 0 }), /starts/],
    ['tail window longer than the run', () => runStarts(problem, 1, { ...settingsAt(1), steps: 10, tailWindow: 12 }), /tailWindow/],
    ['zero init scale', () => runStarts(problem, 1, { ...settingsAt(1), initScale: 0 }), /initScale/],
    ['non-integer seed', () => runStarts(problem, 1, { ...settingsAt(1), seed: 0.5 }), /seed/],
    ['negative converged gap', () => runStarts(problem, 1, { ...settingsAt(1), convergedGap: -1 }), /convergedGap/],
    ['zero step', () => runStarts(problem, 0, settingsAt(1)), /step/],
    ['no ratios', () => stepSizeSweep(problem, 1, [], settingsAt), /ratios/],
    ['negative ratio', () => stepSizeSweep(problem, 1, [0.9, -1], settingsAt), /ratios\[1\]/],
    ['zero threshold', () => stepSizeSweep(problem, 0, [1], settingsAt), /threshold/],
    ['zero band', () => runLengthAt({ ...runLength, band: 0 }, 1), /band/],
  ])('%s throws an InputError naming it', (_label, action, pattern) => {
    expect(action).toThrow(InputError);
    expect(action).toThrow(pattern);
  });
});
