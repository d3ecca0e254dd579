/**
 * Prop. D.1 (leaky-ReLU extension) read with weak balancedness: it fails, for any constants.
 *
 * Statement checked: a network with one leaky-ReLU layer under MSE, F(x) = W_2 phi(W_1 x), is
 * (H0,H1)-smooth on the weakly balanced weights, ||W_1||_F = ||W_2||_F (the audit's reading of the
 * hypothesis of Prop. D.1, warmup-h0h1.md §3.1 [S-A]; the paper's constants were not recovered, so
 * the claim takes the stand-in pair H0 = H1 = 1e4 and f* = 0, a lower bound on inf f, which only
 * enlarges the right-hand side). Finding: equal norms do not control the weights through the loss.
 * With W_1 = s e_1 b^T and W_2 = s c u^T, u = cos(angle) e_2 + sin(angle) e_1 (unit b, c), the
 * output W_2 phi(W_1 x) = s^2 sin(angle) c phi(b^T x) vanishes at angle = 0 while the Hessian keeps
 * the Gauss-Newton part of the direction (V_1, V_2) = (0, c e_1^T), of size s^2 (1/N) sum_j
 * phi(b^T x_j)^2: at a fixed loss (1/N) sum_j ||y_j||^2 / 2 the curvature grows like s^2, so every
 * fixed pair fails for s large enough, and so does the linear case (slope 1) of Prop. 3.2 under
 * weak balancedness (CS8 needs the strong one).
 * Hypotheses: weakly balanced weights, hidden width 2..3, inputs 2..3, outputs 1..2, N = 3..6 seeded
 * samples, leaky slope in [0.01, 1], s log-uniform in [1e-2, 1e4].
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Prop. D.1 (Appendix D).
 * Provenance: secondary [S-A] (the reading of the hypothesis), [R] (the construction).
 * Expected: violated, its own positive control.
 */
import { curvatureBound } from '../../bounds/alimisis2025.js';
import { claim, family, gapOf, hessianNorm, integer, logUniform, mlp, pointwise, Rng, uniform, type Instance, type MlpProblem } from '../../src/index.js';

/** The stand-in constants: any fixed pair fails on the family (see above). */
const STAND_IN = { H0: 1e4, H1: 1e4 } as const;

interface WeakBalanceInstance extends Instance {
  readonly problem: MlpProblem;
  readonly x0: Float64Array;
}

/** The unit vector along a seeded Gaussian vector of length `length`. */
function unitGaussian(rng: Rng, length: number): number[] {
  const v = Array.from({ length }, () => rng.normal());
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

const weaklyBalanced = family<WeakBalanceInstance>({
  name: 'two-layer leaky-ReLU nets under MSE at weakly balanced weights W_1 = s e_1 b^T, W_2 = s c (cos(angle) e_2 + sin(angle) e_1)^T',
  box: {
    n: integer(2, 3),
    hidden: integer(2, 3),
    m: integer(1, 2),
    samples: integer(3, 6),
    seed: integer(0, 10_000),
    slope: uniform(0.01, 1),
    s: logUniform(1e-2, 1e4),
    angle: uniform(0, Math.PI / 2),
  },
  instance: ({ n, hidden, m, samples, seed, slope, s, angle }) => {
    const rng = new Rng(seed);
    const X = Array.from({ length: n }, () => Array.from({ length: samples }, () => rng.normal()));
    const Y = Array.from({ length: m }, () => Array.from({ length: samples }, () => rng.normal()));
    const b = unitGaussian(rng, n);
    const c = unitGaussian(rng, m);
    const u = Array.from({ length: hidden }, (_, k) => (k === 0 ? Math.sin(angle) : k === 1 ? Math.cos(angle) : 0));
    const first = Array.from({ length: hidden * n }, (_, i) => (Math.floor(i / n) === 0 ? s * b[i % n] : 0));
    const second = Array.from({ length: m * hidden }, (_, i) => s * c[Math.floor(i / hidden)] * u[i % hidden]);
    const problem = mlp({ X, Y, hidden: [hidden], activation: 'leakyRelu', leakySlope: slope, loss: 'mse' });
    return { problem, x0: Float64Array.from([...first, ...second]) };
  },
});

const weakBalance = claim({
  id: 'alimisis2025.D.1',
  title: 'Prop. D.1 read with weak balancedness (||W_1||_F = ||W_2||_F), leaky-ReLU net under MSE: ||Hess f(W)|| <= H0 + H1 (f(W) - f*) with H0 = H1 = 1e4 (fails for any fixed pair)',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Prop. D.1 (warmup-h0h1.md §3.1)',
    version: 'v2',
    provenance: 'secondary',
    tag: '[S-A] reading, [R] construction',
  },
  kind: 'upper',
  family: weaklyBalanced,
  lhs: pointwise('||Hess f(W)||', (instance: WeakBalanceInstance) => hessianNorm(instance.problem, instance.x0)),
  rhs: (instance) => curvatureBound({ ...STAND_IN, gap: Math.max(0, gapOf(instance.problem, instance.x0)) }),
  rhsLabel: 'H0 + H1 (f(W) - 0), H0 = H1 = 1e4',
  expected: 'violated',
  finding: {
    group: 'reconstruction-refuted',
    text: "Prop. D.1 read as the audit reads its hypothesis, weak balancedness (equal Frobenius norms of consecutive layers): a leaky-ReLU net under MSE is not (H0,H1)-smooth on the weakly balanced weights, since equal norms do not control the weights through the loss (W_2 can annihilate the range of phi(W_1 X) while the Hessian grows like s^2 at a fixed loss); the same holds for linear nets, where Prop. 3.2 needs strong balancedness (alimisis2025.CS8). Quantifier: for every fixed pair (the claim uses H0 = H1 = 1e4 and f* = 0, which only enlarges the bound), on two-layer nets with seeded data. If the paper's D.1 assumes more than the audit's reading, this does not touch it.",
  },
});
export default weakBalance;
