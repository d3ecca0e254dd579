/**
 * Closed forms of Liu, Ge, Pan, Kang, Zhang (2025), "Theoretical Analysis on how Learning Rate
 * Warmup Accelerates Convergence", arXiv 2509.07972 v1, as digested in
 * docs/theory/warmup-rho-k0-krho.md. Each function's doc comment states the formula, its
 * hypotheses and the digest's provenance tag: [P] read in the paper, [S] from secondary sources
 * (unverified), [D] derived for the digest (not claimed to be in the paper). Only the domain of the
 * inputs is validated; whether a formula holds is for the checks in proofs-checks/liu2025 to decide.
 *
 * Notation: Delta = f(w) - f* (the gap), G = ||grad f(w)||, M(w) = K0 + Krho Delta^rho.
 *
 * @module boundcheck/bounds/liu2025
 */
import { InputError } from '../src/util/errors.js';
import { requireFinite, requireInRange, requireInteger, requireNonNegative, requirePositive } from '../src/util/validate.js';

export interface SuboptimalitySmoothness {
  readonly rho: number;
  readonly K0: number;
  readonly Krho: number;
}

export interface GradientSmoothness {
  /** The exponent of ||grad f||, in [0, 2). */
  readonly rho: number;
  readonly L0: number;
  readonly Lrho: number;
}

/** Lemma 1's range of the gradient exponent, 0 <= rho < 2. */
function requireLemma1Rho(rho: number): number {
  return requireInRange('rho', rho, 0, 2 * (1 - Number.EPSILON));
}

/** The monomial rows |x|^p need p > 2. */
function requireMonomialPower(p: number): number {
  return requireInRange('p', p, 2 * (1 + Number.EPSILON), Number.MAX_VALUE);
}

function requireSmoothness({ rho, K0, Krho }: SuboptimalitySmoothness): void {
  requirePositive('rho', rho);
  requireNonNegative('K0', K0);
  requireNonNegative('Krho', Krho);
}

/**
 * Definition 1, (rho, K0, Krho)-smoothness: ||Hess f(w)|| <= M(w) = K0 + Krho (f(w) - f*)^rho,
 * K0, Krho >= 0, rho > 0. Returns M at a point with gap Delta >= 0. Provenance [S] (the paper's
 * "Definition 1" per a secondary source; the abstract [P] only names "a novel family of generalized
 * smoothness assumptions"); digest section 2.1.
 */
export function suboptimalitySmoothnessBound({ rho, K0, Krho, gap }: SuboptimalitySmoothness & { gap: number }): number {
  requireSmoothness({ rho, K0, Krho });
  requireNonNegative('gap', gap);
  return K0 + Krho * gap ** rho;
}

/**
 * Lemma 1's exponent: a (rho, L0, Lrho)-smooth f (||Hess f|| <= L0 + Lrho ||grad f||^rho) with
 * 0 <= rho < 2 is (alpha, K0, Kalpha)-smooth with alpha = rho / (2 - rho). Provenance [S] (the
 * exponent and the range 0 <= rho < 2); digest section 2.3.
 */
export function lemma1Exponent(rho: number): number {
  requireLemma1Rho(rho);
  return rho / (2 - rho);
}

/**
 * Lemma 1 with constants: (rho, L0, Lrho)-smoothness, 0 <= rho < 2, implies (alpha, K0, Kalpha)-
 * smoothness with alpha = rho / (2 - rho), K0 = (1 + 2^-rho) L0 and
 * Kalpha = 2^(rho (rho + 2) / (2 - rho)) Lrho^(2 / (2 - rho)); for rho = 1: K0 = 1.5 L0, K1 = 8 L1^2.
 * Provenance: exponent [S], constants [D] (the digest's own, not the paper's, which were not
 * visible); digest section 2.3. At rho = 0, alpha = 0 lies outside Definition 1's rho > 0 (the
 * inconsistency of the secondary text the digest notes).
 */
