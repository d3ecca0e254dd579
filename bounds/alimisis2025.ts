/**
 * Closed forms of Alimisis, Islamov, Lucchi (2025), "Why Do We Need Warm-up? A Theoretical
 * Perspective", arXiv 2510.03164, v2, as restated in docs/theory/warmup-h0h1.md (the digest).
 * Each is a pure function of named constants; its doc comment gives the result, its hypotheses,
 * the result number (v2 numbering) and the digest's provenance tag:
 * [P] primary text, [S-A] the v2 reproduction audit, [S-J] the judge's extraction, [S-R] the ICLR
 * reviews, [S-O] third-party summaries (all secondary: unverified), [D] the digest author's own
 * derivation (a test oracle, not the paper's).
 *
 * Printed statements are encoded as printed, also where a formula can go negative or is wrong:
 * the checks in proofs-checks/alimisis2025/ decide whether they hold. Inputs are validated only
 * for their domain (an InputError naming the parameter).
 *
 * Notation: gap = f(w) - f*, Delta0 = f(w_0) - f*, R = ||w_0 - w*||, eps the target accuracy
 * f(w_K) - f* <= eps, mu the PL constant (||grad f||^2 >= 2 mu (f - f*)).
 *
 * @module boundcheck/bounds/alimisis2025
 */
import { evenPowerH1ForH0 } from '../src/problems/power.js';
import { InputError } from '../src/util/errors.js';
import { requireInteger, requireNonNegative, requirePositive } from '../src/util/validate.js';

/**
 * The loss-adaptive step of Section 3.3 ("Eq. (1)" in v1), eta_t = 1 / (10 H0 + 20 H1 (f(w_t) - f*)),
 * as a schedule (src/schedules/adaptive.ts). Provenance [S-J, S-A] (secondary; the constants 10 and
 * 20 are confirmed by three independent secondary sources).
 */
export { h0h1Warmup } from '../src/schedules/adaptive.js';

export interface H0H1 {
  readonly H0: number;
  readonly H1: number;
}

/**
 * Definition 3.1, the right-hand side: f is (H0,H1)-smooth when
 * ||Hess f(w)|| <= H0 + H1 (f(w) - f*) for every w. Returns H0 + H1 gap.
 * Hypotheses: H0, H1 >= 0, gap >= 0. Provenance [S-A] (symbol form confirmed by [S-R], [S-O]; the
 * wording "curvature bounded by a linear function of the sub-optimality" is [P], the v2 abstract).
 */
export function curvatureBound({ H0, H1, gap }: H0H1 & { gap: number }): number {
  requireNonNegative('H0', H0);
  requireNonNegative('H1', H1);
  requireNonNegative('gap', gap);
  return H0 + H1 * gap;
}

/**
 * Definition 3.1 at one point, as a margin: ||Hess f(w)|| - (H0 + H1 gap), <= 0 where the condition
 * holds. Provenance [S-A] (see `curvatureBound`).
 */
export function definition31Margin({ hessianNorm, H0, H1, gap }: H0H1 & { hessianNorm: number; gap: number }): number {
  requireNonNegative('hessianNorm', hessianNorm);
  return hessianNorm - curvatureBound({ H0, H1, gap });
}

/** Definition 3.1 at one point, as a predicate: ||Hess f(w)|| <= H0 + H1 gap. Provenance [S-A]. */
export function satisfiesDefinition31(point: H0H1 & { hessianNorm: number; gap: number }): boolean {
  return definition31Margin(point) <= 0;
}

/**
 * The gradient self-bound of an (H0,H1)-smooth f on all of R^d: ||grad f(w)||^2 <= 2 H0 gap + H1 gap^2.
 * Tight for the extremal function H0/H1 (cosh(sqrt(H1) w) - 1) (digest T2). Returns 2 H0 gap + H1 gap^2.
 * Hypotheses: Definition 3.1 on R^d. Provenance [D] (digest section 2, "Useful consequences").
 */
