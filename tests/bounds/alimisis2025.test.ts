/**
 * The closed forms of bounds/alimisis2025.ts (Alimisis, Islamov, Lucchi 2025, warmup-h0h1.md)
 * against values computed by hand (the arithmetic is in the comments), their domain checks, and the
 * high-precision models of the families the alimisis2025 claims replay their counterexamples on.
 */
import { describe, expect, it } from 'vitest';
import {
  attentionDataConstants,
  attentionRegressionConstants,
  attentionTaskCurvatureBound,
  curvatureBound,
  deepLinearBalancedConstants,
  TANH_SECOND_DERIVATIVE_MAX,
  definition31Margin,
  evenPowerIsH0H1Smooth,
  gradientSelfBound,
  l0l1ToH0H1,
  largeGapPhaseDecrease,
  largeGapPhaseSteps,
  satisfiesDefinition31,
  smallGapPhaseContraction,
  smallGapPhaseSteps,
  sumConstants,
  theorem41ConvexAuditValue,
  theorem41PlLowerBound,
  theorem41StabilityCap,
  theorem42AimingIterationBound,
  theorem42IterationBound,
  theorem43Applies,
  theorem43IterationBound,
  twoLayerCrossEntropyConstants,
} from '../../bounds/alimisis2025.js';
import {
  coshExtremal,
  evenPower,
  exponentialRidge,
  InputError,
  logisticRidge,
  quadraticExponentialA,
  quadraticExponentialB,
  Rng,
  symmetricSpectralNorm,
  type Problem,
} from '../../src/index.js';
import { toBigVector } from '../../src/problems/highPrecision.js';
import { attentionOutlierTask, attentionRegression, attentionTasks } from '../../proofs-checks/alimisis2025/_attention.js';
import { derivativeErrors, randomPoints } from '../problems/derivativeChecks.js';

