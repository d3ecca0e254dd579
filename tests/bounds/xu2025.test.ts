/**
 * bounds/xu2025.ts against values computed by hand: the scalar net m = n = h = 1 (where the
 * digest's closed forms hold exactly), diagonal nets whose imbalance is diagonal, and small
 * matrices; and bad inputs, which throw an InputError naming the parameter.
 */
import { describe, expect, it } from 'vitest';
import {
  adaptiveStep,
  asymptoticRate,
  cumulativeImbalanceDrift,
  descentLemmaBound,
  endToEnd,
  firstLayerImbalanceBound,
  firstLayerMarginBounds,
  hessianBound,
  imbalance,
  imbalanceDriftBounds,
  imbalanceIncrement,
  imbalanceMarginRoot,
  imbalancePLLowerBound,
  kthSingularValue,
  localPLConstant,
  lossGradientNormBound,
  oneStepRate,
  productMarginLowerBound,
  productNormUpperBound,
  scalarLocalPLConstant,
  scalarSharpness,
  secondLayerImbalanceBound,
  secondLayerMarginBounds,
  segmentSmoothness,
  topSingularValueBounds,
  type TwoLayerWeights,
} from '../../bounds/xu2025.js';
import { InputError } from '../../src/util/errors.js';

const weights = (W1: number[], W2: number[], n: number, h: number, m: number): TwoLayerWeights => ({
  W1: Float64Array.from(W1),
  W2: Float64Array.from(W2),
  n,
  h,
  m,
});

// Scalar net: w1 = 2, w2 = 1, x = 1, y = 1, so P = 2, G = (P - y) x^2 = 1, K = mu = 1,
// d = w1^2 - w2^2 = 3, p = w1 w2 = 2.
const scalar = weights([2], [1], 1, 1, 1);
const scalarG = Float64Array.of(1);

// Diagonal imbalance: W1 = [[2, 0], [0, 1], [0, 0]] (h = 3, n = 2), W2 = [[0, 0, 3]] (m = 1):
// D = diag(4, 1, 0) - diag(0, 0, 9) = diag(4, 1, -9), eigenvalues 4 >= 1 >= -9; P = W2 W1 = 0.
const diagonal = weights([2, 0, 0, 1, 0, 0], [0, 0, 3], 2, 3, 1);

// W2 = [[1, 0, 3]] with the same W1: P = [2, 0], W2^T W2 = [[1, 0, 3], [0, 0, 0], [3, 0, 9]],
// D = [[3, 0, -3], [0, 1, 0], [-3, 0, -9]]: eigenvalues 1 and -3 +- sqrt(45) (trace -6, det -36).
const coupled = weights([2, 0, 0, 1, 0, 0], [1, 0, 3], 2, 3, 1);

