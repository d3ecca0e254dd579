/**
 * Local PL constant and local descent lemma of gradient descent on overparametrized two-layer
 * linear models f(W1, W2) = l(W2 W1).
 *
 * Reference: Z. Xu, H. Min, S. Tarmoun, E. Mallada, R. Vidal (2025), "A Local Polyak-Lojasiewicz
 * and Descent Lemma of Gradient Descent For Overparametrized Linear Models", arXiv 2505.11664, v1
 * (the only version). Specification: the digest docs/theory/local-pl-linear-nets.md, whose author
 * could read the abstracts but not the paper's body. Every function carries the digest's tag:
 * - [P] primary: the paper's abstract; [S] secondary: the ICLR-2024 reviews of the earlier version
 *   (their equation numbers may differ in v1);
 * - [R] the digest's reconstruction: proved and checked there, but NOT the paper's own constants
 *   (do not cite as "Theorem X of Xu et al.");
 * - [U] unverified.
 *
 * Notation (the digest's, §1): W1 is h x n (first layer), W2 is m x h (second layer), both
 * row-major Float64Arrays; P = W2 W1 (m x n); G = grad l(P) (m x n); the gradient of f is
 * g1 = grad_W1 f = W2^T G and g2 = grad_W2 f = G W1^T; D = W1 W1^T - W2^T W2 (h x h). The loss l is
 * K-smooth and mu-PL. sigma_k is the k-th largest singular value, 0 when k exceeds
 * min(rows, cols); lambda_k the k-th largest eigenvalue of a symmetric matrix; [x]_+ = max(x, 0).
 *
 * Only the domain of the inputs is validated (an InputError names the parameter); whether an
 * inequality holds is for the checks in proofs-checks/xu2025/ to decide.
 *
 * @module boundcheck/bounds/xu2025
 */
import { singularValues, symmetricEigenvalues } from '../src/linalg/dense.js';
import { gemm } from '../src/linalg/kernels.js';
import { InputError } from '../src/util/errors.js';
import { requireDimension, requireFinite, requireNonNegative, requirePositive } from '../src/util/validate.js';

/** Two-layer weights, row-major: W1 is h x n (first layer), W2 is m x h (second layer). */
export interface TwoLayerWeights {
  readonly W1: Float64Array;
  readonly W2: Float64Array;
  /** Input dimension. */
  readonly n: number;
  /** Hidden width. */
  readonly h: number;
  /** Output dimension. */
  readonly m: number;
}

function requireEntries(name: string, matrix: Float64Array, rows: number, cols: number): void {
  if (!(matrix instanceof Float64Array) || matrix.length !== rows * cols) {
    const got = matrix instanceof Float64Array ? `${matrix.length} entries` : 'no Float64Array';
    throw new InputError(`${name} must be a row-major ${rows} x ${cols} Float64Array, got ${got}`);
  }
  for (let i = 0; i < matrix.length; i++) {
    if (!Number.isFinite(matrix[i])) throw new InputError(`${name}[${i}] must be a finite number, got ${matrix[i]}`);
  }
}

function requireWeights(weights: TwoLayerWeights): void {
  const { n, h, m } = weights;
  requireDimension('n', n);
  requireDimension('h', h);
  requireDimension('m', m);
  requireEntries('W1', weights.W1, h, n);
  requireEntries('W2', weights.W2, m, h);
}

function requireLossGradient(G: Float64Array, weights: TwoLayerWeights): void {
  requireWeights(weights);
  requireEntries('G', G, weights.m, weights.n);
}

/** op(A) op(B), with op(A) rows x inner and op(B) inner x cols, as a new row-major matrix. */
function product(rows: number, cols: number, inner: number, a: Float64Array, transA: boolean, b: Float64Array, transB: boolean): Float64Array {
  const out = new Float64Array(rows * cols);
  gemm(rows, cols, inner, 1, a, transA, b, transB, 0, out);
  return out;
}

function frobeniusNorm(a: Float64Array): number {
  let s = 0;
  for (const v of a) s += v * v;
  return Math.sqrt(s);
}

/**
 * sigma_k of the rows x cols row-major matrix `matrix` (k >= 1): 0 when k > min(rows, cols), the
 * digest's convention (§1). Singular values from src/linalg/dense.ts.
 */
