/**
 * Families shared by the classical claims: 1-D Huber functions of any core width (the O1 worst case
 * is one of them, the search has to find it), and quadratics with a seeded spectrum in [L/kappa, L],
 * optionally rank-deficient, started from a seeded Gaussian point, with step h/L.
 */
import { constant, family, gapOf, huber, integer, logUniform, quadratic, Rng, uniform, type ClaimSource, type Instance } from '../../src/index.js';

export const smoothConvexHuber = family({
  name: 'huber(L, tau = tauRatio R) from x0 = R, step h/L',
  box: { L: logUniform(0.1, 10), R: logUniform(0.1, 10), N: integer(1, 100), h: uniform(0.05, 1), tauRatio: logUniform(1e-3, 1) },
  instance: ({ L, R, N, h, tauRatio }) => ({
    problem: huber({ L, tau: tauRatio * R }),
    x0: [R],
    schedule: constant(h / L),
    horizon: N,
  }),
});

/** Eigenvalues L, L/kappa and d - 2 log-uniform in between, then `zeros` of them set to 0 (keeping L). */
export function seededSpectrum(d: number, zeros: number, kappa: number, L: number, seed: number): number[] {
  const rng = new Rng(seed);
  const spectrum = Array.from({ length: d }, (_, i) => (i === 0 ? L : i === d - 1 ? L / kappa : L / kappa ** rng.uniform()));
  for (let i = 0; i < Math.min(zeros, d - 1); i++) spectrum[d - 1 - i] = 0;
  return spectrum;
}

export interface QuadraticInstance extends Instance {
  readonly spectrum: readonly number[];
  /** The problem's own constants (exact for the float64 instance that runs): smoothness and PL. */
  readonly L: number;
  readonly mu: number;
  readonly gamma: number;
  /** f(x_0) - f*. */
  readonly initialGap: number;
}

/** Quadratics with spectrum `seededSpectrum`, rotated by the same seed, x0 ~ N(0, I), step h/L, horizon N. */
export function quadraticFamily(
  hRange: { min: number; max: number },
  options: { rankDeficient: boolean; maxKappa?: number },
) {
  return family<QuadraticInstance>({
    name: `quadratic(d, kappa, L, seed${options.rankDeficient ? ', zeros' : ''}) from x0 ~ N(0, I), step h/L`,
    box: {
      d: integer(1, 6),
      ...(options.rankDeficient ? { zeros: integer(0, 3) } : {}),
      seed: integer(0, 100_000),
      kappa: logUniform(1, options.maxKappa ?? 1000),
      L: logUniform(0.1, 10),
      h: uniform(hRange.min, hRange.max),
      N: integer(1, 200),
    },
    instance: ({ d, zeros = 0, seed, kappa, L, h, N }) => {
      const spectrum = seededSpectrum(d, zeros, kappa, L, seed);
      const problem = quadratic({ eigenvalues: spectrum, seed });
      const x0 = new Rng(seed + 1).normalVector(d);
      const constants = { L: problem.constants.L!.value, mu: problem.constants.mu!.value };
      return { problem, x0, schedule: constant(h / L), horizon: N, spectrum, ...constants, gamma: h / L, initialGap: gapOf(problem, Float64Array.from(x0)) };
    },
  });
}

/** The source of O1 (classical-oracles.md O1), shared by its claims on Huber functions and on the class. */
export const DRORI_TEBOULLE_O1: ClaimSource = {
  reference: 'Drori & Teboulle (2014), Math. Program. 145',
  result: 'Theorem 3.1',
  version: 'journal',
  provenance: 'secondary',
  tag: 'classical-oracles.md O1',
};

/** The source of O4 (classical-oracles.md O4), shared by its claims on quadratics and on the PL class. */
export const PL_ONE_STEP_O4: ClaimSource = {
  reference: 'Abbaszadehpeivasti, de Klerk, Zamani (2023), Optim. Lett.',
  result: 'Theorem 3',
  version: 'journal',
  provenance: 'secondary',
  tag: 'classical-oracles.md O4',
};