describe('imbalance and its GD update', () => {
  it('D = W1 W1^T - W2^T W2', () => {
    expect(Array.from(imbalance(scalar))).toEqual([3]); // 4 - 1
    expect(Array.from(imbalance(diagonal))).toEqual([4, 0, 0, 0, 1, 0, 0, 0, -9]);
    expect(Array.from(imbalance(coupled))).toEqual([3, 0, -3, 0, 1, 0, -3, 0, -9]);
  });

  it('the increment eta^2 (W2^T G G^T W2 - W1 G^T G W1^T) equals D after a GD step minus D', () => {
    // Scalar, eta = 1/2: 1/4 (1 * 1 - 4 * 1) = -3/4. The step: w1 <- 2 - 1/2 (w2 G) = 1.5,
    // w2 <- 1 - 1/2 (G w1) = 0, so D goes from 3 to 2.25.
    expect(Array.from(imbalanceIncrement({ weights: scalar, G: scalarG, eta: 0.5 }))).toEqual([-0.75]);
    expect(Array.from(imbalance(weights([1.5], [0], 1, 1, 1)))).toEqual([2.25]);
    // W1 = [[1], [0]], W2 = [[0, 1]], G = [[2]], eta = 1/2: W2^T G = [[0], [2]] gives
    // [[0, 0], [0, 4]], G W1^T = [[2, 0]] gives [[4, 0], [0, 0]]; 1/4 of the difference.
    const increment = imbalanceIncrement({ weights: weights([1, 0], [0, 1], 1, 2, 1), G: Float64Array.of(2), eta: 0.5 });
    expect(Array.from(increment)).toEqual([-1, 0, 0, 1]);
  });

  it('the end-to-end matrix P = W2 W1', () => {
    expect(Array.from(endToEnd(weights([1, 2], [3, 4], 1, 2, 1)))).toEqual([11]); // 3 + 8
    expect(Array.from(endToEnd(coupled))).toEqual([2, 0]);
  });

  it('the drift bounds on the eigenvalues of D after a step', () => {
    // Scalar, eta = 1/2, ||G|| = 1: down = 1/4 * 4 = 1, up = 1/4 * 1 = 1/4; D_{t+1} = 2.25 in [2, 3.25].
    const { eigenvalues, lower, upper } = imbalanceDriftBounds({ weights: scalar, G: scalarG, eta: 0.5 });
    expect([eigenvalues[0], lower[0], upper[0]]).toEqual([3, 2, 3.25]);
  });

  it('the total drift 2 K sigmaBar^2 gap0 sum_t eta_t^2 prod_{s<t} rho_s', () => {
    // 2 * 1 * 4 * 0.5 * (0.25 + 0.25 * 0.5) = 4 * 0.375 = 1.5.
    expect(cumulativeImbalanceDrift({ K: 1, sigmaBarSquared: 4, gap0: 0.5, steps: [0.5, 0.5], rates: [0.5] })).toBeCloseTo(1.5, 15);
  });
});