export function lemma1Constants({ rho, L0, Lrho }: GradientSmoothness): SuboptimalitySmoothness {
  requireLemma1Rho(rho);
  requireNonNegative('L0', L0);
  requireNonNegative('Lrho', Lrho);
  return {
    rho: lemma1Exponent(rho),
    K0: (1 + 2 ** -rho) * L0,
    Krho: 2 ** ((rho * (rho + 2)) / (2 - rho)) * Lrho ** (2 / (2 - rho)),
  };
}

/**
 * Theorem 1's step size, eta_t = c min{1/K0, 1/(3^rho Krho (f(w_t) - f*)^rho)}, provenance [S]
 * (from a third-party formalization; the value of c is not given): the schedule `rhoK0KrhoWarmup`
 * of src/schedules/adaptive.ts, re-exported so that every closed form of the paper is found here.
 */
export { rhoK0KrhoWarmup } from '../src/schedules/adaptive.js';

/**
 * Theorem 1's conclusion: GD with the Theorem-1 step satisfies
 * min_{0 <= t < T} ||grad f(w_t)||^2 <= 2 (f(w_0) - f*) / sum_{t<T} eta_t.
 * Hypotheses: (rho, K0, Krho)-smooth f, the Theorem-1 step (the digest derives the per-step
 * descent it rests on for c <= 1/2). Provenance [S]; digest section 3.2.
 */
export function theorem1MinGradSquaredBound({ initialGap, stepSum }: { initialGap: number; stepSum: number }): number {
  requireNonNegative('initialGap', initialGap);
  requirePositive('stepSum', stepSum);
  return (2 * initialGap) / stepSum;
}

/**
 * The crude explicit consequence of Theorem 1 (eta_t >= eta_0):
 * min_{t<T} ||grad f(w_t)||^2 <= 2 Delta_0 / (c T) max{K0, 3^rho Krho Delta_0^rho}.
 * Provenance [D]; digest section 3.2.
 */
export function theorem1ExplicitBound({
  rho,
  K0,
  Krho,
  c,
  initialGap,
  T,
}: SuboptimalitySmoothness & { c: number; initialGap: number; T: number }): number {
  requireSmoothness({ rho, K0, Krho });
  requirePositive('c', c);
  requireNonNegative('initialGap', initialGap);
  requireInteger('T', T, 1);
  return ((2 * initialGap) / (c * T)) * Math.max(K0, 3 ** rho * Krho * initialGap ** rho);
}

/**
 * The dyadic-band bound on the number of steps of the Theorem-1 step (section 3.3, fact 1): with
 * G^2 = min_{t<T} ||grad f(w_t)||^2, counting the steps spent in each band
 * Delta in (Delta_0 2^(-k-1), Delta_0 2^-k] with the per-step descent (eta_t / 2) G^2 gives
 * T <= log2(Delta_0 / Delta_T) + 1 + Delta_0 / (c G^2) (2 K0 + 3^rho Krho Delta_0^rho / (1 - 2^(-1-rho))).
 * Hypotheses: those of the (eta_t / 2)-descent (c <= 1/2). Returns Infinity when Delta_T = 0 or
 * G = 0 (no bound). Provenance [D]; digest section 3.3.
 */
export function dyadicBandStepBound({
  rho,
  K0,
  Krho,
  c,
  initialGap,
  finalGap,
  minGradSquared,
}: SuboptimalitySmoothness & { c: number; initialGap: number; finalGap: number; minGradSquared: number }): number {
  requireSmoothness({ rho, K0, Krho });
  requirePositive('c', c);
  requirePositive('initialGap', initialGap);
  requireNonNegative('finalGap', finalGap);
  requireNonNegative('minGradSquared', minGradSquared);
  if (finalGap === 0 || minGradSquared === 0) return Infinity;
  const bands = (2 * K0 + (3 ** rho * Krho * initialGap ** rho) / (1 - 2 ** (-1 - rho))) * (initialGap / (c * minGradSquared));
  return Math.log2(initialGap / finalGap) + 1 + bands;
}

/**
 * C3, the self-bounding inequality: ||grad f(w)||^2 <= 2 M(w) Delta(w); returns the right-hand
 * side. Hypotheses: (rho, K0, Krho)-smooth f with f* = inf f. Provenance [D]; digest section 6, C3.
 */