export function gradientSelfBound({ H0, H1, gap }: H0H1 & { gap: number }): number {
  requireNonNegative('H0', H0);
  requireNonNegative('H1', H1);
  requireNonNegative('gap', gap);
  return 2 * H0 * gap + H1 * gap * gap;
}

/**
 * Theorem 4.2 (convex case, Aiming with theta = 1): GD with the adaptive step reaches
 * f(w_K) - f* <= eps within K <= 40 H0 R^2 / eps + 40 H1 R^2 iterations, R = dist(w_0, S).
 * Hypotheses: (H0,H1)-smooth, convex. Provenance [S-A] (the audit's evaluated form that fixes the
 * constants; [S-J] gives O(H0 R^2/(theta^2 eps) + H1 R^2/theta^2)).
 */
export function theorem42IterationBound({ H0, H1, R, eps }: H0H1 & { R: number; eps: number }): number {
  requireNonNegative('H0', H0);
  requireNonNegative('H1', H1);
  requireNonNegative('R', R);
  requirePositive('eps', eps);
  return (40 * H0 * R * R) / eps + 40 * H1 * R * R;
}

/**
 * Theorem 4.2 under Aiming with theta in (0, 1] (our reading, not recovered as printed): the
 * convex-case count divided by theta^2, K <= (40 H0 R^2 / eps + 40 H1 R^2) / theta^2, the 1/theta^2
 * of the O(.) form [S-J] applied to the constants of the convex case [S-A]. At theta = 1 it is
 * `theorem42IterationBound`. Hypotheses: (H0,H1)-smooth, Aiming <grad f(w), w - pi_S(w)> >=
 * theta (f(w) - f*). Provenance [R] (warmup-h0h1.md §3.5, CS5).
 */
export function theorem42AimingIterationBound({ H0, H1, R, eps, theta }: H0H1 & { R: number; eps: number; theta: number }): number {
  requirePositive('theta', theta);
  if (theta > 1) throw new InputError(`theta must be at most 1 (a convex f has theta = 1), got ${theta}`);
  return theorem42IterationBound({ H0, H1, R, eps }) / (theta * theta);
}

/**
 * The printed validity domain of Theorem 4.3: 0 < eps < H0 / (2 H1) and Delta0 > eps.
 * Provenance [S-A].
 */
export function theorem43Applies({ H0, H1, gap0, eps }: H0H1 & { gap0: number; eps: number }): boolean {
  return eps > 0 && eps < H0 / (2 * H1) && gap0 > eps;
}

/**
 * Theorem 4.3 (mu-PL): GD with the adaptive step reaches f(w_K) - f* <= eps within
 * K = 40 H1 Delta0 / mu + 20 H0 / mu log(H0 / (2 H1 eps)) iterations.
 * Hypotheses: (H0,H1)-smooth with H0, H1 > 0, mu-PL, and the printed domain 0 < eps < H0/(2 H1),
 * Delta0 > eps (`theorem43Applies`); outside it this throws an InputError naming eps or gap0.
 * Positive control: Delta0 = 1, eps = 1e-6, H0 = H1 = mu = 1 gives 40 + 20 log(5e5) = 302.447.
 * Provenance [S-A] (matches three audit evaluations exactly).
 */
export function theorem43IterationBound({ H0, H1, mu, gap0, eps }: H0H1 & { mu: number; gap0: number; eps: number }): number {
  requirePositive('H0', H0);
  requirePositive('H1', H1);
  requirePositive('mu', mu);
  requirePositive('eps', eps);
  requirePositive('gap0', gap0);
  if (!(eps < H0 / (2 * H1))) throw new InputError(`eps must be below H0 / (2 H1) = ${H0 / (2 * H1)}, got ${eps}`);
  if (!(gap0 > eps)) throw new InputError(`gap0 must exceed eps = ${eps}, got ${gap0}`);
  return (40 * H1 * gap0) / mu + ((20 * H0) / mu) * Math.log(H0 / (2 * H1 * eps));
}