export function kthSingularValue(matrix: Float64Array, rows: number, cols: number, k: number): number {
  requireDimension('rows', rows);
  requireDimension('cols', cols);
  requireDimension('k', k);
  requireEntries('matrix', matrix, rows, cols);
  return sigma(matrix, rows, cols, k);
}

/** sigma_k, 0 beyond min(rows, cols), for an already validated matrix. */
function sigma(matrix: Float64Array, rows: number, cols: number, k: number): number {
  return k <= Math.min(rows, cols) ? singularValues(matrix, rows, cols)[k - 1] : 0;
}

/** The singular values the bounds read off the weights. */
function layerSpectra(weights: TwoLayerWeights): { top1: number; top2: number; nth1: number; mth2: number } {
  const { W1, W2, n, h, m } = weights;
  return {
    top1: sigma(W1, h, n, 1),
    top2: sigma(W2, m, h, 1),
    nth1: sigma(W1, h, n, n),
    mth2: sigma(W2, m, h, m),
  };
}

/** The gradient blocks of f = l(W2 W1): g1 = grad_W1 f = W2^T G (h x n), g2 = grad_W2 f = G W1^T (m x h). */
function gradientBlocks(weights: TwoLayerWeights, G: Float64Array): { g1: Float64Array; g2: Float64Array } {
  const { W1, W2, n, h, m } = weights;
  return { g1: product(h, n, m, W2, true, G, false), g2: product(m, h, n, G, false, W1, true) };
}

/** The product P = W2 W1 (m x n). */
export function endToEnd(weights: TwoLayerWeights): Float64Array {
  requireWeights(weights);
  const { W1, W2, n, h, m } = weights;
  return product(m, n, h, W2, false, W1, false);
}

/**
 * The imbalance matrix D = W1 W1^T - W2^T W2 (h x h, symmetric). At most n of its eigenvalues are
 * positive and at most m negative; gradient flow conserves it exactly.
 * Tag [R] (digest §2; the paper works with "imbalance and margin" [S]).
 */
export function imbalance(weights: TwoLayerWeights): Float64Array {
  requireWeights(weights);
  const { W1, W2, n, h, m } = weights;
  const D = product(h, h, n, W1, false, W1, true);
  gemm(h, h, m, -1, W2, true, W2, false, 1, D);
  return D;
}

/**
 * The exact change of the imbalance under one GD step with step eta and loss gradient G:
 * D_{t+1} - D_t = eta^2 (W2^T G G^T W2 - W1 G^T G W1^T) (h x h).
 * Tag [R] (digest §2, checked there to 1e-16; statement C7).
 */
export function imbalanceIncrement({ weights, G, eta }: { weights: TwoLayerWeights; G: Float64Array; eta: number }): Float64Array {
  requireLossGradient(G, weights);
  requireNonNegative('eta', eta);
  const { n, h, m } = weights;
  const { g1, g2 } = gradientBlocks(weights, G);
  const increment = product(h, h, n, g1, false, g1, true); // W2^T G G^T W2
  gemm(h, h, m, -1, g2, true, g2, false, 1, increment); // - W1 G^T G W1^T
  for (let i = 0; i < increment.length; i++) increment[i] *= eta * eta;
  return increment;
}

/**
 * The local PL constant mu(W) = mu (sigma_n^2(W1) + sigma_m^2(W2)), for which
 * 1/2 ||grad f||_F^2 >= mu(W) (f - f*) at every W when l is mu-PL and f* = l* (h >= min(m, n)).
 * Tag [R] (digest §3.2, proved; equality attainable; statement C1). The paper's own mu(W) is [U].
 */
export function localPLConstant({ mu, weights }: { mu: number; weights: TwoLayerWeights }): number {
  requireNonNegative('mu', mu);
  requireWeights(weights);
  const { nth1, mth2 } = layerSpectra(weights);
  return mu * (nth1 * nth1 + mth2 * mth2);
}

/** Eigenvalues of the h x h imbalance D, descending. */
function imbalanceSpectrum(D: Float64Array, h: number): Float64Array {
  requireDimension('h', h);
  requireEntries('D', D, h, h);
  return symmetricEigenvalues(D, h);
}

