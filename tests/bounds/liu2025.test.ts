/**
 * bounds/liu2025.ts (Liu, Ge, Pan, Kang, Zhang 2025, warmup-rho-k0-krho.md) against values computed
 * by hand (the arithmetic is in the comments), the digest's reference numbers (C5(b) at c = 1, the
 * C8 asymptotic ratios, the C9 step counts) replayed by short GD loops, the C13 invariance of the
 * rescaled rows the liu2025 claims use, and bad inputs, which throw an InputError naming the
 * parameter.
 */
import { describe, expect, it } from 'vitest';
import {
  cappedWarmupSgdTailGapBound,
  coshConstantStepThreshold,
  coshLandingStep,
  dyadicBandStepBound,
  lemma1Constants,
  lemma1Exponent,
  monomialAdaptiveContraction,
  monomialAdaptiveStep,
  monomialConstantStepAsymptoticGap,
  monomialConstantStepThreshold,
  monomialGradientSmoothnessConstants,
  monomialSmoothnessConstants,
  nonIncreasingWorstCaseGapLowerBound,
  oneStepDescentGapBound,
  plContractionFactor,
  rescaledVariableConstants,
  rhoK0KrhoWarmup,
  scaledObjectiveConstants,
  selfBoundingGradSquaredBound,
  suboptimalitySmoothnessBound,
  theorem1DecreaseFactor,
  theorem1ExplicitBound,
  theorem1MinGradSquaredBound,
} from '../../bounds/liu2025.js';
import {
  coshRow,
  coshValleyRow,
  inverseSmoothnessStep,
  rescaledProblem,
  rescaledSmoothness,
} from '../../proofs-checks/liu2025/_families.js';
import { constant, InputError, run, rhoK0KrhoWarmup as scheduleRhoK0KrhoWarmup, type Schedule } from '../../src/index.js';

/** The first t with cosh(x_t) - 1 <= 1e-8 for GD on cosh x - 1 from x0 (the C9 reference runs). */
function coshStepsToTarget(x0: number, step: (x: number) => number): number {
  let x = x0;
  for (let t = 0; ; t++) {
    if (2 * Math.sinh(x / 2) ** 2 <= 1e-8) return t;
    x -= step(x) * Math.sinh(x);
  }
}