function requirePhaseConstants(H0: number, H1: number, mu: number): void {
  requirePositive('H0', H0);
  requirePositive('H1', H1);
  requirePositive('mu', mu);
  if (!(mu < 20 * H0)) throw new InputError(`mu must be below 20 H0 = ${20 * H0}, got ${mu}`);
}

/**
 * Phase 1 of Theorem 4.3's proof (large gap, H1 Delta_t >= H0/2): eta_t >= 1/(40 H1 Delta_t), so
 * each step lowers the gap by at least mu / (40 H1). Returns mu / (40 H1).
 * Hypotheses: as Theorem 4.3, mu < 20 H0. Provenance [S-A] (the audit's symbolic certificates of
 * the proof structure).
 */
export function largeGapPhaseDecrease({ H0, H1, mu }: H0H1 & { mu: number }): number {
  requirePhaseConstants(H0, H1, mu);
  return mu / (40 * H1);
}

/**
 * Phase 2 of Theorem 4.3's proof (small gap, H1 Delta_t <= H0/2): eta_t >= 1/(20 H0), so each step
 * contracts the gap by at least the factor 1 - mu / (20 H0). Returns 1 - mu / (20 H0).
 * Provenance [S-A].
 */
export function smallGapPhaseContraction({ H0, H1, mu }: H0H1 & { mu: number }): number {
  requirePhaseConstants(H0, H1, mu);
  return 1 - mu / (20 * H0);
}

/**
 * N1 of the guarded phase-wise count (CS6): the number of steps with H1 Delta_t >= H0/2 is at most
 * 1 + 40 H1 (Delta0 - H0/(2 H1))_+ / mu. Provenance [D] (from the recurrences of the proof).
 */
export function largeGapPhaseSteps({ H0, H1, mu, gap0 }: H0H1 & { mu: number; gap0: number }): number {
  requirePhaseConstants(H0, H1, mu);
  requireNonNegative('gap0', gap0);
  return 1 + (40 * H1 * Math.max(0, gap0 - H0 / (2 * H1))) / mu;
}

/**
 * N2 of the guarded phase-wise count (CS6): after phase 1, at most
 * ceil( log(min(Delta0, H0/(2 H1)) / eps)_+ / (-log(1 - mu/(20 H0))) ) steps reach eps.
 * Provenance [D].
 */
export function smallGapPhaseSteps({ H0, H1, mu, gap0, eps }: H0H1 & { mu: number; gap0: number; eps: number }): number {
  requireNonNegative('gap0', gap0);
  requirePositive('eps', eps);
  const contraction = smallGapPhaseContraction({ H0, H1, mu });
  const entryGap = Math.min(gap0, H0 / (2 * H1));
  return Math.ceil(Math.max(0, Math.log(entryGap / eps)) / -Math.log(contraction));
}

/**
 * Theorem 4.1 part (3), the Eq. (63) stability cap on a fixed step as printed for the hard
 * instance T4a ((H0,H1) = (2,1), mu = 2): eta <= 2 (log Delta0 + 1) / Delta0. (The digest reads it
 * as eta_max = 2 (log Delta0 + 1) / (H1 Delta0) with H1 = 1; the general form was not recovered.)
 * Hypotheses: Delta0 > 0. Provenance [S-A].
 */
export function theorem41StabilityCap({ gap0 }: { gap0: number }): number {
  requirePositive('gap0', gap0);
  return (2 * (Math.log(gap0) + 1)) / gap0;
}

/**
 * Theorem 4.1 part (3), strongly convex / PL lower bound for GD with a fixed step under the
 * Eq. (63) cap: K >= (H1 / (4 mu)) Delta0 / (log Delta0 + 1) log(Delta0 / eps), as the audit
 * evaluates it on T4a (the dependence on H0 was not recovered). Equals
 * log(Delta0/eps) / (2 mu eta_max) with eta_max = 2 (log Delta0 + 1) / (H1 Delta0).
 * Quantifier (digest 3.4): minimax, the worst case over the functions and starts of the class with
 * initial gap Delta0, for a step that is stable on the whole class.
 * Hypotheses: H1 >= 0, mu > 0, Delta0 > 0, eps > 0. Provenance [S-A].
 */
