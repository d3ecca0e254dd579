/**
 * Closure under scaling (our derivation).
 *
 * Result [D]: for c > 0, if f is (H0, H1)-smooth then c f is (c H0, H1)-smooth:
 * ||Hess (c f)|| = c ||Hess f|| <= c H0 + H1 (c f - c f*). H1 is unchanged (it has units 1/||w||^2).
 * Checked pointwise on the extremal function T2, f = H0/H1 (cosh(sqrt(H1) w) - 1), where
 * Definition 3.1 holds with equality, so the scaled statement is tight everywhere.
 * Hypotheses: c > 0. The family: c in [0.01, 100], H0, H1 in [0.1, 10], w at radius up to 8/sqrt(H1).
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164; warmup-h0h1.md §2, closure
 * properties ("scaling [D]").
 * Provenance: derived [D].
 * Broken twin: (c H0, c H1), which fails for c < 1 wherever f > f*.
 */
import { brokenTwin, claim, coshExtremal, family, logUniform, pointwise, uniform, type Instance } from '../../src/index.js';

interface ScaledInstance extends Instance {
  readonly x0: Float64Array;
  readonly c: number;
  readonly H0: number;
  readonly H1: number;
}

const scaledExtremal = family<ScaledInstance>({
  name: 'c f, f = H0/H1 (cosh(sqrt(H1) w) - 1)',
  box: { c: logUniform(0.01, 100), H0: logUniform(0.1, 10), H1: logUniform(0.1, 10), radius: logUniform(1e-2, 8), sign: uniform(-1, 1) },
  instance: ({ c, H0, H1, radius, sign }) => ({
    problem: coshExtremal({ H0, H1 }),
    x0: Float64Array.of((radius * sign) / Math.sqrt(H1)),
    c,
    H0,
    H1,
  }),
});

const gapOfScaled = ({ problem, x0, c }: ScaledInstance): number => c * problem.gap!(x0);

const scalingClosure = claim({
  id: 'alimisis2025.CS3-scaling',
  title: '[D, our derivation] scaling closure: c f is (c H0, H1)-smooth',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'closure properties (warmup-h0h1.md §2), scaling',
    version: 'v2',
    provenance: 'derived',
    tag: '[D]',
  },
  kind: 'upper',
  family: scaledExtremal,
  lhs: pointwise('||Hess (c f)(w)||', ({ problem, x0, c }: ScaledInstance) => c * Math.abs(problem.hess!(x0)[0])),
  rhs: (instance) => instance.c * instance.H0 + instance.H1 * gapOfScaled(instance),
  rhsLabel: 'c H0 + H1 (c f(w) - c f*)',
  expected: 'holds',
});
export default scalingClosure;

export const twin = brokenTwin(scalingClosure, {
  mutation: '(c H0, H1) -> (c H0, c H1)',
  rhs: (instance) => instance.c * instance.H0 + instance.c * instance.H1 * gapOfScaled(instance),
  rhsLabel: 'c H0 + c H1 (c f(w) - c f*)',
});