/** lambda_n(D) from D's descending spectrum (h >= n). */
const nthEigenvalue = (spectrum: Float64Array, n: number): number => spectrum[n - 1];
/** lambda_m(-D) = -lambda_{h-m+1}(D) from D's descending spectrum (h >= m). */
const mthEigenvalueOfNegative = (spectrum: Float64Array, m: number): number => -spectrum[spectrum.length - m];

/**
 * The imbalance lower bound on the first layer, sigma_n^2(W1) >= lambda_n(D): returns lambda_n(D).
 * Needs h >= n (lambda_n(D) does not exist otherwise: an InputError naming h).
 * Tag [R] (digest §3.3(a), Weyl; width condition corrected in the digest; statement C2).
 */
export function firstLayerImbalanceBound({ D, h, n }: { D: Float64Array; h: number; n: number }): number {
  requireDimension('n', n);
  const spectrum = imbalanceSpectrum(D, h);
  if (h < n) throw new InputError(`h must be at least n = ${n} for lambda_n(D) to exist, got ${h}`);
  return nthEigenvalue(spectrum, n);
}

/**
 * The imbalance lower bound on the second layer, sigma_m^2(W2) >= lambda_m(-D) = -lambda_{h-m+1}(D):
 * returns -lambda_{h-m+1}(D). Needs h >= m (an InputError naming h otherwise).
 * Tag [R] (digest §3.3(a); statement C2).
 */
export function secondLayerImbalanceBound({ D, h, m }: { D: Float64Array; h: number; m: number }): number {
  requireDimension('m', m);
  const spectrum = imbalanceSpectrum(D, h);
  if (h < m) throw new InputError(`h must be at least m = ${m} for lambda_m(-D) to exist, got ${h}`);
  return mthEigenvalueOfNegative(spectrum, m);
}

/**
 * The imbalance lower bound on the local PL constant: mu(W) >= mu ([lambda_n(D)]_+ + [lambda_m(-D)]_+),
 * the first term dropped when h < n and the second when h < m.
 * Tag [R] (digest §3.3(a)).
 */
export function imbalancePLLowerBound({ mu, D, h, n, m }: { mu: number; D: Float64Array; h: number; n: number; m: number }): number {
  requireNonNegative('mu', mu);
  requireDimension('n', n);
  requireDimension('m', m);
  const spectrum = imbalanceSpectrum(D, h);
  const first = h >= n ? Math.max(0, nthEigenvalue(spectrum, n)) : 0;
  const second = h >= m ? Math.max(0, mthEigenvalueOfNegative(spectrum, m)) : 0;
  return mu * (first + second);
}

/**
 * The positive root of s^2 - lambda s - sigma^2 = 0, 1/2 (lambda + sqrt(lambda^2 + 4 sigma^2)): the
 * shape of the margin bounds of §3.3(b) (lambda = lambda_h(D) or -lambda_1(D)) and of the
 * top-singular-value bounds of §3.4. In the scalar case m = n = h = 1, with d = w1^2 - w2^2 and
 * p = w1 w2, it is exactly w1^2 (lambda = d, sigma = p). Tag [R] (digest §3.3(b), §3.4).
 */
export function imbalanceMarginRoot({ lambda, sigma }: { lambda: number; sigma: number }): number {
  requireFinite('lambda', lambda);
  requireNonNegative('sigma', sigma);
  const root = Math.hypot(lambda, 2 * sigma);
  // For lambda < 0, (lambda + root)/2 = 2 sigma^2 / (root - lambda), which does not cancel.
  return lambda >= 0 ? 0.5 * (lambda + root) : (2 * sigma * sigma) / (root - lambda);
}

/** sigma_k^2(P) / sigma_1^2(other), read as 0 when the other layer is zero (then P = 0). */
function ratioBound(sigmaP: number, sigmaOther: number): number {
  return sigmaOther === 0 ? 0 : (sigmaP * sigmaP) / (sigmaOther * sigmaOther);
}

/** The two lower bounds of one layer's smallest relevant squared singular value (§3.3(b)). */
export interface MarginBounds {
  /** 1/2 (lambda + sqrt(lambda^2 + 4 sigma_k^2(P))), lambda from the imbalance. */
  readonly imbalance: number;
  /** sigma_k^2(P) / sigma_1^2(the other layer). */
  readonly ratio: number;
}

