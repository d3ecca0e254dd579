/**
 * The family of the claims on Prop. 3.2 (deep linear networks, warmup-h0h1.md §3.1, CS8): the net
 * f(W) = 1/2 ||W_L ... W_1 X - Y||_F^2 at strongly balanced weights, the balanced factorization of a
 * product P of rank at most the hidden width (every strongly balanced point is one up to orthogonal
 * changes of the hidden coordinates, which change neither f nor ||Hess f||), on seeded data X of
 * full row rank (X with a zero feature row, of deficient rank, when asked), with the constants of
 * `deepLinearBalancedConstants` read from the loss's exact spectrum bounds.
 */
import { deepLinearBalancedConstants } from '../../bounds/alimisis2025.js';
import {
  balancedFactorization,
  deepLinearNet,
  family,
  hessianNorm,
  integer,
  logUniform,
  pointwise,
  Rng,
  uniform,
  type FiniteSumLinearNetProblem,
  type Instance,
} from '../../src/index.js';

export interface BalancedNetInstance extends Instance {
  readonly problem: FiniteSumLinearNetProblem;
  /** The packed strongly balanced weights. */
  readonly x0: Float64Array;
  /** The (H0,H1) of `deepLinearBalancedConstants`, sigma read as the smallest nonzero singular value of X. */
  readonly H0: number;
  readonly H1: number;
}

/** rows x cols entries N(0, scale^2), seeded. */
function gaussian(rng: Rng, rows: number, cols: number, scale: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => scale * rng.normal()));
}

/** The unit vector along v (v != 0). */
function normalized(v: readonly number[]): number[] {
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/**
 * Strongly balanced deep linear nets: depth 2..4, input n, output m and hidden width 1..3, N = n..n+3
 * samples, X entries N(0, xScale^2), Y entries N(0, yScale^2) (so f* > 0 in general), and
 * P = scale * (u v^T + G) with G a seeded Gaussian of rank below the hidden width (0 for width 1);
 * v is a unit vector turned by `angle` from a seeded direction towards the last coordinate. With
 * `deficientRank`, n >= 2 and X's last row is zero: P then moves along the null direction of X as
 * angle -> pi/2, the loss staying put.
 */
export function balancedDeepLinearNets(deficientRank: boolean) {
  return family<BalancedNetInstance>({
    name: `strongly balanced deep linear nets 1/2 ||W_L ... W_1 X - Y||^2, X of ${deficientRank ? 'deficient rank (a zero row)' : 'full row rank'}`,
    box: {
      depth: integer(2, 4),
      n: integer(deficientRank ? 2 : 1, 3),
      m: integer(1, 3),
      hidden: integer(1, 3),
      extraSamples: integer(0, 3),
      seed: integer(0, 10_000),
      scale: logUniform(1e-3, 1e3),
      angle: uniform(0, Math.PI / 2),
      xScale: logUniform(0.3, 3),
      yScale: logUniform(0.01, 10),
    },
    instance: ({ depth, n, m, hidden, extraSamples, seed, scale, angle, xScale, yScale }) => {
      const rng = new Rng(seed);
      const samples = n + extraSamples;
      const X = gaussian(rng, n, samples, xScale);
      if (deficientRank) X[n - 1].fill(0);
      const Y = gaussian(rng, m, samples, yScale);
      const u = normalized(gaussian(rng, 1, m, 1)[0]);
      const direction = normalized(gaussian(rng, 1, n, 1)[0]);
      const v = normalized(direction.map((d, j) => Math.cos(angle) * d + (j === n - 1 ? Math.sin(angle) : 0)));
      const rest = hidden - 1;
      const left = gaussian(rng, m, rest, 1);
      const right = gaussian(rng, rest, n, 1);
      const P = new Float64Array(m * n);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < n; j++) {
          let g = u[i] * v[j];
          for (let k = 0; k < rest; k++) g += left[i][k] * right[k][j];
          P[i * n + j] = scale * g;
        }
      }
      const widths = Array.from({ length: depth - 1 }, () => hidden);
      const problem = deepLinearNet({ X, Y, widths });
      const x0 = balancedFactorization([n, ...widths, m], P);
      const { L: gramMax, mu: gramMin } = problem.loss.constants;
      const { H0, H1 } = deepLinearBalancedConstants({
        depth,
        dataNorm: Math.sqrt(gramMax!.value),
        dataMinSingularValue: Math.sqrt(gramMin!.value),
        targetNorm: Math.hypot(...Y.flat()),
        infimum: Math.max(0, problem.fStar),
      });
      return { problem, x0, H0, H1 };
    },
  });
}

/** ||Hess f(W)|| at the balanced weights. */
export const balancedNetCurvature = pointwise('||Hess f(W)||', (instance: BalancedNetInstance) => hessianNorm(instance.problem, instance.x0));