export function theorem41PlLowerBound({ H1, mu, gap0, eps }: { H1: number; mu: number; gap0: number; eps: number }): number {
  requireNonNegative('H1', H1);
  requirePositive('mu', mu);
  requirePositive('gap0', gap0);
  requirePositive('eps', eps);
  return (H1 / (4 * mu)) * (gap0 / (Math.log(gap0) + 1)) * Math.log(gap0 / eps);
}

/**
 * Theorem 4.1 part (2), convex, as the audit evaluates it on its literal instance f = w^2/2,
 * H0 = H1 = 1, constant step 1: Delta0 (Delta0 - eps) / (4 eps) (9/4 at Delta0 = 1, eps = 0.1).
 * The general form was not recovered (the digest finds it consistent with
 * H1 Delta0 (Delta0 - eps) / (4 eps (log Delta0 + 1)), since log 1 + 1 = 1).
 * Hypotheses: Delta0 > 0, eps > 0. Provenance [S-A].
 */
export function theorem41ConvexAuditValue({ gap0, eps }: { gap0: number; eps: number }): number {
  requirePositive('gap0', gap0);
  requirePositive('eps', eps);
  return (gap0 * (gap0 - eps)) / (4 * eps);
}

/**
 * Our (H0,H1) for a deep linear network on strongly balanced weights (Prop. 3.2 (ii), whose explicit
 * constants were not recovered): f(W) = 1/2 ||W_L ... W_1 X - Y||_F^2 with consecutive layers
 * balanced (W_(l+1)^T W_(l+1) = W_l W_l^T, so every layer has the top singular value s and the
 * product P has ||P|| = s^L) and X of full row rank. With xi = ||X||, sigma = sigma_min(X),
 * y = ||Y||_F and r = ||P X - Y||_F: ||Hess f|| <= L xi^2 s^(2L-2) + (L-1) xi s^(L-2) r, and
 * s^L sigma <= ||P X|| <= y + r; the inequalities u^p <= 1 + u^2 (p in [0, 2]), u^q <= 1 + u
 * (q in [0, 1)), 2ab <= a^2 + b^2 and r^2 = 2 f* + 2 (f - f*) then give H0 = A + 2 B f*, H1 = 2 B with
 *   A = L xi^2 (1 + 2 y^2 / sigma^2) + (L-1) xi (1/2 + y^2 / (2 sigma)),
 *   B = 2 L xi^2 / sigma^2 + (L-1) xi (1/2 + 3 / (2 sigma)).
 * Crude (the point is that finite constants exist on the balanced set), not the paper's.
 * Hypotheses: depth L >= 2, xi >= sigma > 0 (X of full row rank), y >= 0, f* >= 0.
 * Provenance [R] (warmup-h0h1.md §3.1, CS8).
 */
export function deepLinearBalancedConstants({
  depth,
  dataNorm,
  dataMinSingularValue,
  targetNorm,
  infimum,
}: {
  depth: number;
  dataNorm: number;
  dataMinSingularValue: number;
  targetNorm: number;
  infimum: number;
}): H0H1 {
  requireInteger('depth', depth, 2);
  requirePositive('dataMinSingularValue', dataMinSingularValue);
  requireNonNegative('dataNorm', dataNorm);
  requireNonNegative('targetNorm', targetNorm);
  requireNonNegative('infimum', infimum);
  const [L, xi, sigma, y] = [depth, dataNorm, dataMinSingularValue, targetNorm];
  const A = L * xi ** 2 * (1 + (2 * y ** 2) / sigma ** 2) + (L - 1) * xi * (0.5 + y ** 2 / (2 * sigma));
  const B = (2 * L * xi ** 2) / sigma ** 2 + (L - 1) * xi * (0.5 + 3 / (2 * sigma));
  return { H0: A + 2 * B * infimum, H1: 2 * B };
}