describe('bounds/alimisis2025: Definition 3.1 and its consequences', () => {
  it('curvature bound and margin: H0 + H1 gap', () => {
    // 2 + 3 * 0.5 = 3.5.
    expect(curvatureBound({ H0: 2, H1: 3, gap: 0.5 })).toBe(3.5);
    // 4 - 3.5 = 0.5 > 0: violated; 3.5 - 3.5 = 0: holds (with equality).
    expect(definition31Margin({ hessianNorm: 4, H0: 2, H1: 3, gap: 0.5 })).toBe(0.5);
    expect(satisfiesDefinition31({ hessianNorm: 4, H0: 2, H1: 3, gap: 0.5 })).toBe(false);
    expect(satisfiesDefinition31({ hessianNorm: 3.5, H0: 2, H1: 3, gap: 0.5 })).toBe(true);
  });

  it('gradient self-bound: 2 H0 gap + H1 gap^2, with equality on the 1-D cosh function', () => {
    // 2 * 2 * 0.5 + 3 * 0.25 = 2 + 0.75 = 2.75.
    expect(gradientSelfBound({ H0: 2, H1: 3, gap: 0.5 })).toBe(2.75);
    // cosh(w) - 1 at w = 1 (H0 = H1 = 1): f = 0.5430806348, f' = sinh 1 = 1.1752011936,
    // f'^2 = 1.3810978 = 2 f + f^2 = 1.0861612696 + 0.2949365 .
    expect(gradientSelfBound({ H0: 1, H1: 1, gap: Math.cosh(1) - 1 })).toBeCloseTo(1.3810978, 7);
    expect(gradientSelfBound({ H0: 1, H1: 1, gap: Math.cosh(1) - 1 })).toBeCloseTo(Math.sinh(1) ** 2, 14);
  });

  it('growth characterisation of x^(2k): x^4 iff H0 H1 >= 36; x^6 with H1 = 1 iff H0 >= 4000', () => {
    // (2 * 6)^(1/2) (2 * 6)^(1/2) = 12 = 2*2*3: on the frontier.
    expect(evenPowerIsH0H1Smooth({ k: 2, H0: 6, H1: 6 })).toBe(true);
    expect(evenPowerIsH0H1Smooth({ k: 2, H0: 6, H1: 5.9 })).toBe(false);
    expect(evenPowerIsH0H1Smooth({ k: 2, H0: 12, H1: 3 })).toBe(true);
    // (3 * 4000)^(1/3) (3/2)^(2/3) = 22.894 * 1.3104 = 30 = 2*3*5: the frontier is at H0 = 4000.
    expect(evenPowerIsH0H1Smooth({ k: 3, H0: 4001, H1: 1 })).toBe(true);
    expect(evenPowerIsH0H1Smooth({ k: 3, H0: 3999, H1: 1 })).toBe(false);
  });

  it('(L0,L1) -> (H0,H1) crude inclusion: (3/2 L0, 3 L1^2)', () => {
    // 1.5 * 2 = 3, 3 * 3^2 = 27.
    expect(l0l1ToH0H1({ L0: 2, L1: 3 })).toEqual({ H0: 3, H1: 27 });
  });

  it('Prop. B.2 sum constants, including the negative H0 of the finding', () => {
    // H1 = max(1, 4) = 4; H0 = 1 + 1 + 4 * (-1) - 1 * (-1) - 4 * 0 = -1.
    expect(sumConstants({ f: { H0: 1, H1: 1, infimum: -1 }, g: { H0: 1, H1: 4, infimum: 0 }, sumInfimum: -1 })).toEqual({ H0: -1, H1: 4 });
    // Nonnegative infima 0.5 and 1, h* = 2: H0 = 2 + 3 + 4 * 2 - 1 * 0.5 - 4 * 1 = 8.5.
    expect(sumConstants({ f: { H0: 2, H1: 1, infimum: 0.5 }, g: { H0: 3, H1: 4, infimum: 1 }, sumInfimum: 2 })).toEqual({ H0: 8.5, H1: 4 });
  });

  it('Eq. (31) constants of Prop. 3.3', () => {
    // C1 = C2 = C3 = 1, ||X|| = 2, lambda1 = 1, lambda2 = 2, f* = 0.5:
    // A1 = 4, A2 = 4, A12 = 8, Bmix = 4 sqrt2 = 5.656854, Bres = 2 sqrt2 * 2 = 5.656854,
    // Clin = (8 + 8 + 5.656854)/1 + (8 + 8)/2 + 5.656854/2 = 21.656854 + 8 + 2.828427 = 32.485281,
    // H1 = 5.656854 + 32.485281 = 38.142136, H0 = 1 + 2 + 5.656854 * 1.5 = 11.485281.
    const c = twoLayerCrossEntropyConstants({ activation: { C1: 1, C2: 1, C3: 1 }, dataNorm: 2, lambda1: 1, lambda2: 2, fStar: 0.5 });
    expect([c.A1, c.A2, c.A12]).toEqual([4, 4, 8]);
    expect(c.Bmix).toBeCloseTo(5.656854, 6);
    expect(c.Bres).toBeCloseTo(5.656854, 6);
    expect(c.Clin).toBeCloseTo(32.485281, 6);
    expect(c.H1).toBeCloseTo(38.142136, 6);
    expect(c.H0).toBeCloseTo(11.485281, 6);
  });
});