describe('bounds/liu2025: Definition 1, Lemma 1 and the C13 maps', () => {
  it('Definition 1: M = K0 + Krho gap^rho', () => {
    // 1 + 12 * 4^(1/2) = 1 + 24 = 25.
    expect(suboptimalitySmoothnessBound({ rho: 0.5, K0: 1, Krho: 12, gap: 4 })).toBe(25);
    // x^4 at x = 2: f'' = 12 * 4 = 48 = 0 + 12 * (16)^(1/2), equality.
    expect(suboptimalitySmoothnessBound({ ...monomialSmoothnessConstants(4), gap: 16 })).toBe(48);
  });

  it('Lemma 1 exponent rho/(2 - rho): 0, 1/3, 1/2, 1, 2, 3 at rho = 0, 1/2, 2/3, 1, 4/3, 3/2', () => {
    // 0.5/1.5 = 1/3; (2/3)/(4/3) = 1/2; 1/1 = 1; (4/3)/(2/3) = 2; 1.5/0.5 = 3.
    const exponents = [0, 0.5, 2 / 3, 1, 4 / 3, 1.5].map(lemma1Exponent);
    [0, 1 / 3, 1 / 2, 1, 2, 3].forEach((expected, i) => expect(exponents[i]).toBeCloseTo(expected, 14));
    // On |x|^p the gradient exponent (p-2)/(p-1) maps to the exact (p-2)/p: p = 6, (4/5)/(6/5) = 2/3.
    for (const p of [3, 4, 6, 10]) expect(lemma1Exponent((p - 2) / (p - 1))).toBeCloseTo((p - 2) / p, 14);
  });

  it('Lemma 1 [D] constants: rho = 1 gives (1, 1.5 L0, 8 L1^2); the x^4, x^6 and e^x rows of the digest', () => {
    // K0 = (1 + 1/2) 2 = 3, K1 = 2^(1*3/1) 3^2 = 8 * 9 = 72.
    expect(lemma1Constants({ rho: 1, L0: 2, Lrho: 3 })).toEqual({ rho: 1, K0: 3, Krho: 72 });
    // x^4: (2/3, 0, 12 * 4^(-2/3)) -> Kalpha = 2^((2/3)(8/3)/(4/3)) (12 * 4^(-2/3))^(3/2) = 2^(4/3) * 12^1.5 / 4
    // = 2.519842 * 41.569219 / 4 = 26.18697.
    const x4 = lemma1Constants(monomialGradientSmoothnessConstants(4));
    expect(x4.rho).toBeCloseTo(0.5, 14);
    expect(x4.K0).toBe(0);
    expect(x4.Krho).toBeCloseTo(26.18697, 5);
    // x^6: (4/5, 0, 30 * 6^(-4/5)) -> 2^((4/5)(14/5)/(6/5)) (30 * 6^(-4/5))^(5/3) = 2^(28/15) * 7.1548^(5/3)
    // = 3.649 * 26.55 = 96.9.
    expect(lemma1Constants(monomialGradientSmoothnessConstants(6)).Krho).toBeCloseTo(96.9, 1);
    // e^x: (1, 0, 1) -> (1, 0, 8).
    expect(lemma1Constants({ rho: 1, L0: 0, Lrho: 1 })).toEqual({ rho: 1, K0: 0, Krho: 8 });
  });

  it('the monomial rows: x^4 (1/2, 0, 12), gradient constants (2/3, 0, 12 * 4^(-2/3) = 4.7622)', () => {
    expect(monomialSmoothnessConstants(4)).toEqual({ rho: 0.5, K0: 0, Krho: 12 });
    const x6 = monomialSmoothnessConstants(6);
    expect([x6.rho, x6.K0, x6.Krho]).toEqual([4 / 6, 0, 30]);
    const gradient = monomialGradientSmoothnessConstants(4);
    expect(gradient.rho).toBeCloseTo(2 / 3, 15);
    // 12 / 4^(2/3) = 12 / 2.519842 = 4.762203 = 3 * 4^(1/3).
    expect(gradient.Lrho).toBeCloseTo(4.762203, 6);
  });

  it('C13 maps: a f is (rho, a K0, a^(1-rho) Krho), f(s w) is (rho, s^2 K0, s^2 Krho)', () => {
    // a = 4, rho = 1/2: (4 * 1, 4^(1/2) * 12) = (4, 24).
    expect(scaledObjectiveConstants({ rho: 0.5, K0: 1, Krho: 12, a: 4 })).toEqual({ rho: 0.5, K0: 4, Krho: 24 });
    // s = 3: (9 * 1, 9 * 12) = (9, 108).
    expect(rescaledVariableConstants({ rho: 0.5, K0: 1, Krho: 12, s: 3 })).toEqual({ rho: 0.5, K0: 9, Krho: 108 });
  });

  it('C13: GD with eta = 1/M on a f(s w) from x0/s is GD on f from x0, with gaps times a (6 steps, down to a gap of 3e-7)', () => {
    const [a, s] = [2.5, 0.4];
    // cosh(s w) scaled: (1, a s^2, s^2) = (1, 0.4, 0.16).
    const smoothness = rescaledSmoothness(coshValleyRow, a, s);
    expect(smoothness.K0).toBeCloseTo(0.4, 15);
    expect(smoothness.Krho).toBeCloseTo(0.16, 15);
    const x0 = [3, -2];
    // Later the gap falls below 1e-19 and x - eta sinh x cancels: the two runs then differ by round-off only.
    const base = run(rescaledProblem(coshValleyRow, 1, 1), inverseSmoothnessStep(coshValleyRow.smoothness), x0, { maxSteps: 6 });
    const scaled = run(rescaledProblem(coshValleyRow, a, s), inverseSmoothnessStep(smoothness), x0.map((w) => w / s), { maxSteps: 6 });
    for (let t = 0; t <= 6; t++) expect(scaled.gap[t] / (a * base.gap[t])).toBeCloseTo(1, 12);
  });

  it('rescaled rows replay in BigNumber: a f(s w) at 40 digits matches float64', () => {
    const problem = rescaledProblem(coshRow, 3, 0.5);
    const model = problem.highPrecision!(40);
    // 3 (cosh(0.5 * 2) - 1) = 3 * 0.5430806348 = 1.6292419044; gradient 3 * 0.5 sinh(1) = 1.5 * 1.1752011936 = 1.7628017905.
    const x = model.math.bignumber(2);
    expect(model.f([x]).toNumber()).toBeCloseTo(1.6292419044, 10);
    expect(model.grad([x])[0].toNumber()).toBeCloseTo(1.7628017905, 10);
    expect(problem.f(Float64Array.of(2))).toBeCloseTo(1.6292419044, 10);
  });
});