/** An (H0,H1)-smooth summand with its infimum, for `sumConstants`. */
export interface SmoothSummand extends H0H1 {
  /** inf of the summand. */
  readonly infimum: number;
}

/**
 * Prop. B.2 (closure under sums): if f is (H0^f, H1^f)- and g is (H0^g, H1^g)-smooth, with infima
 * f*, g*, and h* = inf (f + g), then f + g is (H0, H1)-smooth with
 * H1 = max(H1^f, H1^g), H0 = H0^f + H0^g + H1 h* - H1^f f* - H1^g g*.
 * Hypotheses: H0, H1 >= 0 for each summand. Provenance [S-A] (reconstructed, unverified).
 */
export function sumConstants({ f, g, sumInfimum }: { f: SmoothSummand; g: SmoothSummand; sumInfimum: number }): H0H1 {
  for (const [name, summand] of [['f', f], ['g', g]] as const) {
    requireNonNegative(`${name}.H0`, summand.H0);
    requireNonNegative(`${name}.H1`, summand.H1);
  }
  const H1 = Math.max(f.H1, g.H1);
  return { H0: f.H0 + g.H0 + H1 * sumInfimum - f.H1 * f.infimum - g.H1 * g.infimum, H1 };
}

/**
 * The growth characterisation of x^(2k), k >= 2: w^(2k) is (H0,H1)-smooth iff
 * (k H0)^(1/k) (k/(k-1) H1)^((k-1)/k) >= 2k(2k-1) (for x^4: H0 H1 >= 36), i.e. iff H1 is at least
 * `evenPowerH1ForH0(k, H0)` (src/problems/power.ts, the equality case).
 * Hypotheses: k >= 2 an integer, H0 > 0, H1 >= 0. Provenance [D] (corrected by the digest after a
 * numerical check).
 */
export function evenPowerIsH0H1Smooth({ k, H0, H1 }: H0H1 & { k: number }): boolean {
  requireInteger('k', k, 2);
  requireNonNegative('H1', H1);
  return H1 >= evenPowerH1ForH0(k, H0);
}

/**
 * The crude inclusion (L0,L1) => (H0,H1): from ||grad f||^2 <= 2 (L0 + L1 ||grad f||)(f - f*),
 * ||grad f|| <= 2 L1 Delta + sqrt(2 L0 Delta), hence ||Hess f|| <= 3/2 L0 + 3 L1^2 Delta:
 * (H0, H1) = (3/2 L0, 3 L1^2). Not the paper's constants (those involve the omega constant
 * nu = W(1) and were not recovered). Hypotheses: L0, L1 >= 0. Provenance [D].
 */
export function l0l1ToH0H1({ L0, L1 }: { L0: number; L1: number }): H0H1 {
  requireNonNegative('L0', L0);
  requireNonNegative('L1', L1);
  return { H0: 1.5 * L0, H1: 3 * L1 * L1 };
}

/** Global bounds on the activation: |phi(s)| <= C1 |s|, |phi'(s)| <= C2, |phi''(s)| <= C3. */
export interface ActivationBounds {
  readonly C1: number;
  readonly C2: number;
  readonly C3: number;
}

export interface TwoLayerCrossEntropyConstants extends H0H1 {
  readonly A1: number;
  readonly A2: number;
  readonly A12: number;
  readonly Bmix: number;
  readonly Bres: number;
  readonly Clin: number;
}

/**
 * Prop. 3.3 / Eq. (31): the two-layer network F(x) = W1 phi(W2 x) with cross-entropy plus
 * lambda1/2 ||W1||^2 + lambda2/2 ||W2||^2 is (H0,H1)-smooth with, for ||X|| the spectral norm of
 * the data matrix,
 *   A1 = C2^2 ||X||^2, A2 = C1^2 ||X||^2, A12 = 2 C1 C2 ||X||^2, Bmix = sqrt2 C3 ||X||^2,
 *   Bres = 2 sqrt2 C2 ||X||,
 *   Clin = (2 A1 + A12 + Bmix)/lambda1 + (2 A2 + A12)/lambda2 + Bmix/2,
 *   H1 = Bres + Clin, H0 = lambda1 + lambda2 + Bres (f* + 1) (as printed).
 * Hypotheses: lambda1, lambda2 > 0, the activation bounds hold globally. Provenance [S-A]
 * (reconstructed from the audit, unverified; its normalisation is binary CE summed over samples).
 */