describe('bounds/alimisis2025: iteration counts', () => {
  it('Theorem 4.2: 40 H0 R^2 / eps + 40 H1 R^2', () => {
    // 40 * 1 * 9 / 0.01 + 40 * 2 * 9 = 36000 + 720 = 36720.
    expect(theorem42IterationBound({ H0: 1, H1: 2, R: 3, eps: 0.01 })).toBeCloseTo(36720, 9);
  });

  it('Theorem 4.3: the positive control 40 + 20 log(5e5) = 302.447 and the printed domain', () => {
    // Delta0 = 1, eps = 1e-6, H0 = H1 = mu = 1: 40 * 1 * 1 / 1 + 20 * ln(1 / (2e-6)),
    // ln(5e5) = ln 5 + 5 ln 10 = 1.6094379 + 11.5129255 = 13.1223634; 40 + 262.447268 = 302.447268.
    expect(theorem43IterationBound({ H0: 1, H1: 1, mu: 1, gap0: 1, eps: 1e-6 })).toBeCloseTo(302.447268, 5);
    // The domain 0 < eps < H0/(2 H1) = 0.5 and Delta0 > eps.
    expect(theorem43Applies({ H0: 1, H1: 1, gap0: 1, eps: 0.4 })).toBe(true);
    expect(theorem43Applies({ H0: 1, H1: 1, gap0: 1, eps: 0.5 })).toBe(false);
    expect(theorem43Applies({ H0: 1, H1: 1, gap0: 0.3, eps: 0.4 })).toBe(false);
  });

  it('phase-wise counts of the proof of Theorem 4.3', () => {
    // mu / (40 H1) = 1/80; 1 - mu/(20 H0) = 0.95.
    expect(largeGapPhaseDecrease({ H0: 1, H1: 2, mu: 1 })).toBe(1 / 80);
    expect(smallGapPhaseContraction({ H0: 1, H1: 2, mu: 1 })).toBe(0.95);
    // N1 = 1 + 40 * 1 * (10 - 1/2) / 1 = 381; with Delta0 = 0.2 < 1/2, N1 = 1.
    expect(largeGapPhaseSteps({ H0: 1, H1: 1, mu: 1, gap0: 10 })).toBeCloseTo(381, 10);
    expect(largeGapPhaseSteps({ H0: 1, H1: 1, mu: 1, gap0: 0.2 })).toBe(1);
    // N2 = ceil(ln(min(10, 0.5) / 1e-6) / -ln 0.95) = ceil(13.1223634 / 0.0512933) = ceil(255.83) = 256.
    expect(smallGapPhaseSteps({ H0: 1, H1: 1, mu: 1, gap0: 10, eps: 1e-6 })).toBe(256);
    // Below eps already: no step needed.
    expect(smallGapPhaseSteps({ H0: 1, H1: 1, mu: 1, gap0: 1e-7, eps: 1e-6 })).toBe(0);
  });

  it('Theorem 4.1: the Eq. (63) cap, the part (3) lower bound, the part (2) audit value', () => {
    // 2 (ln e + 1) / e = 4 / e = 1.47151776.
    expect(theorem41StabilityCap({ gap0: Math.E })).toBeCloseTo(1.47151776, 8);
    // H1 = 1, mu = 2, Delta0 = 10, eps = 1e-8: (1/8) * 10 / (ln 10 + 1) * ln(1e9)
    // = 25.9040823 / 3.3025851 = 7.843578.
    expect(theorem41PlLowerBound({ H1: 1, mu: 2, gap0: 10, eps: 1e-8 })).toBeCloseTo(7.843578, 5);
    // Delta0 (Delta0 - eps) / (4 eps) = 1 * 0.9 / 0.4 = 9/4.
    expect(theorem41ConvexAuditValue({ gap0: 1, eps: 0.1 })).toBeCloseTo(2.25, 14);
  });
});

describe('bounds/alimisis2025: Theorem 4.2 under Aiming with theta < 1 (our reading)', () => {
  it('divides the convex count by theta^2', () => {
    // H0 = 2, H1 = 1, R = 1, eps = 0.1: 40*2/0.1 + 40 = 840; theta = 1/2: 3360.
    expect(theorem42AimingIterationBound({ H0: 2, H1: 1, R: 1, eps: 0.1, theta: 0.5 })).toBeCloseTo(3360, 9);
    expect(theorem42AimingIterationBound({ H0: 2, H1: 1, R: 1, eps: 0.1, theta: 1 })).toBe(theorem42IterationBound({ H0: 2, H1: 1, R: 1, eps: 0.1 }));
  });
});

