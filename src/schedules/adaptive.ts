/**
 * Step sizes that read the state at x_t: Polyak's step, 1 / (local smoothness estimate), exact line
 * search on quadratics, and the loss-adaptive warm-ups of the (H0,H1) and (rho,K0,Krho) papers. Gap-based rules read
 * max(0, f(x_t) - f*), so a gap rounded below zero counts as a minimiser.
 */
import { InputError } from '../util/errors.js';
import { requireNonNegative, requirePositive } from '../util/validate.js';
import { labelFor, unlessDefault } from './label.js';
import { schedule, type Schedule, type StepState } from './schedule.js';

function gapOf(state: StepState): number {
  return Math.max(0, state.gap);
}

function requireNotBothZero(names: string, a: number, b: number): void {
  if (a === 0 && b === 0) throw new InputError(`${names} must not both be zero`);
}

export interface PolyakOptions {
  /** Default 1. */
  readonly scale?: number;
}

/**
 * Polyak's step eta_t = scale (f(x_t) - f*) / ||grad f(x_t)||^2, and 0 at a zero gradient. It uses
 * the true gradient norm (`state.gradNorm`), also when GD follows a stochastic direction.
 * Label `polyak`, or `polyak(scale=..)`.
 */
export function polyak({ scale = 1 }: PolyakOptions = {}): Schedule {
  requirePositive('scale', scale);
  return schedule(labelFor('polyak', { scale: unlessDefault(scale, 1) }), (_t, state) =>
    state.gradNorm === 0 ? 0 : (scale * gapOf(state)) / (state.gradNorm * state.gradNorm),
  );
}

export interface LocalSmoothnessOptions {
  /** K_t, a local smoothness constant at x_t (e.g. the Hessian norm there); must be > 0. */
  readonly estimate: (state: StepState) => number;
  /** Default 1. */
  readonly scale?: number;
  /** Names the estimate in the label, e.g. `hessianNorm`. */
  readonly estimateLabel?: string;
}

/**
 * eta_t = scale / K_t, the adaptive step eta_t = 1/K_t of the local-PL linear-network digest
 * (local-pl-linear-nets.md §3.5, "[S] form"). An estimate that is not > 0 is an InputError; an
 * infinite one gives a zero step. Label `localSmoothness(K=..,scale=..)`, each part when given.
 */
export function localSmoothness({ estimate, scale = 1, estimateLabel }: LocalSmoothnessOptions): Schedule {
  if (typeof estimate !== 'function') throw new InputError('estimate must be a function of the step state');
  requirePositive('scale', scale);
  const label = labelFor('localSmoothness', { K: estimateLabel, scale: unlessDefault(scale, 1) });
  return schedule(label, (t, state) => {
    const K = estimate(state);
    if (!(K > 0)) throw new InputError(`${label}: the estimate K must be positive, got ${K} at t=${t}`);
    return scale / K;
  });
}

/**
 * Exact line search on a quadratic: eta_t = ||g||^2 / (g^T H g) with g the direction and H the
 * problem's Hessian at x_t, the step that minimizes f(x_t - eta g) exactly when f is quadratic along
 * the line (on other problems it minimizes the second-order model at x_t instead). 0 at a zero
 * direction; the problem must have a Hessian, and a direction with g^T H g <= 0 (no minimum along
 * the line) is an InputError. Label `exactLineSearchQuadratic`.
 */
export function exactLineSearchQuadratic(): Schedule {
  const label = labelFor('exactLineSearchQuadratic', {});
  return schedule(label, (t, { x, grad, problem }) => {
    if (!problem.hess) throw new InputError(`${label} needs the problem's Hessian, and ${problem.name} has none`);
    const n = grad.length;
    // The ratio is that of the direction scaled to max |g_i| = 1, so tiny gradients do not underflow.
    const largest = grad.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    if (largest === 0) return 0;
    const u = grad.map((v) => v / largest);
    const H = problem.hess(x);
    let squared = 0;
    let curvature = 0;
    for (let i = 0; i < n; i++) {
      squared += u[i] * u[i];
      let row = 0;
      for (let j = 0; j < n; j++) row += H[i * n + j] * u[j];
      curvature += u[i] * row;
    }
    if (!(curvature > 0)) throw new InputError(`${label}: f has no minimum along the direction at t=${t} (g^T H g = ${curvature})`);
    return squared / curvature;
  });
}

export interface H0H1WarmupOptions {
  readonly H0: number;
  readonly H1: number;
}

/**
 * The loss-adaptive warm-up of Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, §3.3 of
 * warmup-h0h1.md ("Eq. (1)" in v1):
 *   eta_t = 1 / (10 H0 + 20 H1 (f(x_t) - f*)).
 * Provenance [S-J, S-A]: from secondary sources, unverified; the constants 10 and 20 are
 * confirmed by three independent secondary sources. With H0 = 0 the step is infinite at a
 * minimiser (the runner rejects it there). Label `h0h1(H0=..,H1=..)`.
 */
export function h0h1Warmup({ H0, H1 }: H0H1WarmupOptions): Schedule {
  requireNonNegative('H0', H0);
  requireNonNegative('H1', H1);
  requireNotBothZero('H0 and H1', H0, H1);
  return schedule(labelFor('h0h1', { H0, H1 }), (_t, state) => 1 / (10 * H0 + 20 * H1 * gapOf(state)));
}

export interface RhoK0KrhoWarmupOptions {
  readonly rho: number;
  readonly K0: number;
  readonly Krho: number;
  /** The theorem's constant factor, whose value the paper's source does not give. */
  readonly c: number;
}

/**
 * The Theorem-1 step of Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972, §3.2 of
 * warmup-rho-k0-krho.md:
 *   eta_t = c min{ 1/K0, 1/(3^rho Krho (f(x_t) - f*)^rho) }.
 * Provenance [S]: from a third-party formalization, unverified. Computed as
 * c / max{K0, Krho (3 gap)^rho}, so K0 = 0 or a zero gap is an infinite term of the min and never
 * a NaN; the step is infinite only when both terms are (K0 = 0 at a minimiser).
 * Label `rhoK0Krho(rho=..,K0=..,Krho=..,c=..)`.
 */
export function rhoK0KrhoWarmup({ rho, K0, Krho, c }: RhoK0KrhoWarmupOptions): Schedule {
  requirePositive('rho', rho);
  requireNonNegative('K0', K0);
  requireNonNegative('Krho', Krho);
  requireNotBothZero('K0 and Krho', K0, Krho);
  requirePositive('c', c);
  return schedule(labelFor('rhoK0Krho', { rho, K0, Krho, c }), (_t, state) =>
    c / Math.max(K0, Krho * (3 * gapOf(state)) ** rho),
  );
}