export function twoLayerCrossEntropyConstants({
  activation: { C1, C2, C3 },
  dataNorm,
  lambda1,
  lambda2,
  fStar,
}: {
  activation: ActivationBounds;
  dataNorm: number;
  lambda1: number;
  lambda2: number;
  fStar: number;
}): TwoLayerCrossEntropyConstants {
  requireNonNegative('C1', C1);
  requireNonNegative('C2', C2);
  requireNonNegative('C3', C3);
  requireNonNegative('dataNorm', dataNorm);
  requirePositive('lambda1', lambda1);
  requirePositive('lambda2', lambda2);
  requireNonNegative('fStar', fStar);
  const squaredNorm = dataNorm * dataNorm;
  const A1 = C2 * C2 * squaredNorm;
  const A2 = C1 * C1 * squaredNorm;
  const A12 = 2 * C1 * C2 * squaredNorm;
  const Bmix = Math.SQRT2 * C3 * squaredNorm;
  const Bres = 2 * Math.SQRT2 * C2 * dataNorm;
  const Clin = (2 * A1 + A12 + Bmix) / lambda1 + (2 * A2 + A12) / lambda2 + Bmix / 2;
  return { A1, A2, A12, Bmix, Bres, Clin, H1: Bres + Clin, H0: lambda1 + lambda2 + Bres * (fStar + 1) };
}

/**
 * The data constants of a single-attention-layer transformer for in-context regression (Prop. 3.4 /
 * E.2, our reconstruction): the prediction is the bottom-right entry of Z + (1/n) P Z M tanh(Z^T Q Z)
 * with M = diag(1, ..., 1, 0), i.e. yhat = (1/n) sum_i (p . u_i) tanh(u_i^T Q w), where u_1..u_n are
 * the context tokens (x_i, y_i), w = (x_query, 0) the query token and p the last row of P. With
 * S_k = (1/n) sum_i ||u_i||^k: ||grad yhat||^2 <= a1 + a2 ||p||^2 and ||Hess yhat|| <= b1 + b2 ||p||,
 *   a1 = S_1^2, a2 = ||w||^2 S_2^2, b1 = ||w|| S_2, b2 = c3 ||w||^2 S_3, c3 = max |tanh''| = 4 / (3 sqrt 3),
 * from |tanh| <= 1, |tanh'| <= 1 and the block form [[0, B], [B^T, D]] of Hess yhat in (p, Q).
 * Provenance [D] (warmup-h0h1.md §3.1; the paper's constants were not recovered).
 */
export interface AttentionTaskData {
  /** The context tokens u_i = (x_i, y_i), each of length d + 1. */
  readonly context: readonly (readonly number[])[];
  /** The query token w = (x_query, 0). */
  readonly query: readonly number[];
}

/** The constants (a1, a2, b1, b2) of `AttentionTaskData`'s doc comment for one task. */
export interface AttentionDataConstants {
  readonly a1: number;
  readonly a2: number;
  readonly b1: number;
  readonly b2: number;
}

/** max |tanh''(s)| = 4 / (3 sqrt 3), at tanh s = 1 / sqrt 3. */
export const TANH_SECOND_DERIVATIVE_MAX = 4 / (3 * Math.sqrt(3));

/** (a1, a2, b1, b2) of one task (see `AttentionTaskData`). Provenance [D]. */
export function attentionDataConstants({ context, query }: AttentionTaskData): AttentionDataConstants {
  if (context.length === 0) throw new InputError('context: needs at least one token');
  const norms = context.map((u) => Math.hypot(...u));
  const mean = (k: number) => norms.reduce((sum, r) => sum + r ** k, 0) / norms.length;
  const w = Math.hypot(...query);
  return { a1: mean(1) ** 2, a2: w ** 2 * mean(2) ** 2, b1: w * mean(2), b2: TANH_SECOND_DERIVATIVE_MAX * w ** 2 * mean(3) };
}