/**
 * Lower bounds on sigma_n^2(W1) from imbalance and margin, when m >= n and h >= n:
 * sigma_n^2(W1) >= 1/2 (lambda_h(D) + sqrt(lambda_h(D)^2 + 4 sigma_n^2(P))) and
 * sigma_n^2(W1) >= sigma_n^2(P) / sigma_1^2(W2). InputError naming m or h outside that domain.
 * Tag [R] (digest §3.3(b); width condition h >= n added by the digest after a numerical check;
 * both exact in the scalar case; statement C3).
 */
export function firstLayerMarginBounds(weights: TwoLayerWeights): MarginBounds {
  requireWeights(weights);
  const { n, h, m } = weights;
  if (m < n) throw new InputError(`m must be at least n = ${n} for the first-layer margin bound, got ${m}`);
  if (h < n) throw new InputError(`h must be at least n = ${n} for the first-layer margin bound, got ${h}`);
  const sigmaP = sigma(endToEnd(weights), m, n, n);
  const lambdaH = imbalanceSpectrum(imbalance(weights), h)[h - 1];
  return {
    imbalance: imbalanceMarginRoot({ lambda: lambdaH, sigma: sigmaP }),
    ratio: ratioBound(sigmaP, layerSpectra(weights).top2),
  };
}

/**
 * Lower bounds on sigma_m^2(W2) from imbalance and margin, when n >= m and h >= m:
 * sigma_m^2(W2) >= 1/2 (-lambda_1(D) + sqrt(lambda_1(D)^2 + 4 sigma_m^2(P))) and
 * sigma_m^2(W2) >= sigma_m^2(P) / sigma_1^2(W1). InputError naming n or h outside that domain.
 * Tag [R] (digest §3.3(b); statement C3).
 */
export function secondLayerMarginBounds(weights: TwoLayerWeights): MarginBounds {
  requireWeights(weights);
  const { n, h, m } = weights;
  if (n < m) throw new InputError(`n must be at least m = ${m} for the second-layer margin bound, got ${n}`);
  if (h < m) throw new InputError(`h must be at least m = ${m} for the second-layer margin bound, got ${h}`);
  const sigmaP = sigma(endToEnd(weights), m, n, m);
  const lambda1 = imbalanceSpectrum(imbalance(weights), h)[0];
  return {
    imbalance: imbalanceMarginRoot({ lambda: -lambda1, sigma: sigmaP }),
    ratio: ratioBound(sigmaP, layerSpectra(weights).top1),
  };
}

/**
 * The margin through the current loss, when l has a unique minimizer W* (e.g. strongly convex):
 * sigma_r(P) >= sigma_r(W*) - sqrt(2 (f - f*) / mu), r = min(m, n) (quadratic growth plus Weyl).
 * `sigmaStar` is sigma_r(W*), `gap` is f - f*. Tag [R] (digest §3.3(c)).
 */
export function productMarginLowerBound({ sigmaStar, gap, mu }: { sigmaStar: number; gap: number; mu: number }): number {
  requireNonNegative('sigmaStar', sigmaStar);
  requireNonNegative('gap', gap);
  requirePositive('mu', mu);
  return sigmaStar - Math.sqrt((2 * gap) / mu);
}

/**
 * The top singular value of the product through the current loss (same hypotheses):
 * sigma_1(P) <= sigma_1(W*) + sqrt(2 (f - f*) / mu). `sigmaStar` is sigma_1(W*).
 * Tag [R] (digest §3.3(c)).
 */
export function productNormUpperBound({ sigmaStar, gap, mu }: { sigmaStar: number; gap: number; mu: number }): number {
  requireNonNegative('sigmaStar', sigmaStar);
  requireNonNegative('gap', gap);
  requirePositive('mu', mu);
  return sigmaStar + Math.sqrt((2 * gap) / mu);
}

/**
 * Upper bounds on the top squared singular values from imbalance and product:
 * sigma_1^2(W1) <= 1/2 (lambda_1(D) + sqrt(lambda_1(D)^2 + 4 sigma_1^2(P))) and
 * sigma_1^2(W2) <= 1/2 (lambda_1(-D) + sqrt(lambda_1(-D)^2 + 4 sigma_1^2(P))); tight for scalars.
 * Tag [R] (digest §3.4).
 */