export function selfBoundingGradSquaredBound({ rho, K0, Krho, gap }: SuboptimalitySmoothness & { gap: number }): number {
  return 2 * suboptimalitySmoothnessBound({ rho, K0, Krho, gap }) * gap;
}

/**
 * C4, one-step descent: for 0 < eta < 2/M(w),
 * f(w - eta grad f(w)) - f* <= Delta(w) - eta (1 - M(w) eta / 2) ||grad f(w)||^2; returns the
 * right-hand side. Hypotheses: (rho, K0, Krho)-smooth f (only the Hessian bound at loss levels
 * <= f(w) is used). Provenance [D]; digest section 6, C4.
 */
export function oneStepDescentGapBound({
  rho,
  K0,
  Krho,
  gap,
  gradSquared,
  eta,
}: SuboptimalitySmoothness & { gap: number; gradSquared: number; eta: number }): number {
  const M = suboptimalitySmoothnessBound({ rho, K0, Krho, gap });
  requireNonNegative('gradSquared', gradSquared);
  requireInRange('eta', eta, Number.MIN_VALUE, 2 / M);
  return gap - eta * (1 - (M * eta) / 2) * gradSquared;
}

/**
 * The guaranteed per-step decrease factor kappa of the Theorem-1 step,
 * f(w_{t+1}) <= f(w_t) - kappa eta_t ||grad f(w_t)||^2: kappa = 1/2 for c <= 1/2 and
 * kappa = (1 - 3^-rho) / 2 for c <= 1 (the (eta_t / 2) form fails at c = 1, e.g. cosh x - 1 at
 * x = 0.5). Provenance [D] (corrected after a numerical check); digest sections 3.2 and 6, C5(b).
 */
export function theorem1DecreaseFactor({ rho, c }: { rho: number; c: number }): number {
  requirePositive('rho', rho);
  requireInRange('c', c, Number.MIN_VALUE, 1);
  return c <= 0.5 ? 0.5 : (1 - 3 ** -rho) / 2;
}

/**
 * C7, the PL case: if also ||grad f||^2 >= 2 mu Delta, GD with eta_t = 1/M(w_t) contracts the gap,
 * Delta_{t+1} <= (1 - mu eta_t) Delta_t, with mu eta_t <= 1 (by C3); returns 1 - mu eta.
 * Provenance [D]; digest section 6, C7.
 */
export function plContractionFactor({ mu, eta }: { mu: number; eta: number }): number {
  requirePositive('mu', mu);
  requirePositive('eta', eta);
  return 1 - mu * eta;
}

/**
 * The (rho, K0, Krho) constants of |x|^p, p > 2: ((p - 2)/p, 0, p (p - 1)), with equality
 * f'' = p (p - 1) f^((p-2)/p) everywhere. Provenance [D]; digest section 4.2.
 */
export function monomialSmoothnessConstants(p: number): SuboptimalitySmoothness {
  requireMonomialPower(p);
  return { rho: (p - 2) / p, K0: 0, Krho: p * (p - 1) };
}

/**
 * The (rho, L0, Lrho) gradient-smoothness constants of |x|^p, p > 2:
 * ((p - 2)/(p - 1), 0, p (p - 1) p^(-(p-2)/(p-1))), with equality (x^4: 12 * 4^(-2/3); x^6:
 * 30 * 6^(-4/5)). Provenance [D]; digest section 2.3 (table and "the exponent alpha is exact on
 * monomials").
 */
export function monomialGradientSmoothnessConstants(p: number): GradientSmoothness {
  requireMonomialPower(p);
  const rho = (p - 2) / (p - 1);
  return { rho, L0: 0, Lrho: p * (p - 1) * p ** -rho };
}

/**
 * C8: on |x|^p, p > 2, the step eta_t = 1/(Krho Delta_t^rho) = 1/(p (p - 1) |x_t|^(p-2)) gives
 * x_{t+1} = ((p - 2)/(p - 1)) x_t exactly; returns that factor (2/3 for x^4), so that
 * Delta_{t+1} = ((p - 2)/(p - 1))^p Delta_t. Provenance [D]; digest section 6, C8.
 */