/** The ridge weights of the attention objective: + lambdaP/2 ||P||_F^2 + lambdaQ/2 ||Q||_F^2. */
export interface AttentionRidge {
  readonly lambdaP: number;
  readonly lambdaQ: number;
}

/** kappa = 2 a2 / lambdaP + 2 b2 / sqrt(lambdaP): the loss's coefficient in Prop. E.2 (i)'s curvature bound (our constants). */
const attentionKappa = (lambdaP: number, a2: number, b2: number): number => (2 * a2) / lambdaP + (2 * b2) / Math.sqrt(lambdaP);

/**
 * Prop. E.2 (i), per task, our reconstruction: the task objective f_j = 1/2 (yhat_j - y_j)^2 +
 * lambdaP/2 ||P||^2 + lambdaQ/2 ||Q||^2 has
 *   ||Hess f_j|| <= Phi(f_j),  Phi(F) = max(lambdaP, lambdaQ) + a1 + kappa F + b1 sqrt(2 F),
 *   kappa = 2 a2 / lambdaP + 2 b2 / sqrt(lambdaP),
 * from ||Hess f_j|| <= max(lambdaP, lambdaQ) + ||grad yhat||^2 + |r_j| ||Hess yhat||, |r_j| <= sqrt(2 f_j)
 * and the ridge's coercivity ||p||^2 <= ||P||^2 <= 2 f_j / lambdaP. Returns Phi(loss): the claims
 * evaluate it at f_j (the proof's form) and at the mean loss f (the form the audit says E.2 (i)
 * prints, warmup-h0h1.md §3.1).
 * Hypotheses: lambdaP, lambdaQ > 0, loss >= 0, the constants of `attentionDataConstants` (or larger).
 * Provenance [D] (the form [S-A], the constants ours).
 */
export function attentionTaskCurvatureBound({ lambdaP, lambdaQ, a1, a2, b1, b2, loss }: AttentionRidge & AttentionDataConstants & { loss: number }): number {
  requirePositive('lambdaP', lambdaP);
  requirePositive('lambdaQ', lambdaQ);
  requireNonNegative('loss', loss);
  return Math.max(lambdaP, lambdaQ) + a1 + attentionKappa(lambdaP, a2, b2) * loss + b1 * Math.sqrt(2 * loss);
}

/**
 * Prop. 3.4 / E.2 (ii), our constants: the mean over tasks f = (1/J) sum_j f_j (the expected loss over
 * a finite task distribution) is (H0,H1)-smooth with
 *   H1 = kappa + b1,  H0 = max(lambdaP, lambdaQ) + a1 + b1/2 + H1 f*,
 * (a1, a2, b1, b2) the largest over the tasks: Phi of `attentionTaskCurvatureBound` is concave, so
 * ||Hess f|| <= (1/J) sum_j Phi(f_j) <= Phi(f) (Jensen), and sqrt(2 f) <= 1/2 + f. Returned with
 * `infimum` for f*; since H0 - H1 f* does not depend on f*, H0 + H1 (f - f*) = H0(0) + H1 f whatever
 * f* is, so a check needs no f*.
 * Hypotheses: as `attentionTaskCurvatureBound`, infimum >= 0. Provenance [D] (warmup-h0h1.md §3.1).
 */
export function attentionRegressionConstants({ lambdaP, lambdaQ, a1, a2, b1, b2, infimum }: AttentionRidge & AttentionDataConstants & { infimum: number }): H0H1 {
  requireNonNegative('infimum', infimum);
  const base = attentionTaskCurvatureBound({ lambdaP, lambdaQ, a1, a2, b1: 0, b2, loss: 0 }) + b1 / 2;
  const H1 = attentionKappa(lambdaP, a2, b2) + b1;
  return { H0: base + H1 * infimum, H1 };
}