describe('bounds/liu2025: Theorem 1 and its consequences', () => {
  it('re-exports the Theorem-1 schedule of src/schedules instead of a copy', () => {
    expect(rhoK0KrhoWarmup).toBe(scheduleRhoK0KrhoWarmup);
  });

  it('Theorem 1: 2 Delta_0 / sum eta', () => {
    // 2 * 3 / 1.5 = 4.
    expect(theorem1MinGradSquaredBound({ initialGap: 3, stepSum: 1.5 })).toBe(4);
  });

  it('crude explicit consequence: 2 Delta_0 / (c T) max{K0, 3^rho Krho Delta_0^rho}', () => {
    // 2 * 2 / (0.5 * 4) * max{1, 3 * 1 * 2} = 2 * 6 = 12.
    expect(theorem1ExplicitBound({ rho: 1, K0: 1, Krho: 1, c: 0.5, initialGap: 2, T: 4 })).toBe(12);
    // K0 dominates: 2 * 0.1 / (1 * 1) * max{5, 3 * 0.1} = 0.2 * 5 = 1.
    expect(theorem1ExplicitBound({ rho: 1, K0: 5, Krho: 1, c: 1, initialGap: 0.1, T: 1 })).toBeCloseTo(1, 15);
  });

  it('dyadic bands: log2(D0/DT) + 1 + D0/(c G^2) (2 K0 + 3^rho Krho D0^rho / (1 - 2^(-1-rho)))', () => {
    // log2(4/1) + 1 + 4/(0.5 * 2) (2 + 3 * 4 / (1 - 1/4)) = 2 + 1 + 4 * (2 + 16) = 75.
    expect(dyadicBandStepBound({ rho: 1, K0: 1, Krho: 1, c: 0.5, initialGap: 4, finalGap: 1, minGradSquared: 2 })).toBe(75);
    expect(dyadicBandStepBound({ rho: 1, K0: 1, Krho: 1, c: 0.5, initialGap: 4, finalGap: 0, minGradSquared: 2 })).toBe(Infinity);
  });

  it("C3 self-bounding 2 M Delta, with equality in the limit on cosh x - 1 (f'^2 = 2 f + f^2)", () => {
    // 2 (1 + 0.5) 0.5 = 1.5.
    expect(selfBoundingGradSquaredBound({ rho: 1, K0: 1, Krho: 1, gap: 0.5 })).toBe(1.5);
    // cosh at x = 1, D = 0.5430806: sinh(1)^2 = 2 D + D^2 = 1.381098 <= 2 D + 2 D^2 = 1.086161 + 0.589873 = 1.676034.
    const gap = Math.cosh(1) - 1;
    expect(Math.sinh(1) ** 2).toBeCloseTo(1.381098, 6);
    expect(selfBoundingGradSquaredBound({ rho: 1, K0: 1, Krho: 1, gap })).toBeCloseTo(1.676034, 6);
  });

  it('C4 one-step descent, an equality on a quadratic', () => {
    // x^2/2 at x = 2 (K0 = 1, Krho = 0): 2 - 0.5 (1 - 0.25) 4 = 2 - 1.5 = 0.5; GD: x = 2 - 0.5 * 2 = 1, gap 0.5.
    expect(oneStepDescentGapBound({ rho: 1, K0: 1, Krho: 0, gap: 2, gradSquared: 4, eta: 0.5 })).toBe(0.5);
  });

  it("C5(b) decrease factor: 1/2 for c <= 1/2, (1 - 3^-rho)/2 for c <= 1; the digest's c = 1 failure of 1/2", () => {
    expect(theorem1DecreaseFactor({ rho: 1, c: 0.5 })).toBe(0.5);
    // (1 - 1/3)/2 = 1/3.
    expect(theorem1DecreaseFactor({ rho: 1, c: 1 })).toBeCloseTo(1 / 3, 15);
    // cosh x - 1 at x = 0.5, c = 1: Delta = 0.1276260, 3 Delta < 1 so eta = 1; x1 = 0.5 - sinh 0.5 = -0.0210953,
    // decrease = 0.1276260 - 0.0002225 = 0.1274035 < eta/2 sinh(0.5)^2 = 0.5 * 0.2715403 = 0.1357702.
    const step: Schedule = rhoK0KrhoWarmup({ rho: 1, K0: 1, Krho: 1, c: 1 });
    const trajectory = run(rescaledProblem(coshRow, 1, 1), step, [0.5], { maxSteps: 1 });
    expect(trajectory.stepSize[0]).toBe(1);
    const decrease = trajectory.gap[0] - trajectory.gap[1];
    expect(decrease).toBeCloseTo(0.12740, 5);
    expect(0.5 * trajectory.stepSize[0] * trajectory.gradNorm[0] ** 2).toBeCloseTo(0.13577, 5);
    expect(decrease).toBeGreaterThanOrEqual(theorem1DecreaseFactor({ rho: 1, c: 1 }) * trajectory.gradNorm[0] ** 2);
  });

  it('C7 PL contraction factor 1 - mu eta', () => {
    // 1 - 1 * 0.25 = 0.75.
    expect(plContractionFactor({ mu: 1, eta: 0.25 })).toBe(0.75);
  });
});

