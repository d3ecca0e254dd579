/**
 * The curvature-against-suboptimality study: on problems with known constants it recovers them
 * (the cosh extremal function: (H0, H1) and rho = 1, a linear envelope; w^4: rho = 1/2, Krho = 12,
 * a power law; a quadratic: constant curvature, flat), and on small MLPs its envelopes are valid on
 * every pair and its results are the same on every run.
 */
import { describe, expect, it } from 'vitest';
import {
  classifyEnvelope,
  curvatureStudy,
  envelopeSlack,
  mlpCurvatureStudy,
  pairIterations,
  powerEnvelope,
  type CurvatureStudy,
  type MlpStudyConfig,
} from '../../src/estimate/index.js';
import { coshExtremal } from '../../src/problems/cosh.js';
import { evenPower } from '../../src/problems/power.js';
import { quadratic } from '../../src/problems/quadratic.js';
import { InputError } from '../../src/util/errors.js';

const EXACT = { kind: 'problem' } as const;

/** Relative rounding allowed on an envelope: curvature <= bound (1 + ROUNDING). */
const ROUNDING = 1e-12;

function expectValidOnEveryPair(study: CurvatureStudy): void {
  const { linear, power, pairs } = study;
  const powerBound = powerEnvelope(power);
  for (const { gap, curvature } of pairs) {
    expect(gap).toBeGreaterThanOrEqual(0);
    expect(curvature).toBeLessThanOrEqual((linear.H0 + linear.H1 * gap) * (1 + ROUNDING));
    expect(curvature).toBeLessThanOrEqual(powerBound(gap) * (1 + ROUNDING));
  }
  expect(linear.maxViolation).toBeLessThanOrEqual(ROUNDING * Math.max(...pairs.map((p) => p.curvature)));
  expect(power.maxViolation).toBeLessThanOrEqual(ROUNDING * Math.max(...pairs.map((p) => p.curvature)));
}

describe('known answers', () => {
  it('cosh (H0, H1) = (2, 0.5): the linear envelope is (H0, H1), rho = 1, verdict linear', () => {
    const problem = coshExtremal({ H0: 2, H1: 0.5 });
    // ||Hess f(w0)|| = H0 cosh(sqrt(H1) w0) = 2 cosh(3) = 20.1 at w0 = 3 sqrt(2).
    const study = curvatureStudy(problem, [3 * Math.SQRT2], { step: 0.02, steps: 600, reference: EXACT });
    expectValidOnEveryPair(study);
    expect(study.linear.H0).toBeCloseTo(2, 9);
    expect(study.linear.H1).toBeCloseTo(0.5, 9);
    expect(study.power.rho).toBe(1);
    expect(study.power.K0).toBeCloseTo(2, 9);
    expect(study.power.Krho).toBeCloseTo(0.5, 9);
    expect(study.linearSlack).toBeLessThan(1e-12);
    expect(study.verdict).toBe('linear');
    expect(study.reference).toEqual({ value: 0, rule: EXACT, description: "the problem's f*" });
  });

  it('w^4: rho = 1/2 with (K0, Krho) = (0, 12), verdict power law', () => {
    const study = curvatureStudy(evenPower({ k: 2 }), [2], { step: 1 / 96, steps: 4000, reference: EXACT });
    expectValidOnEveryPair(study);
    expect(study.power.rho).toBe(0.5);
    expect(study.power.K0).toBeLessThan(1e-9);
    expect(study.power.Krho).toBeCloseTo(12, 9);
    // A line over the concave curve 12 sqrt(gap) is a chord: loose in between.
    expect(study.linearSlack).toBeGreaterThan(study.powerSlack + 0.05);
    expect(study.verdict).toBe('power law');
    // C11's log-log slope sees the same exponent.
    expect(study.logLogSlope).toBeCloseTo(0.5, 9);
  });

  it('a quadratic: constant curvature lambda_max, H1 = 0, verdict flat', () => {
    const problem = quadratic({ eigenvalues: [0.5, 2], seed: 3 });
    const study = curvatureStudy(problem, [1, -2], { step: 0.25, steps: 200, reference: EXACT });
    expectValidOnEveryPair(study);
    expect(study.linear.H0).toBeCloseTo(2, 12);
    expect(study.linear.H1).toBe(0);
    expect(study.rise).toBeCloseTo(1, 12);
    expect(study.verdict).toBe('flat');
  });

  it('a step beyond 2 / L diverges: an InputError naming the step', () => {
    const problem = quadratic({ eigenvalues: [0.5, 2], seed: 3 });
    expect(() => curvatureStudy(problem, [1, -2], { step: 1.5, steps: 200, reference: EXACT })).toThrow(InputError);
    expect(() => curvatureStudy(problem, [1, -2], { step: 1.5, steps: 200, reference: EXACT })).toThrow('step 1.5 is too large');
  });
});

describe('the verdict and its pieces', () => {
  it('pairIterations: 0 and the last iteration included, geometric in between, increasing', () => {
    const iterations = pairIterations(999, 10);
    expect(iterations).toEqual([0, 1, 4, 9, 21, 45, 99, 214, 463, 999]);
    expect(pairIterations(3, 10)).toEqual([0, 1, 2, 3]);
  });

  it('envelopeSlack: 0 on the envelope, the median of 1 - c/b otherwise', () => {
    const pairs = [1, 2, 3].map((gap) => ({ gap, curvature: 1 + gap }));
    expect(envelopeSlack(pairs, (g) => 1 + g)).toBe(0);
    expect(envelopeSlack(pairs, (g) => 2 * (1 + g))).toBe(0.5);
  });

  it('classifyEnvelope: flat below the rise threshold, then linear within the slack tolerance', () => {
    expect(classifyEnvelope({ rise: 1.2, linearSlack: 0.5, powerSlack: 0 })).toBe('flat');
    expect(classifyEnvelope({ rise: 3, linearSlack: 0.14, powerSlack: 0.1 })).toBe('linear');
    expect(classifyEnvelope({ rise: 3, linearSlack: 0.2, powerSlack: 0.1 })).toBe('power law');
  });
});

describe('small MLPs', () => {
  const configs: MlpStudyConfig[] = [
    { activation: 'tanh', loss: 'mse', l2: 0, seed: 1 },
    { activation: 'relu', loss: 'crossEntropy', l2: 0.01, seed: 2 },
    { activation: 'leakyRelu', loss: 'crossEntropy', l2: 0, seed: 3, hidden: [4, 4] },
  ];
  for (const config of configs) {
    it(`${config.activation}, ${config.loss}, l2 = ${config.l2}: envelopes valid on every pair, same result twice`, () => {
      const options = { ...config, steps: 3000, pairCount: 60 };
      const study = mlpCurvatureStudy(options);
      expectValidOnEveryPair(study);
      expect(study.stop).toBe('budget');
      expect(study.iterations[study.iterations.length - 1]).toBe(3000);
      expect(study.verdict).toBe(classifyEnvelope(study));
      const lowest = Math.min(...study.losses);
      if (config.l2 === 0) {
        expect(study.reference.value).toBe(0);
      } else {
        // The minimum seen, less 1% of the decrease: below every loss of the run.
        expect(study.reference.value).toBeCloseTo(lowest - 0.01 * (study.losses[0] - lowest), 12);
        expect(Math.min(...study.pairs.map((p) => p.gap))).toBeGreaterThan(0);
      }
      // The problem carries closures: compare everything else (the start included).
      const { problem: _problem, ...numbers } = study;
      const { problem: _again, ...repeated } = mlpCurvatureStudy(options);
      expect(repeated).toEqual(numbers);
    });
  }
});
