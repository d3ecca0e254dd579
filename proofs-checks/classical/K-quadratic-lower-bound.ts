/**
 * A lower bound on the iteration count K(eps) of GD on convex quadratics.
 *
 * Result: for f = 1/2 (x - x*)^T A (x - x*) with A PSD and GD with step gamma, every eigen-mode of
 * the gap contracts by at least rho_min^2 per step, rho_min = min over the positive eigenvalues of
 * |1 - gamma lambda|; so f(x_t) - f* >= rho_min^(2t) (f(x_0) - f*) and
 * K(eps) >= log((f(x_0) - f*) / eps) / (-2 log rho_min).
 * Hypotheses: convex quadratic, step h/L with h in (0, 1]. The family: quadratics of dimension 1
 * to 6 with a seeded spectrum (condition number up to 100), step h/L with h in [0.1, 1],
 * x0 ~ N(0, I), eps = epsRatio (f(x_0) - f*).
 * Reference: a consequence of the closed form of GD on quadratics (classical-oracles.md O2).
 * Provenance: derived (our derivation; exact on 1-D quadratics).
 * Broken twin: stated too large, with the slowest rate rho_max in place of rho_min.
 */
import { quadraticFirstHitLowerBound } from '../../bounds/classical.js';
import { brokenTwin, claim, firstHit, mapFamily, logUniform } from '../../src/index.js';
import { quadraticFamily, type QuadraticInstance } from './_families.js';

interface FirstHitInstance extends QuadraticInstance {
  readonly eps: number;
}

const rates = (instance: QuadraticInstance): number[] =>
  instance.spectrum.filter((l) => l > 0).map((l) => Math.abs(1 - instance.gamma * l));

const family = mapFamily(
  quadraticFamily({ min: 0.1, max: 1 }, { rankDeficient: false, maxKappa: 100 }),
  'quadratic(d, kappa, L, seed), step h/L, eps = epsRatio (f(x_0) - f*)',
  (instance, { epsRatio }): FirstHitInstance => ({ ...instance, eps: epsRatio * instance.initialGap }),
  { epsRatio: logUniform(1e-8, 1e-1) },
);

const lowerBound = claim({
  id: 'classical.K-lower',
  title: 'GD on convex quadratics: K(eps) >= log((f(x_0) - f*)/eps) / (-2 log rho_min)',
  source: {
    reference: 'closed form of GD on quadratics (classical-oracles.md O2)',
    result: 'derived',
    version: 'n/a',
    provenance: 'derived',
    tag: '[D]',
  },
  kind: 'lower',
  family,
  lhs: firstHit((instance: FirstHitInstance) => instance.eps, { maxSteps: 20_000 }),
  rhs: (instance) => quadraticFirstHitLowerBound({ gap0: instance.initialGap, eps: instance.eps, rhoMin: Math.min(...rates(instance)) }),
  rhsLabel: 'log(gap0/eps) / (-2 log rho_min)',
  expected: 'holds',
});
export default lowerBound;

export const twin = brokenTwin(lowerBound, {
  mutation: 'rho_min -> rho_max (a lower bound stated too large)',
  rhs: (instance) => quadraticFirstHitLowerBound({ gap0: instance.initialGap, eps: instance.eps, rhoMin: Math.max(...rates(instance)) }),
  rhsLabel: 'log(gap0/eps) / (-2 log rho_max)',
});