describe('bounds/liu2025: exact dynamics (C8, C9) and the C10 lower bound', () => {
  it('C8: x^4 adaptive factor 2/3 (16/81 in the gap), exponential warmup (9/4)^t', () => {
    expect(monomialAdaptiveContraction(4)).toBeCloseTo(2 / 3, 15);
    // (2/3)^4 = 16/81.
    expect(monomialAdaptiveContraction(4) ** 4).toBeCloseTo(16 / 81, 15);
    // x^6: 4/5.
    expect(monomialAdaptiveContraction(6)).toBeCloseTo(0.8, 15);
    // 2 * (9/4)^2 = 2 * 81/16 = 10.125.
    expect(monomialAdaptiveStep({ p: 4, eta0: 2, t: 2 })).toBeCloseTo(10.125, 13);
  });

  it('C8: constant-step threshold 2/(p |x0|^(p-2)) = 1/(2 x0^2) for x^4', () => {
    // 2 / (4 * 2^2) = 1/8.
    expect(monomialConstantStepThreshold({ p: 4, x0: 2 })).toBe(0.125);
    expect(monomialConstantStepThreshold({ p: 4, x0: -2 })).toBe(0.125);
    // At the threshold x0 -> x0 - (1/8) 4 x0^3 = 2 - 4 = -2: the 2-cycle.
    expect(2 - 0.125 * 4 * 2 ** 3).toBe(-2);
  });

  it('C8: sublinear asymptotics (8 eta t)^-2 for x^4, with the digest ratios 0.77 (t = 100) and 0.9965 (t = 10^4)', () => {
    // (0.01 * 4 * 2 * 100)^(-4/2) = 8^-2 = 1/64.
    expect(monomialConstantStepAsymptoticGap({ p: 4, eta: 0.01, t: 100 })).toBeCloseTo(1 / 64, 15);
    let x = 1;
    const ratioAt = new Map<number, number>();
    for (let t = 1; t <= 10_000; t++) {
      x -= 0.01 * 4 * x ** 3;
      if (t === 100 || t === 10_000) ratioAt.set(t, x ** 4 / monomialConstantStepAsymptoticGap({ p: 4, eta: 0.01, t }));
    }
    expect(ratioAt.get(100)).toBeCloseTo(0.77, 2);
    expect(ratioAt.get(10_000)).toBeCloseTo(0.9965, 4);
  });

  it('C9: threshold 2 x0/sinh x0 (10/sinh 5 at x0 = 5), landing step x0/sinh x0, and the reference step counts', () => {
    // 10 / sinh 5 = 10 / 74.2032106 = 0.1347651.
    expect(coshConstantStepThreshold(5)).toBeCloseTo(0.1347651, 7);
    expect(coshConstantStepThreshold(-5)).toBe(coshConstantStepThreshold(5));
    expect(coshConstantStepThreshold(0)).toBe(2);
    // 5 - (5 / sinh 5) sinh 5 = 0.
    expect(5 - coshLandingStep(5) * Math.sinh(5)).toBeCloseTo(0, 14);
    // The digest's table: from x0 = 5, warmup 1/cosh x_t needs 7 steps, the constant 0.99 * 10/sinh 5 needs 54.
    expect(coshStepsToTarget(5, (x) => 1 / Math.cosh(x))).toBe(7);
    expect(coshStepsToTarget(5, () => 0.99 * coshConstantStepThreshold(5))).toBe(54);
  });

  it('C10: Delta_0 max{0, 1 - tau}^(2T) with tau the C9 threshold at arccosh(1 + Delta_0)', () => {
    // Delta_0 = cosh 5 - 1 = 73.2099485: xbar = 5, tau = 0.1347651, 73.2099485 * 0.8652349^4 = 73.2099485 * 0.5604512 = 41.0306.
    expect(nonIncreasingWorstCaseGapLowerBound({ initialGap: Math.cosh(5) - 1, T: 2 })).toBeCloseTo(41.0306, 3);
    // Delta_0 = 1: xbar = arccosh 2 = 1.3169579, tau = 2.6339158 / 1.7320508 = 1.5207 > 1: no bound.
    expect(nonIncreasingWorstCaseGapLowerBound({ initialGap: 1, T: 3 })).toBe(0);
    // A constant step just below tau: the all-y start keeps Delta_0 (1 - eta)^(2T) >= the bound.
    const initialGap = Math.cosh(5) - 1;
    const eta = 0.999 * coshConstantStepThreshold(5);
    const allY = run(rescaledProblem(coshValleyRow, 1, 1), constant(eta), [0, Math.sqrt(2 * initialGap)], { maxSteps: 3 });
    expect(allY.gap[3]).toBeGreaterThanOrEqual(nonIncreasingWorstCaseGapLowerBound({ initialGap, T: 3 }));
  });
});