export function topSingularValueBounds(weights: TwoLayerWeights): { firstLayer: number; secondLayer: number } {
  requireWeights(weights);
  const { n, h, m } = weights;
  const sigmaP = sigma(endToEnd(weights), m, n, 1);
  const spectrum = imbalanceSpectrum(imbalance(weights), h);
  return {
    firstLayer: imbalanceMarginRoot({ lambda: spectrum[0], sigma: sigmaP }),
    secondLayer: imbalanceMarginRoot({ lambda: -spectrum[h - 1], sigma: sigmaP }),
  };
}

/**
 * The loss-gradient term through the current loss: ||grad l(P)||_2 <= sqrt(2 K (f - f*)), for a
 * K-smooth l with f* = l* = inf l. Tag [R] (digest §1 and §3.4).
 */
export function lossGradientNormBound({ K, gap }: { K: number; gap: number }): number {
  requirePositive('K', K);
  requireNonNegative('gap', gap);
  return Math.sqrt(2 * K * gap);
}

/**
 * The Hessian bound at a point: lambda_max(Hess f(W)) <= H(W) = K (sigma_1^2(W1) + sigma_1^2(W2)) + ||G||_2,
 * with G = grad l(W2 W1). Tag [R] (digest §3.4, proved; ratio reaches 1 for scalars; statement C4).
 */
export function hessianBound({ K, weights, G }: { K: number; weights: TwoLayerWeights; G: Float64Array }): number {
  requirePositive('K', K);
  requireLossGradient(G, weights);
  const { top1, top2 } = layerSpectra(weights);
  return K * (top1 * top1 + top2 * top2) + sigma(G, weights.m, weights.n, 1);
}

/** The norms of the gradient blocks and of G that K_t(eta) reads, computed once per point. */
interface SegmentNorms {
  readonly top1: number;
  readonly top2: number;
  readonly lossGradientSpectral: number;
  readonly g1Spectral: number;
  readonly g2Spectral: number;
  readonly g1Frobenius: number;
  readonly g2Frobenius: number;
}

function segmentNorms(weights: TwoLayerWeights, G: Float64Array): SegmentNorms {
  const { n, h, m } = weights;
  const { g1, g2 } = gradientBlocks(weights, G);
  const { top1, top2 } = layerSpectra(weights);
  return {
    top1,
    top2,
    lossGradientSpectral: sigma(G, m, n, 1),
    g1Spectral: sigma(g1, h, n, 1),
    g2Spectral: sigma(g2, m, h, 1),
    g1Frobenius: frobeniusNorm(g1),
    g2Frobenius: frobeniusNorm(g2),
  };
}

function segmentSmoothnessFromNorms(K: number, s: SegmentNorms, eta: number): number {
  const deltaP = eta * (s.top2 * s.g1Frobenius + s.g2Frobenius * s.top1) + eta * eta * s.g2Frobenius * s.g1Frobenius;
  return K * ((s.top1 + eta * s.g1Spectral) ** 2 + (s.top2 + eta * s.g2Spectral) ** 2) + s.lossGradientSpectral + K * deltaP;
}

/**
 * The segment constant of the local descent lemma, a Hessian bound valid on the whole segment from
 * W to W - eta grad f(W):
 * K_t(eta) = K [(sigma_1(W1) + eta ||g1||_2)^2 + (sigma_1(W2) + eta ||g2||_2)^2] + ||G||_2 + K delta_P(eta),
 * delta_P(eta) = eta (sigma_1(W2) ||g1||_F + ||g2||_F sigma_1(W1)) + eta^2 ||g2||_F ||g1||_F,
 * with g1 = W2^T G, g2 = G W1^T. K_t(0) = H(W); K_t is nondecreasing in eta.
 * Tag [R] (digest §3.4, a computable choice; the paper's K_t is [U]; statement C5).
 */
export function segmentSmoothness({ K, weights, G, eta }: { K: number; weights: TwoLayerWeights; G: Float64Array; eta: number }): number {
  requirePositive('K', K);
  requireLossGradient(G, weights);
  requireNonNegative('eta', eta);
  return segmentSmoothnessFromNorms(K, segmentNorms(weights, G), eta);
}