describe('bounds/alimisis2025: our constants for Prop. 3.2 on strongly balanced deep linear nets', () => {
  it('match the hand-computed A + 2 B f* and 2 B', () => {
    // L = 2, xi = 2, sigma = 1, y = 1: A = 2*4*(1 + 2) + 2*(1/2 + 1/2) = 26, B = 2*2*4 + 2*(1/2 + 3/2) = 20.
    expect(deepLinearBalancedConstants({ depth: 2, dataNorm: 2, dataMinSingularValue: 1, targetNorm: 1, infimum: 0.5 })).toEqual({ H0: 46, H1: 40 });
  });

  it('bound the scalar balanced net 1/2 (ab - 1)^2 at a = b = t, where ||Hess|| = 3 t^2 - 1 (t^2 >= 1/2)', () => {
    // X = Y = [[1]]: xi = sigma = y = 1, f* = 0, so A = 2*3 + 1 = 7, B = 4 + 2 = 6: (H0, H1) = (7, 12).
    const { H0, H1 } = deepLinearBalancedConstants({ depth: 2, dataNorm: 1, dataMinSingularValue: 1, targetNorm: 1, infimum: 0 });
    expect({ H0, H1 }).toEqual({ H0: 7, H1: 12 });
    for (const t of [0.8, 1, 2, 10, 100]) {
      const hessianNorm = 3 * t * t - 1;
      expect(hessianNorm).toBeLessThanOrEqual(curvatureBound({ H0, H1, gap: 0.5 * (t * t - 1) ** 2 }));
    }
  });
});