describe('bounds/liu2025: the warm-up side of the Theta(sqrt T) SGD gain (C12c)', () => {
  it('matches the hand-computed a sigma^2 / (2 sqrt T) and lies above the AR(1) stationary loss eta sigma^2 / (2 (2 - eta))', () => {
    // a = 2, sigma = 1/2, T = 400: 2 * 0.25 / (2 * 20) = 0.0125.
    expect(cappedWarmupSgdTailGapBound({ peakScale: 2, sigma: 0.5, T: 400 })).toBeCloseTo(0.0125, 15);
    // eta = a / sqrt T = 0.1: the stationary E[x^2] / 2 = 0.1 * 0.25 / (2 * 1.9) = 0.006579, about half the bound.
    expect((0.1 * 0.25) / (2 * 1.9)).toBeLessThan(cappedWarmupSgdTailGapBound({ peakScale: 2, sigma: 0.5, T: 400 }));
    expect(() => cappedWarmupSgdTailGapBound({ peakScale: 30, sigma: 0.5, T: 400 })).toThrow(InputError);
    expect(() => cappedWarmupSgdTailGapBound({ peakScale: 30, sigma: 0.5, T: 400 })).toThrow(/peakScale/);
  });
});

describe('bounds/liu2025: bad inputs throw an InputError naming the parameter', () => {
  const cases: Array<[string, () => unknown, string]> = [
    ['rho <= 0', () => suboptimalitySmoothnessBound({ rho: 0, K0: 1, Krho: 1, gap: 1 }), 'rho'],
    ['K0 < 0', () => suboptimalitySmoothnessBound({ rho: 1, K0: -1, Krho: 1, gap: 1 }), 'K0'],
    ['gap < 0', () => suboptimalitySmoothnessBound({ rho: 1, K0: 1, Krho: 1, gap: -1 }), 'gap'],
    ['Lemma 1 at rho = 2', () => lemma1Exponent(2), 'rho'],
    ['Lemma 1 at rho < 0', () => lemma1Constants({ rho: -0.5, L0: 1, Lrho: 1 }), 'rho'],
    ['Lemma 1 with Lrho = NaN', () => lemma1Constants({ rho: 1, L0: 1, Lrho: NaN }), 'Lrho'],
    ['stepSum = 0', () => theorem1MinGradSquaredBound({ initialGap: 1, stepSum: 0 }), 'stepSum'],
    ['T = 1.5', () => theorem1ExplicitBound({ rho: 1, K0: 1, Krho: 1, c: 0.5, initialGap: 1, T: 1.5 }), 'T'],
    [
      'finalGap < 0',
      () => dyadicBandStepBound({ rho: 1, K0: 1, Krho: 1, c: 0.5, initialGap: 1, finalGap: -1, minGradSquared: 1 }),
      'finalGap',
    ],
    ['eta >= 2/M', () => oneStepDescentGapBound({ rho: 1, K0: 1, Krho: 0, gap: 2, gradSquared: 4, eta: 2.5 }), 'eta'],
    ['c > 1', () => theorem1DecreaseFactor({ rho: 1, c: 1.5 }), 'c'],
    ['mu <= 0', () => plContractionFactor({ mu: 0, eta: 1 }), 'mu'],
    ['p <= 2', () => monomialSmoothnessConstants(2), 'p'],
    ['x0 = 0', () => monomialConstantStepThreshold({ p: 4, x0: 0 }), 'x0'],
    ['x0 infinite', () => coshConstantStepThreshold(Infinity), 'x0'],
    ['t = -1', () => monomialAdaptiveStep({ p: 4, eta0: 1, t: -1 }), 't'],
    ['a <= 0', () => scaledObjectiveConstants({ rho: 1, K0: 1, Krho: 1, a: 0 }), 'a'],
    ['s <= 0', () => rescaledVariableConstants({ rho: 1, K0: 1, Krho: 1, s: -1 }), 's'],
    ['initialGap <= 0', () => nonIncreasingWorstCaseGapLowerBound({ initialGap: 0, T: 1 }), 'initialGap'],
  ];
  for (const [what, call, parameter] of cases) {
    it(what, () => {
      expect(call).toThrow(InputError);
      expect(call).toThrow(new RegExp(`^${parameter}\\b`));
    });
  }
});