/**
 * The right-hand side of the local descent lemma,
 * f(W - eta grad f) <= f(W) - eta (1 - eta K_t(eta) / 2) ||grad f(W)||_F^2, with `Kt` = K_t(eta).
 * Works as well with gaps f - f* in place of f values. Tag [S] for the shape (eq. (10) of the
 * ICLR-2024 version, reviewer 3), [R] for K_t (digest §3.4; statement C5).
 */
export function descentLemmaBound({ f, gradNormSquared, eta, Kt }: { f: number; gradNormSquared: number; eta: number; Kt: number }): number {
  requireFinite('f', f);
  requireNonNegative('gradNormSquared', gradNormSquared);
  requireNonNegative('eta', eta);
  requireNonNegative('Kt', Kt);
  return f - eta * (1 - (eta * Kt) / 2) * gradNormSquared;
}

/**
 * The one-step rate rho_t = 1 - 2 mu_t eta_t + mu_t K_t eta_t^2: f(W_{t+1}) - f* <= rho_t (f(W_t) - f*)
 * whenever eta_t K_t < 2, with mu_t the local PL constant and K_t = K_t(eta_t). Minimized at
 * eta = 1/K_t, where it is 1 - mu_t/K_t. Tag [S] for the form (reviewer 3, "up to Eq. 14" of the
 * ICLR-2024 version), [R] for mu_t and K_t (digest §3.5; statement C6).
 */
export function oneStepRate({ muT, KT, eta }: { muT: number; KT: number; eta: number }): number {
  requireNonNegative('muT', muT);
  requirePositive('KT', KT);
  requireNonNegative('eta', eta);
  return 1 - 2 * muT * eta + muT * KT * eta * eta;
}

/** Bisection steps: the bracket [0, level / H(W)] halves to below 2^-80 of its width. */
const BISECTION_STEPS = 80;

/**
 * The adaptive step: the eta with eta K_t(eta) = level, by bisection (eta K_t(eta) is increasing
 * and continuous, 0 at eta = 0). level = 1 is the digest's rule eta_t K_t(eta_t) = 1; a level
 * c in (0, 2) keeps eta_t K_t < 2, the hypothesis of the one-step rate. Needs H(W) = K_t(0) > 0.
 * Tag [S] for the rule's form (eta_t <= 1/K_t; "the learning rate can increase during training",
 * reviewers 2 and 4), [R] for K_t (digest §3.5; statement C8).
 */