describe('bounds/alimisis2025: our constants for the attention layer of Prop. 3.4 / E.2', () => {
  const c3 = TANH_SECOND_DERIVATIVE_MAX;

  it('c3 is max |tanh\'\'|, reached at tanh s = 1/sqrt 3', () => {
    const s = Math.atanh(1 / Math.sqrt(3));
    expect(2 * Math.tanh(s) * (1 - Math.tanh(s) ** 2)).toBeCloseTo(c3, 15);
    for (let k = -400; k <= 400; k++) expect(2 * Math.abs(Math.tanh(k / 100)) * (1 - Math.tanh(k / 100) ** 2)).toBeLessThanOrEqual(c3 + 1e-15);
  });

  it('match the hand-computed data constants, per-task bound and (H0, H1)', () => {
    // Tokens of norms 5 and 0: S1 = 2.5, S2 = 12.5, S3 = 62.5; ||w|| = 2: a1 = 6.25, a2 = 4 * 12.5^2 = 625,
    // b1 = 2 * 12.5 = 25, b2 = c3 * 4 * 62.5 = 250 c3.
    const data = attentionDataConstants({ context: [[3, 4], [0, 0]], query: [2, 0] });
    expect(data.a1).toBe(6.25);
    expect(data.a2).toBe(625);
    expect(data.b1).toBe(25);
    expect(data.b2).toBeCloseTo(250 * c3, 12);
    // lambdaP = 1, lambdaQ = 1/2, loss 2: kappa = 1250 + 500 c3; Phi = 1 + 6.25 + 2 kappa + 25 * 2.
    expect(attentionTaskCurvatureBound({ lambdaP: 1, lambdaQ: 0.5, ...data, loss: 2 })).toBeCloseTo(2557.25 + 1000 * c3, 9);
    // H1 = kappa + b1 = 1275 + 500 c3, H0 = 1 + 6.25 + 25/2 + H1 f*.
    const { H0, H1 } = attentionRegressionConstants({ lambdaP: 1, lambdaQ: 0.5, ...data, infimum: 0.1 });
    expect(H1).toBeCloseTo(1275 + 500 * c3, 9);
    expect(H0).toBeCloseTo(19.75 + 0.1 * H1, 9);
  });

  it('the attention model: exact derivatives, f the mean of the f_j, and ||Hess f_j|| = lambda + |y| ||u||^2 ||w|| at P = Q = 0', () => {
    const { instance } = attentionTasks();
    const { problem } = instance({ d: 2, n: 3, J: 3, task: 1, seed: 5, contextScale: 0.8, queryScale: 1.5, taskScale: 1, labelNoise: 0.3, pScale: 0.7, qScale: 0.4, lambdaP: 0.2, lambdaQ: 0.05 });
    const errors = derivativeErrors(problem, randomPoints(problem.dim, 3, 1, 11));
    expect(errors.gradient).toBeLessThan(1e-7);
    expect(errors.hessian).toBeLessThan(1e-6);
    const x = randomPoints(problem.dim, 1, 1, 12)[0];
    const mean = new Float64Array(problem.dim ** 2);
    for (let j = 0; j < 3; j++) problem.taskHessian(x, j).forEach((v, i) => (mean[i] += v / 3));
    problem.hess!(x).forEach((v, i) => expect(mean[i]).toBeCloseTo(v, 12));
    expect((problem.taskObjective(x, 0) + problem.taskObjective(x, 1) + problem.taskObjective(x, 2)) / 3).toBeCloseTo(problem.f(x), 12);
    // d = 1, one token u = (1, 2), query w = (3, 0), target 2, lambda = 1/2: at P = Q = 0 the gradient of yhat
    // is 0 and the cross block is r u (u w^T)^T, of norm |r| ||u||^2 ||w|| = 2 * 5 * 3, so ||Hess f_j|| = 30.5;
    // the b1 term of the per-task bound is b1 sqrt(2 f_j) = (3 * 5) * 2 = 30 of it.
    const single = attentionRegression({ tasks: [{ context: [Float64Array.of(1, 2)], query: Float64Array.of(3, 0), target: 2 }], lambdaP: 0.5, lambdaQ: 0.5 });
    const origin = new Float64Array(single.dim);
    expect(symmetricSpectralNorm(single.taskHessian(origin, 0), single.dim)).toBeCloseTo(30.5, 12);
    const data = attentionDataConstants({ context: [[1, 2]], query: [3, 0] });
    expect(data.b1 * Math.sqrt(2 * single.taskObjective(origin, 0))).toBeCloseTo(30, 12);
  });

  it('the outlier family: one ridge weight, inputs of the given norms, target labelNoise on task 0 only, and at P = Q = 0 the mean-loss form of E.2 (i) fails by 20%', () => {
    const { instance } = attentionOutlierTask();
    const wide = instance({ d: 2, n: 3, J: 5, seed: 3, contextScale: 0.2, queryScale: 4, taskScale: 0.1, labelNoise: 3, pScale: 1e-4, qScale: 1e-4, lambda: 0.5 });
    expect([wide.task, wide.problem.lambdaP, wide.problem.lambdaQ, wide.problem.tasks.length]).toEqual([0, 0.5, 0.5, 5]);
    expect(wide.problem.tasks[0].target).toBe(3);
    for (const { context, query, target } of wide.problem.tasks) {
      expect(Math.hypot(query[0], query[1])).toBeCloseTo(4, 12);
      expect(query[2]).toBe(0);
      for (const u of context) expect(Math.hypot(u[0], u[1])).toBeCloseTo(0.2, 12);
      // Every label is beta . x: beta solved from the first two tokens gives the third one's and, on the
      // clean tasks (all but task 0), the query's target.
      const [first, second, third] = context;
      const det = first[0] * second[1] - first[1] * second[0];
      const beta = [(first[2] * second[1] - second[2] * first[1]) / det, (first[0] * second[2] - second[0] * first[2]) / det];
      expect(beta[0] * third[0] + beta[1] * third[1]).toBeCloseTo(third[2], 9);
      if (target !== 3) expect(beta[0] * query[0] + beta[1] * query[1]).toBeCloseTo(target, 9);
    }
    // d = 1, n = 1, J = 16, lambda = 1/2: the token u = (x, beta x) with |x| = 0.2, ||w|| = 4, y = 3. At P = Q = 0,
    // ||Hess f_0|| = lambda + |y| ||u||^2 ||w|| = 0.5 + 12 r^2, r^2 = ||u||^2 in [0.04, 0.0404] for |beta| <= 0.1,
    // while the mean-loss bound gives lambda + r^2 + kappa f + 4 r^2 sqrt(2 f), 2 f = (9 + sum_{k > 0} y_k^2) / 16.
    const { problem, taskConstants } = instance({ d: 1, n: 1, J: 16, seed: 1, contextScale: 0.2, queryScale: 4, taskScale: 0.01, labelNoise: 3, pScale: 1e-4, qScale: 1e-4, lambda: 0.5 });
    const r2 = problem.tasks[0].context[0][0] ** 2 + problem.tasks[0].context[0][1] ** 2;
    expect(r2).toBeGreaterThanOrEqual(0.04);
    expect(r2).toBeLessThan(0.0404);
    const origin = new Float64Array(problem.dim);
    const lhs = symmetricSpectralNorm(problem.taskHessian(origin, 0), problem.dim);
    expect(lhs).toBeCloseTo(0.5 + 12 * r2, 12);
    const f = problem.f(origin);
    expect(f).toBeCloseTo(problem.tasks.reduce((sum, t) => sum + t.target ** 2 / 2, 0) / 16, 14);
    const c3 = TANH_SECOND_DERIVATIVE_MAX;
    const kappa = (2 * 16 * r2 ** 2) / 0.5 + (2 * c3 * 16 * r2 ** 1.5) / Math.sqrt(0.5);
    const rhs = attentionTaskCurvatureBound({ lambdaP: 0.5, lambdaQ: 0.5, ...taskConstants, loss: f });
    expect(rhs).toBeCloseTo(0.5 + r2 + kappa * f + 4 * r2 * Math.sqrt(2 * f), 12);
    expect((lhs - rhs) / lhs).toBeGreaterThan(0.2);
  });
});