describe('singular values, the local PL constant and its lower bounds', () => {
  it('sigma_k, 0 beyond min(rows, cols)', () => {
    const diag31 = Float64Array.of(3, 0, 0, 1);
    expect(kthSingularValue(diag31, 2, 2, 1)).toBeCloseTo(3, 15);
    expect(kthSingularValue(diag31, 2, 2, 2)).toBeCloseTo(1, 15);
    expect(kthSingularValue(diag31, 2, 2, 3)).toBe(0);
  });

  it('mu(W) = mu (sigma_n^2(W1) + sigma_m^2(W2)), scalar sqrt(d^2 + 4 p^2)', () => {
    expect(localPLConstant({ mu: 1, weights: scalar })).toBeCloseTo(5, 14); // 4 + 1
    expect(scalarLocalPLConstant({ d: 3, p: 2 })).toBe(5); // sqrt(9 + 16)
    expect(localPLConstant({ mu: 2, weights: diagonal })).toBeCloseTo(20, 13); // 2 (sigma_2^2(W1) = 1 + sigma_1^2(W2) = 9)
  });

  it('imbalance bounds lambda_n(D) and -lambda_{h-m+1}(D), and their sum', () => {
    expect(firstLayerImbalanceBound({ D: Float64Array.of(3), h: 1, n: 1 })).toBe(3);
    expect(secondLayerImbalanceBound({ D: Float64Array.of(3), h: 1, m: 1 })).toBe(-3);
    // Diagonal: lambda_2(D) = 1 = sigma_2^2(W1), -lambda_3(D) = 9 = sigma_1^2(W2) (W2 orthogonal to W1).
    const D = imbalance(diagonal);
    expect(firstLayerImbalanceBound({ D, h: 3, n: 2 })).toBeCloseTo(1, 14);
    expect(secondLayerImbalanceBound({ D, h: 3, m: 1 })).toBeCloseTo(9, 14);
    expect(imbalancePLLowerBound({ mu: 1, D, h: 3, n: 2, m: 1 })).toBeCloseTo(10, 13);
    // Scalar with mu = 2: 2 ([3]_+ + [-3]_+) = 6.
    expect(imbalancePLLowerBound({ mu: 2, D: Float64Array.of(3), h: 1, n: 1, m: 1 })).toBe(6);
    // h = 1 < n = m = 2: both terms dropped.
    expect(imbalancePLLowerBound({ mu: 1, D: Float64Array.of(5), h: 1, n: 2, m: 2 })).toBe(0);
  });

  it('the imbalance-margin root 1/2 (lambda + sqrt(lambda^2 + 4 sigma^2)), exact for scalars', () => {
    expect(imbalanceMarginRoot({ lambda: 3, sigma: 2 })).toBe(4); // (3 + 5)/2 = w1^2
    expect(imbalanceMarginRoot({ lambda: -3, sigma: 2 })).toBeCloseTo(1, 15); // (-3 + 5)/2 = w2^2
    expect(imbalanceMarginRoot({ lambda: -4, sigma: 0 })).toBe(0);
    expect(imbalanceMarginRoot({ lambda: -1e20, sigma: 1 })).toBeCloseTo(1e-20, 34); // sigma^2 / |lambda|, no cancellation
  });

  it('margin bounds of both layers', () => {
    // Scalar: W1 bounds root(lambda_1(D) = 3, sigma(P) = 2) = 4 and 4 / 1 = 4; W2 bounds
    // root(-3, 2) = 1 and 4 / 4 = 1.
    const first = firstLayerMarginBounds(scalar);
    expect(first.imbalance).toBeCloseTo(4, 14);
    expect(first.ratio).toBeCloseTo(4, 14);
    const second = secondLayerMarginBounds(scalar);
    expect(second.imbalance).toBeCloseTo(1, 14);
    expect(second.ratio).toBeCloseTo(1, 14);
    // Coupled (n = 2 >= m = 1): sigma_1(P) = 2, lambda_1(D) = -3 + sqrt(45), so the root is
    // 1/2 (3 - sqrt(45) + sqrt((sqrt(45) - 3)^2 + 16)) = 1/2 (3 - sqrt(45) + sqrt(70 - 6 sqrt(45)));
    // ratio sigma_1^2(P) / sigma_1^2(W1) = 4 / 4.
    const coupledBounds = secondLayerMarginBounds(coupled);
    expect(coupledBounds.imbalance).toBeCloseTo(0.5 * (3 - Math.sqrt(45) + Math.sqrt(70 - 6 * Math.sqrt(45))), 13);
    expect(coupledBounds.ratio).toBeCloseTo(1, 14);
    // A zero second layer: P = 0, the ratio bound reads 0.
    expect(firstLayerMarginBounds(weights([1], [0], 1, 1, 1)).ratio).toBe(0);
  });

  it('the margin and the top singular value of P through the loss', () => {
    expect(productMarginLowerBound({ sigmaStar: 3, gap: 2, mu: 1 })).toBe(1); // 3 - sqrt(4)
    expect(productNormUpperBound({ sigmaStar: 3, gap: 2, mu: 1 })).toBe(5); // 3 + sqrt(4)
  });
});

