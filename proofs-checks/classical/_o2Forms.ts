/**
 * Shared by the four O2 claim files on the class (O2-class-*.ts). O2 on the class, in its four forms: GD on every (mu, L) smooth strongly convex f with step
 * gamma in (0, 2/L) contracts, with rho = max{|1 - gamma mu|, |1 - gamma L|}, per step by rho^2 in
 * (a) ||x_N - x*||^2 / ||x_0 - x*||^2, (b) (f(x_N) - f*) / (f(x_0) - f*),
 * (c) ||grad f(x_N)||^2 / ||grad f(x_0)||^2 and (d) ||x_N - y_N||^2 / ||x_0 - y_0||^2 for two runs.
 * All tight on 1-D quadratics.
 * Hypotheses: mu-strongly convex, L-smooth, gamma = h/L with h in (0, 2). The family:
 * `classFamily('stronglyConvex')`, sums of piecewise quadratics with curvatures in [mu, L] (up to 4
 * pieces, 1 or 2 dimensions, exactly rotated; L and mu exact). Form (d) runs GD on
 * F(x, y) = f(x) + f(y), which is two runs of GD on f at once.
 * Reference: Taylor, Hendrickx, Glineur (2018), JOTA 178, Theorem 3.3 (and the folklore forms (a), (c), (d)).
 * Provenance: secondary (restated in classical-oracles.md O2).
 * Broken twins: the exponent 2N -> 2N + 1 in each form.
 */
import { contractionFactor } from '../../bounds/classical.js';
import { brokenTwin, claim, classFamily, gapAt, mapFamily, logUniform, rotatedSum, trajectoryMeasure } from '../../src/index.js';
import type { ClassInstance, Claim, Family, Measure, ParameterBox, Trajectory } from '../../src/index.js';

const base = classFamily({ curvature: 'stronglyConvex', maxDim: 2, pieces: 4, h: { min: 0.01, max: 1.99 }, N: { min: 1, max: 30 } });
const rho = (instance: ClassInstance): number => contractionFactor({ mu: instance.mu!, L: instance.L, gamma: instance.gamma });
const squaredNorm = (v: ArrayLike<number>): number => Array.from(v).reduce((s, x) => s + x * x, 0);

const source = {
  reference: 'Taylor, Hendrickx, Glineur (2018), JOTA 178',
  result: 'Theorem 3.3',
  version: 'journal',
  provenance: 'secondary',
  tag: 'classical-oracles.md O2',
} as const;

/** A form: the measure, the initial quantity it contracts from, and its label. */
function form<I extends ClassInstance>(
  id: string,
  what: string,
  family: Family<I, ParameterBox>,
  lhs: Measure<I, Trajectory>,
  initial: (instance: I) => number,
): { claim: Claim<I, Trajectory>; twin: Claim<I, Trajectory> } {
  const statement = claim({
    id: `classical.O2-${id}`,
    title: `GD on every (mu, L) strongly convex f, gamma in (0, 2/L): ${what}`,
    source,
    kind: 'upper',
    family: family as never,
    lhs,
    rhs: (instance: I) => rho(instance) ** (2 * instance.N) * initial(instance),
    rhsLabel: `rho^(2N) x initial`,
    scale: (_lhs: number, _rhs: number, instance: I) => initial(instance),
    expected: 'holds',
  }) as unknown as Claim<I, Trajectory>;
  const twin = brokenTwin(statement, {
    mutation: 'exponent 2N -> 2N + 1',
    rhs: (instance: I) => rho(instance) ** (2 * instance.N + 1) * initial(instance),
    rhsLabel: 'rho^(2N+1) x initial',
  });
  return { claim: statement, twin };
}

export const distance = form('distance', '||x_N - x*||^2 <= rho^(2N) ||x_0 - x*||^2', base as Family<ClassInstance, ParameterBox>, trajectoryMeasure('||x_N - x*||^2', (t) => t.distance![t.steps] ** 2, { recordDistance: true }), (i) => i.R ** 2);
export const value = form('value', 'f(x_N) - f* <= rho^(2N) (f(x_0) - f*)', base as Family<ClassInstance, ParameterBox>, gapAt(), (i) => i.initialGap);
export const gradient = form(
  'gradient',
  '||grad f(x_N)||^2 <= rho^(2N) ||grad f(x_0)||^2',
  base as Family<ClassInstance, ParameterBox>,
  trajectoryMeasure('||grad f(x_N)||^2', (t) => t.gradNorm[t.steps] ** 2),
  (i) => {
    const g = new Float64Array(i.problem.dim);
    i.problem.grad(i.x0, g);
    return squaredNorm(g);
  },
);

/** Two runs of GD on a 1-D member f, from x_0 and y_0, as one run on F(x, y) = f(x) + f(y). */
export interface TwoRuns extends ClassInstance {
  readonly y0: number;
}
/**
 * y0 = x0 + delta with delta >= 1e-3: the measure reads x_N - y_N from the final iterates rounded to
 * float64 (also in the replay), an absolute error of about 1e-15, which is negligible against
 * |x_0 - y_0| only when the starts are not too close (at delta = 2e-7 it made a 5e-9 "violation").
 */
const twoRunFamily = mapFamily(
  classFamily({ curvature: 'stronglyConvex', maxDim: 1, pieces: 4, h: { min: 0.01, max: 1.99 }, N: { min: 1, max: 30 } }),
  'two GD runs on a strongly convex piecewise quadratic, from x0 and y0 = x0 + delta',
  (instance, { delta }): TwoRuns => ({
    ...instance,
    problem: rotatedSum({ terms: [instance.problem, instance.problem] }),
    x0: Float64Array.of(instance.x0[0], instance.x0[0] + delta),
    y0: instance.x0[0] + delta,
  }),
  { delta: logUniform(1e-3, 10) },
);
export const twoRuns = form(
  'two-runs',
  '||x_N - y_N||^2 <= rho^(2N) ||x_0 - y_0||^2',
  twoRunFamily as unknown as Family<TwoRuns, ParameterBox>,
  trajectoryMeasure('||x_N - y_N||^2', (t) => (t.xFinal[0] - t.xFinal[1]) ** 2) as Measure<TwoRuns, Trajectory>,
  (i: TwoRuns) => (i.x0[0] - i.y0) ** 2,
);