describe('bounds/alimisis2025: bad inputs throw an InputError naming the parameter', () => {
  const cases: Array<[string, () => unknown, RegExp]> = [
    ['negative H0', () => curvatureBound({ H0: -1, H1: 1, gap: 1 }), /H0/],
    ['negative gap', () => gradientSelfBound({ H0: 1, H1: 1, gap: -1 }), /gap/],
    ['negative Hessian norm', () => definition31Margin({ hessianNorm: -1, H0: 1, H1: 1, gap: 1 }), /hessianNorm/],
    ['eps = 0 in Theorem 4.2', () => theorem42IterationBound({ H0: 1, H1: 1, R: 1, eps: 0 }), /eps/],
    ['eps outside the printed domain of Theorem 4.3', () => theorem43IterationBound({ H0: 1, H1: 1, mu: 1, gap0: 1, eps: 0.5 }), /eps/],
    ['Delta0 <= eps in Theorem 4.3', () => theorem43IterationBound({ H0: 1, H1: 1, mu: 1, gap0: 1e-7, eps: 1e-6 }), /gap0/],
    ['H1 = 0 in Theorem 4.3', () => theorem43IterationBound({ H0: 1, H1: 0, mu: 1, gap0: 1, eps: 1e-6 }), /H1/],
    ['mu >= 20 H0 in the phase counts', () => smallGapPhaseSteps({ H0: 1, H1: 1, mu: 25, gap0: 1, eps: 0.1 }), /mu/],
    ['Delta0 = 0 in the Eq. (63) cap', () => theorem41StabilityCap({ gap0: 0 }), /gap0/],
    ['mu = 0 in Theorem 4.1', () => theorem41PlLowerBound({ H1: 1, mu: 0, gap0: 2, eps: 0.1 }), /mu/],
    ['k = 1 in the growth characterisation', () => evenPowerIsH0H1Smooth({ k: 1, H0: 1, H1: 1 }), /k/],
    ['negative L1', () => l0l1ToH0H1({ L0: 1, L1: -1 }), /L1/],
    ['negative summand H1', () => sumConstants({ f: { H0: 1, H1: -1, infimum: 0 }, g: { H0: 1, H1: 1, infimum: 0 }, sumInfimum: 0 }), /f\.H1/],
    ['theta > 1 in Theorem 4.2 under Aiming', () => theorem42AimingIterationBound({ H0: 1, H1: 1, R: 1, eps: 0.1, theta: 1.5 }), /theta/],
    ['data of deficient rank in Prop. 3.2', () => deepLinearBalancedConstants({ depth: 3, dataNorm: 1, dataMinSingularValue: 0, targetNorm: 1, infimum: 0 }), /dataMinSingularValue/],
    ['depth 1 in Prop. 3.2', () => deepLinearBalancedConstants({ depth: 1, dataNorm: 1, dataMinSingularValue: 1, targetNorm: 1, infimum: 0 }), /depth/],
    ['lambda1 = 0 in Eq. (31)', () => twoLayerCrossEntropyConstants({ activation: { C1: 1, C2: 1, C3: 1 }, dataNorm: 1, lambda1: 0, lambda2: 1, fStar: 0 }), /lambda1/],
  ];
  for (const [label, call, name] of cases) {
    it(label, () => {
      expect(call).toThrow(InputError);
      expect(call).toThrow(name);
    });
  }
});