describe('local smoothness, the descent lemma and the rates', () => {
  it('top singular values from imbalance and product, exact for scalars', () => {
    const { firstLayer, secondLayer } = topSingularValueBounds(scalar);
    expect(firstLayer).toBeCloseTo(4, 14); // root(3, 2)
    expect(secondLayer).toBeCloseTo(1, 14); // root(-3, 2)
  });

  it('||grad l||_2 <= sqrt(2 K gap)', () => {
    expect(lossGradientNormBound({ K: 2, gap: 4 })).toBe(4);
  });

  it('H(W) = K (sigma_1^2(W1) + sigma_1^2(W2)) + ||G||_2; the scalar lambda_max', () => {
    // Scalar: 1 (4 + 1) + 1 = 6 = w1^2 + w2^2 + |p - y|.
    expect(hessianBound({ K: 1, weights: scalar, G: scalarG })).toBeCloseTo(6, 14);
    // lambda_max = (4 + 1)/2 + sqrt(1.5^2 + (4 - 1)^2) = 2.5 + sqrt(11.25) <= 6.
    expect(scalarSharpness({ w1: 2, w2: 1, y: 1 })).toBeCloseTo(2.5 + Math.sqrt(11.25), 14);
    // Balanced scalar w1 = w2 = 2, y = 1 (p = 4 >= y): lambda_max = 4 + |8 - 1| = 11 = 8 + |4 - 1| = H.
    expect(scalarSharpness({ w1: 2, w2: 2, y: 1 })).toBe(11);
    expect(hessianBound({ K: 1, weights: weights([2], [2], 1, 1, 1), G: Float64Array.of(3) })).toBeCloseTo(11, 14);
  });

  it('the segment constant K_t(eta)', () => {
    // Scalar: g1 = w2 G = 1, g2 = G w1 = 2 (spectral = Frobenius). At eta = 1/2:
    // (2 + 0.5)^2 + (1 + 1)^2 = 10.25, + ||G|| = 1, + delta_P = 0.5 (1 * 1 + 2 * 2) + 0.25 * 2 * 1 = 3: 14.25.
    expect(segmentSmoothness({ K: 1, weights: scalar, G: scalarG, eta: 0.5 })).toBeCloseTo(14.25, 13);
    expect(segmentSmoothness({ K: 1, weights: scalar, G: scalarG, eta: 0 })).toBeCloseTo(6, 14); // H(W)
    // In general K_t(eta) = 6 + 13 eta + 7 eta^2 here; K = 2 doubles all but ||G||: 11 + 26 eta + 14 eta^2.
    expect(segmentSmoothness({ K: 2, weights: scalar, G: scalarG, eta: 0.1 })).toBeCloseTo(11 + 2.6 + 0.14, 13);
  });

  it('the descent-lemma right-hand side and the one-step rate', () => {
    expect(descentLemmaBound({ f: 10, gradNormSquared: 4, eta: 0.5, Kt: 2 })).toBe(9); // 10 - 0.5 (1 - 0.5) 4
    expect(oneStepRate({ muT: 1, KT: 2, eta: 0.25 })).toBe(0.625); // 1 - 0.5 + 2 / 16
    expect(oneStepRate({ muT: 1, KT: 2, eta: 0.5 })).toBe(0.5); // 1 - mu_t / K_t at eta = 1/K_t
  });

  it('the adaptive step solves eta K_t(eta) = level', () => {
    // Scalar: eta (6 + 13 eta + 7 eta^2) = 1, i.e. 7 eta^3 + 13 eta^2 + 6 eta - 1 = 0; the root
    // lies in (0.128, 0.13) (the cubic is -0.0043 and +0.0151 there).
    const eta = adaptiveStep({ K: 1, weights: scalar, G: scalarG });
    expect(eta).toBeGreaterThan(0.128);
    expect(eta).toBeLessThan(0.13);
    expect(Math.abs(7 * eta ** 3 + 13 * eta ** 2 + 6 * eta - 1)).toBeLessThan(1e-14);
    const eta2 = adaptiveStep({ K: 1, weights: scalar, G: scalarG, level: 2 });
    expect(Math.abs(eta2 * segmentSmoothness({ K: 1, weights: scalar, G: scalarG, eta: eta2 }) - 2)).toBeLessThan(1e-14);
  });

  it('the asymptotic rate 1 - (mu/K) (sigma_n^2 + sigma_m^2) / (sigma_1^2 + sigma_1^2)', () => {
    expect(asymptoticRate({ mu: 1, K: 2, weights: scalar })).toBeCloseTo(0.5, 15); // 1 - 0.5 * 5/5
    // W1 = diag(2, 1), W2 = I (n = h = m = 2): 1 - 0.5 (1 + 1) / (4 + 1) = 0.8.
    expect(asymptoticRate({ mu: 1, K: 2, weights: weights([2, 0, 0, 1], [1, 0, 0, 1], 2, 2, 2) })).toBeCloseTo(0.8, 14);
  });
});