export function adaptiveStep({ K, weights, G, level = 1 }: { K: number; weights: TwoLayerWeights; G: Float64Array; level?: number }): number {
  requirePositive('K', K);
  requireLossGradient(G, weights);
  requirePositive('level', level);
  const norms = segmentNorms(weights, G);
  const atZero = segmentSmoothnessFromNorms(K, norms, 0);
  if (!(atZero > 0)) throw new InputError('weights and G are zero: K_t(0) = H(W) = 0, so eta K_t(eta) = level has no solution');
  // eta K_t(eta) >= eta K_t(0), so the root lies in [0, level / K_t(0)].
  let lo = 0;
  let hi = level / atZero;
  for (let i = 0; i < BISECTION_STEPS; i++) {
    const mid = 0.5 * (lo + hi);
    if (mid === lo || mid === hi) break;
    if (mid * segmentSmoothnessFromNorms(K, norms, mid) < level) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/**
 * Eigenvalue drift of the imbalance over one GD step, from the exact update and Weyl: for every k,
 * lambda_k(D_t) - eta^2 sigma_1^2(W1) ||G||_2^2 <= lambda_k(D_{t+1}) <= lambda_k(D_t) + eta^2 sigma_1^2(W2) ||G||_2^2.
 * Returns both bounds on the descending eigenvalues of D_{t+1}, and D_t's eigenvalues.
 * Tag [R] (digest §3.6, proved; statement C7).
 */
export function imbalanceDriftBounds({ weights, G, eta }: { weights: TwoLayerWeights; G: Float64Array; eta: number }): {
  eigenvalues: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
} {
  requireLossGradient(G, weights);
  requireNonNegative('eta', eta);
  const { top1, top2 } = layerSpectra(weights);
  const gradient = sigma(G, weights.m, weights.n, 1);
  const eigenvalues = imbalanceSpectrum(imbalance(weights), weights.h);
  const down = eta * eta * top1 * top1 * gradient * gradient;
  const up = eta * eta * top2 * top2 * gradient * gradient;
  return { eigenvalues, lower: eigenvalues.map((l) => l - down), upper: eigenvalues.map((l) => l + up) };
}

/**
 * The total imbalance drift over a run with linear decay, a geometric sum: with ||G_t||_2^2 <=
 * 2 K (f_t - f*) and f_t - f* <= prod_{s<t} rho_s (f_0 - f*), every eigenvalue of D moves by at most
 * 2 K sigmaBar^2 (f_0 - f*) sum_t eta_t^2 prod_{s<t} rho_s over the run, sigmaBar^2 bounding
 * sigma_1^2 of both layers along it. `steps` are eta_0..eta_{T-1}, `rates` rho_0..rho_{T-2} (or more).
 * Tag [R] (digest §3.6, sketch; the paper's alpha_1 is presumably of this kind [U]).
 */
export function cumulativeImbalanceDrift({
  K,
  sigmaBarSquared,
  gap0,
  steps,
  rates,
}: {
  K: number;
  sigmaBarSquared: number;
  gap0: number;
  steps: readonly number[];
  rates: readonly number[];
}): number {
  requirePositive('K', K);
  requireNonNegative('sigmaBarSquared', sigmaBarSquared);
  requireNonNegative('gap0', gap0);
  steps.forEach((eta, t) => requireNonNegative(`steps[${t}]`, eta));
  if (rates.length < steps.length - 1) {
    throw new InputError(`rates must hold at least steps.length - 1 = ${steps.length - 1} entries, got ${rates.length}`);
  }
  let sum = 0;
  let decay = 1;
  steps.forEach((eta, t) => {
    if (t > 0) decay *= requireNonNegative(`rates[${t - 1}]`, rates[t - 1]);
    sum += eta * eta * decay;
  });
  return 2 * K * sigmaBarSquared * gap0 * sum;
}

/**
 * The asymptotic one-step rate under eta_t = 1/K_t at a limit point (the gradient term of K_t
 * vanishes there): 1 - (mu/K) (sigma_n^2(W1) + sigma_m^2(W2)) / (sigma_1^2(W1) + sigma_1^2(W2)),
 * to compare with 1 - mu/K for GD on l itself. Tag [R] (digest §3.7, C11; the "asymptotically
 * almost optimal" claim is [P] for the ICLR-2024 abstract only, dropped from v1).
 */
export function asymptoticRate({ mu, K, weights }: { mu: number; K: number; weights: TwoLayerWeights }): number {
  requireNonNegative('mu', mu);
  requirePositive('K', K);
  requireWeights(weights);
  const { top1, top2, nth1, mth2 } = layerSpectra(weights);
  const top = top1 * top1 + top2 * top2;
  if (top === 0) throw new InputError('weights must not both be zero: the rate divides by sigma_1^2(W1) + sigma_1^2(W2)');
  return 1 - (mu / K) * ((nth1 * nth1 + mth2 * mth2) / top);
}

/**
 * Scalar case m = n = h = 1, f = 1/2 (w1 w2 - y)^2 (mu = K = 1): the local PL constant
 * mu_t = w1^2 + w2^2 = sqrt(d^2 + 4 p^2) with d = w1^2 - w2^2 and p = w1 w2.
 * Tag [R] (digest §3.3(b) scalar check and §5).
 */
export function scalarLocalPLConstant({ d, p }: { d: number; p: number }): number {
  requireFinite('d', d);
  requireFinite('p', p);
  return Math.hypot(d, 2 * p);
}

/**
 * Scalar case f = 1/2 (w1 w2 - y)^2: the largest Hessian eigenvalue
 * lambda_max = (a + b)/2 + sqrt(((a - b)/2)^2 + (2p - y)^2), a = w1^2, b = w2^2, p = w1 w2.
 * Tag [R] (digest §5, C4).
 */
export function scalarSharpness({ w1, w2, y }: { w1: number; w2: number; y: number }): number {
  requireFinite('w1', w1);
  requireFinite('w2', w2);
  requireFinite('y', y);
  const a = w1 * w1;
  const b = w2 * w2;
  return (a + b) / 2 + Math.hypot((a - b) / 2, 2 * w1 * w2 - y);
}