export function monomialAdaptiveContraction(p: number): number {
  requireMonomialPower(p);
  return (p - 2) / (p - 1);
}

/**
 * C8: the same step as a function of t is an exponential warmup,
 * eta_t = eta_0 ((p - 1)/(p - 2))^((p - 2) t) (eta_0 (9/4)^t for x^4). Provenance [D]; digest
 * section 6, C8.
 */
export function monomialAdaptiveStep({ p, eta0, t }: { p: number; eta0: number; t: number }): number {
  requirePositive('eta0', eta0);
  requireInteger('t', t, 0);
  return eta0 * monomialAdaptiveContraction(p) ** (-(p - 2) * t);
}

/**
 * C8: a constant step on |x|^p from x_0 converges iff eta p |x_0|^(p-2) < 2; returns the threshold
 * 2 / (p |x_0|^(p-2)) (1/(2 x_0^2) for x^4). At equality |x| 2-cycles (x_0 -> -x_0), above it
 * |x| grows. Provenance [D] (corrected after a numerical check); digest section 6, C8.
 */
export function monomialConstantStepThreshold({ p, x0 }: { p: number; x0: number }): number {
  requireMonomialPower(p);
  if (requireFinite('x0', x0) === 0) throw new InputError('x0 must be non-zero (every step is stable at the minimizer)');
  return 2 / (p * Math.abs(x0) ** (p - 2));
}

/**
 * C8: with a constant step eta, GD on |x|^p converges only sublinearly,
 * Delta_t ~ (eta p (p - 2) t)^(-p/(p-2)) as t -> infinity ((8 eta t)^-2 for x^4); asymptotic only
 * (for x^4, eta = 0.01, x_0 = 1 the ratio is 0.77 at t = 100 and 0.9965 at t = 10^4). Provenance
 * [D] (corrected after a numerical check); digest section 6, C8.
 */
export function monomialConstantStepAsymptoticGap({ p, eta, t }: { p: number; eta: number; t: number }): number {
  requireMonomialPower(p);
  requirePositive('eta', eta);
  requirePositive('t', t);
  return (eta * p * (p - 2) * t) ** (-p / (p - 2));
}

/**
 * C9: a constant step on cosh x - 1 from x_0 converges iff eta < 2 x_0 / sinh x_0 (2 x / sinh x
 * decreases in |x|); at equality it 2-cycles x_0 -> -x_0. Returns the threshold (2 at x_0 = 0).
 * Provenance [D]; digest section 6, C9.
 */
export function coshConstantStepThreshold(x0: number): number {
  const x = Math.abs(requireFinite('x0', x0));
  return x === 0 ? 2 : (2 * x) / Math.sinh(x);
}

/**
 * Section 3.3, fact 2: on cosh x - 1 the constant step x_0 / sinh x_0 lands exactly on x_1 = 0 (half
 * the C9 threshold). Returns it (1 at x_0 = 0). Provenance [D]; digest section 3.3.
 */
export function coshLandingStep(x0: number): number {
  return coshConstantStepThreshold(x0) / 2;
}

/**
 * C13, scaling the objective: if f is (rho, K0, Krho)-smooth then a f (a > 0) is
 * (rho, a K0, a^(1-rho) Krho)-smooth, exactly. Provenance [D]; digest section 2.1.
 */
export function scaledObjectiveConstants({ rho, K0, Krho, a }: SuboptimalitySmoothness & { a: number }): SuboptimalitySmoothness {
  requireSmoothness({ rho, K0, Krho });
  requirePositive('a', a);
  return { rho, K0: a * K0, Krho: a ** (1 - rho) * Krho };
}

/**
 * C13, rescaling the parameters: if f is (rho, K0, Krho)-smooth then v -> f(s v) is
 * (rho, s^2 K0, s^2 Krho)-smooth, exactly. Provenance [D]; digest section 2.1.
 */
export function rescaledVariableConstants({ rho, K0, Krho, s }: SuboptimalitySmoothness & { s: number }): SuboptimalitySmoothness {
  requireSmoothness({ rho, K0, Krho });
  requirePositive('s', s);
  return { rho, K0: s * s * K0, Krho: s * s * Krho };
}