describe('bad inputs throw an InputError naming the parameter', () => {
  const cases: [string, () => unknown, string][] = [
    ['W1 of the wrong size', () => imbalance(weights([1, 2], [1], 1, 1, 1)), 'W1'],
    ['W2 with NaN', () => imbalance(weights([1], [Number.NaN], 1, 1, 1)), 'W2\\[0\\]'],
    ['n = 0', () => imbalance(weights([], [1], 0, 1, 1)), 'n'],
    ['h = 1.5', () => localPLConstant({ mu: 1, weights: weights([1], [1], 1, 1.5, 1) }), 'h'],
    ['negative mu', () => localPLConstant({ mu: -1, weights: scalar }), 'mu'],
    ['G of the wrong size', () => hessianBound({ K: 1, weights: scalar, G: Float64Array.of(1, 2) }), 'G'],
    ['K = 0', () => hessianBound({ K: 0, weights: scalar, G: scalarG }), 'K'],
    ['negative eta', () => imbalanceIncrement({ weights: scalar, G: scalarG, eta: -1 }), 'eta'],
    ['h < n for lambda_n(D)', () => firstLayerImbalanceBound({ D: Float64Array.of(1), h: 1, n: 2 }), 'h'],
    ['h < m for lambda_m(-D)', () => secondLayerImbalanceBound({ D: Float64Array.of(1), h: 1, m: 2 }), 'h'],
    ['D of the wrong size', () => firstLayerImbalanceBound({ D: Float64Array.of(1, 2), h: 1, n: 1 }), 'D'],
    ['m < n for the first-layer margin', () => firstLayerMarginBounds(diagonal), 'm'],
    ['h < n for the first-layer margin', () => firstLayerMarginBounds(weights([1, 0], [1, 0], 2, 1, 2)), 'h'],
    ['n < m for the second-layer margin', () => secondLayerMarginBounds(weights([1], [1, 1], 1, 1, 2)), 'n'],
    ['NaN lambda', () => imbalanceMarginRoot({ lambda: Number.NaN, sigma: 1 }), 'lambda'],
    ['negative sigma', () => imbalanceMarginRoot({ lambda: 1, sigma: -1 }), 'sigma'],
    ['negative gap', () => productMarginLowerBound({ sigmaStar: 1, gap: -1, mu: 1 }), 'gap'],
    ['mu = 0 in the margin', () => productNormUpperBound({ sigmaStar: 1, gap: 1, mu: 0 }), 'mu'],
    ['k = 0', () => kthSingularValue(Float64Array.of(1), 1, 1, 0), 'k'],
    ['KT = 0', () => oneStepRate({ muT: 1, KT: 0, eta: 1 }), 'KT'],
    ['infinite f', () => descentLemmaBound({ f: Infinity, gradNormSquared: 1, eta: 1, Kt: 1 }), 'f'],
    ['level = 0', () => adaptiveStep({ K: 1, weights: scalar, G: scalarG, level: 0 }), 'level'],
    ['zero weights and gradient', () => adaptiveStep({ K: 1, weights: weights([0], [0], 1, 1, 1), G: Float64Array.of(0) }), 'weights'],
    ['too few rates', () => cumulativeImbalanceDrift({ K: 1, sigmaBarSquared: 1, gap0: 1, steps: [1, 1, 1], rates: [0.5] }), 'rates'],
    ['negative step', () => cumulativeImbalanceDrift({ K: 1, sigmaBarSquared: 1, gap0: 1, steps: [-1], rates: [] }), 'steps\\[0\\]'],
    ['zero weights in the asymptotic rate', () => asymptoticRate({ mu: 1, K: 1, weights: weights([0], [0], 1, 1, 1) }), 'weights'],
    ['infinite w1', () => scalarSharpness({ w1: Infinity, w2: 1, y: 1 }), 'w1'],
    ['NaN p', () => scalarLocalPLConstant({ d: 1, p: Number.NaN }), 'p'],
  ];
  for (const [label, call, parameter] of cases) {
    it(`${label} (${parameter})`, () => {
      expect(call).toThrow(InputError);
      expect(call).toThrow(new RegExp(`^${parameter}`));
    });
  }
});