describe('high-precision models of the families the alimisis2025 claims replay', () => {
  const rng = new Rng(3);
  const X = Array.from({ length: 6 }, () => Array.from(rng.normalVector(3)));
  const y = X.map((_, i) => (i % 2 ? 1 : -1));
  const problems: Problem[] = [
    coshExtremal({ H0: 1.3, H1: 0.7, dim: 3 }),
    evenPower({ k: 2, dim: 3 }),
    evenPower({ k: 3, dim: 3 }),
    quadraticExponentialA({ dim: 3 }),
    quadraticExponentialB({ h: 2.5, dim: 3 }),
    logisticRidge({ X, y, lambda: 0.1 }),
    exponentialRidge({ X, y, lambda: 0.1 }),
  ];
  for (const problem of problems) {
    it(`${problem.name}: f, grad and gap agree with float64 to 1e-12 at 40 digits`, () => {
      const model = problem.highPrecision!(40);
      const xStar = problem.xStar!;
      for (const offset of [[0.3, -1.7, 2.2], [1e-3, 2e-4, -1e-3]]) {
        const x = Float64Array.from(offset, (v, i) => v + xStar[i]);
        const g = new Float64Array(3);
        const f = problem.grad(x, g);
        const big = toBigVector(model.math, x);
        expect(Math.abs(model.f(big).toNumber() - f)).toBeLessThan(1e-12 * Math.abs(f));
        model.grad(big).forEach((gi, i) => expect(Math.abs(gi.toNumber() - g[i])).toBeLessThan(1e-12 * Math.max(Math.abs(g[i]), 1e-300) + 1e-15));
        const gap = problem.gap!(x);
        expect(Math.abs(model.gap!(big).toNumber() - gap)).toBeLessThan(1e-12 * gap);
      }
    });
  }

  it('the ridge models refine x*: their f* lies below f at the float64 x*, by ~ ||grad f||^2 / lambda only', () => {
    for (const problem of problems.slice(5)) {
      const model = problem.highPrecision!(40);
      // ||grad f(x*_float64)|| ~ 1e-16, so f(x*_float64) - f* ~ 1e-32 / lambda.
      const atFloatMinimizer = model.f(toBigVector(model.math, problem.xStar!));
      expect(atFloatMinimizer.minus(model.fStar).toNumber()).toBeGreaterThanOrEqual(0);
      expect(atFloatMinimizer.minus(model.fStar).toNumber()).toBeLessThan(1e-28);
    }
  });
});