/**
 * A lower bound for non-increasing schedules, quantified as C10 prescribes, on
 * f = cosh x - 1 + y^2/2 ((1, 1, 1)-smooth): for a step schedule eta_0 >= eta_1 >= ... fixed from
 * (K0, Krho, rho, Delta_0, T) alone, the worst case of f(w_T) - f* over the starts with gap Delta_0
 * is at least Delta_0 max{0, 1 - tau}^(2T), tau = 2 xbar / sinh xbar the C9 threshold at the
 * all-x start xbar = arccosh(1 + Delta_0). Proof for constant steps: if eta <= tau the all-y start
 * contracts by (1 - eta)^2 >= (1 - tau)^2 per step; if eta > tau the all-x start never decreases
 * (C9). For other non-increasing schedules the bound is a conjecture that the worst case over
 * several starts is what checks; a schedule tuned to finitely many starts could beat it in exact
 * arithmetic. Since the Theorem-1 warmup reaches Delta <= 1e-8 from the all-x start in about xbar + 2
 * steps (C9), the bound exhibits the Theta(T)-type separation of the abstract [P] against that start
 * (from the all-y start the warmup needs about Delta_0 / 2 steps, so not against the worst start). Provenance [D]: derived here from the
 * digest's C9 threshold and C10 protocol, not in the digest or the paper.
 */
export function nonIncreasingWorstCaseGapLowerBound({ initialGap, T }: { initialGap: number; T: number }): number {
  requirePositive('initialGap', initialGap);
  requireInteger('T', T, 0);
  const xbar = 2 * Math.asinh(Math.sqrt(initialGap / 2));
  const tau = coshConstantStepThreshold(xbar);
  return initialGap * Math.max(0, 1 - tau) ** (2 * T);
}

/**
 * The warm-up side of the Theta(sqrt T) SGD gain, our reconstruction (digest §3.4, C12: the paper's
 * statement was not seen): SGD w_(t+1) = w_t - eta_t (f'(w_t) + xi_t), xi_t ~ N(0, sigma^2), on
 * f = cosh x - 1 with the C12 warm-up step capped at a peak fixed by the horizon,
 * eta_t = min{1/(1 + Delta_t), a / sqrt T}, keeps the loss averaged over the second half of the run at
 *   E[(2/T) sum_(T/2 <= t < T) (f(w_t) - f*)] <= a sigma^2 / (2 sqrt T).
 * Derivation [D]: once the warm-up has brought x near 0 (the uncapped steps reach |x| ~ 1 in about
 * |x_0| steps, then each capped step contracts by 1 - eta at least, since f'' = cosh x >= 1), x_t is
 * within rounding of the stationary AR(1) process x_(t+1) = (1 - eta) x_t - eta xi_t, whose
 * E[x^2] / 2 = eta sigma^2 / (2 (2 - eta)) <= eta sigma^2 / 2 for eta <= 1; the factor 2 of slack
 * covers what is left of the transient and the x^4/24 of cosh x - 1 for the horizons of C12c. Against
 * a non-increasing schedule still at Omega(Delta_0) (C10, noise-free, while T is below 1/tau) this is
 * a gain of order Delta_0 sqrt T / (a sigma^2), our reading of the Theta(sqrt T) of the TL;DR [S].
 * Hypotheses: a in (0, sqrt T], sigma >= 0, T >= 2 an integer (the second half starts at floor(T/2)).
 * Provenance [D].
 */
export function cappedWarmupSgdTailGapBound({ peakScale, sigma, T }: { peakScale: number; sigma: number; T: number }): number {
  requirePositive('peakScale', peakScale);
  requireNonNegative('sigma', sigma);
  requireInteger('T', T, 2);
  if (peakScale > Math.sqrt(T)) throw new InputError(`peakScale: must be at most sqrt(T) = ${Math.sqrt(T)} (a step above 1), got ${peakScale}`);
  return (peakScale * sigma * sigma) / (2 * Math.sqrt(T));
}
