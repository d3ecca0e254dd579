/**
 * CS5 under Aiming with theta < 1 [R, our reading]: Theorem 4.2 on a nonconvex function.
 *
 * Result [R]: GD with eta_t = 1/(10 H0 + 20 H1 (f(w_t) - f*)) on an (H0,H1)-smooth f satisfying
 * Aiming, <grad f(w), w - w*> >= theta (f(w) - f*) (the usual form, warmup-h0h1.md §1, unverified),
 * reaches f - f* <= eps within K <= (40 H0 R^2 / eps + 40 H1 R^2) / theta^2 iterations: the O(.)
 * form with 1/theta^2 [S-J] and the convex constants of CS5 [S-A]; the exact theta dependence was
 * not recovered (§3.5, §7).
 * The family: f(w) = w^2/2 + 2 b sin(w/2)^2 = w^2/2 + b (1 - cos w) with b in {2, 2.5, 3, 3.5}:
 * nonconvex (f'' = 1 + b cos w < 0 near w = pi), with the single critical point w* = 0 (w + b sin w
 * = 0 has no other root for b < 4.6), f* = 0, L-smooth with L = 1 + b, so (H0, H1) = (1 + b, H1)
 * for any H1 >= 0 (H1 log-uniform in [1e-3, 1]); theta = 0.99 times the minimum of
 * (w^2 + b w sin w) / f(w) over a grid of w in (0, 40] (an [N] value: 0.86, 0.67, 0.49 and 0.33
 * for the four b; the ratio tends to 2 at 0 and at infinity, and both sides are even), R = |w_0| in [0.1, 20], eps in
 * [1e-5, 1e-1].
 * Reference: Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164, v2, Theorem 4.2.
 * Provenance: derived [R] (the theta dependence), on [S-J] (form) and [S-A] (constants).
 * Broken twin: the exponent of 1/eps off by one, 40 H0 R^2 / eps -> 40 H0 R^2 (as CS5's twin).
 */
import { theorem42AimingIterationBound } from '../../bounds/alimisis2025.js';
import {
  brokenTwin,
  claim,
  family,
  firstHit,
  fromExpression,
  h0h1Warmup,
  integer,
  logUniform,
  uniform,
  type Instance,
  type Problem,
} from '../../src/index.js';

interface AimingRunInstance extends Instance {
  readonly H0: number;
  readonly H1: number;
  readonly theta: number;
  readonly R: number;
  readonly eps: number;
}

/** The b of the family, on a grid: fromExpression differentiates symbolically once per b. */
const B_VALUES = [2, 2.5, 3, 3.5] as const;

const problems = new Map<number, { problem: Problem; theta: number }>();

/** f = w^2/2 + 2 b sin(w/2)^2 and its Aiming constant ([N]: 0.99 times the grid minimum of w f'(w) / f(w)). */
function aimingProblem(b: number): { problem: Problem; theta: number } {
  let built = problems.get(b);
  if (!built) {
    const problem = fromExpression({ expression: '1/2*w^2 + 2*b*sin(w/2)^2', variables: ['w'], parameters: { b }, fStar: 0 });
    let ratio = Infinity;
    for (let k = 1; k <= 40_000; k++) {
      const w = k / 1000;
      ratio = Math.min(ratio, (w * w + b * w * Math.sin(w)) / (w * w / 2 + 2 * b * Math.sin(w / 2) ** 2));
    }
    built = { problem, theta: Math.min(1, 0.99 * ratio) };
    problems.set(b, built);
  }
  return built;
}

const aimingRuns = family<AimingRunInstance>({
  name: 'w^2/2 + b (1 - cos w), b in {2, 2.5, 3, 3.5} (nonconvex, Aiming), adaptive step 1/(10 H0 + 20 H1 gap) from w_0 = sign R',
  box: { bIndex: integer(0, B_VALUES.length - 1), H1: logUniform(1e-3, 1), R: logUniform(0.1, 20), sign: uniform(-1, 1), eps: logUniform(1e-5, 1e-1) },
  instance: ({ bIndex, H1, R, sign, eps }) => {
    const b = B_VALUES[bIndex];
    const { problem, theta } = aimingProblem(b);
    const H0 = 1 + b;
    return { problem, x0: [sign < 0 ? -R : R], schedule: h0h1Warmup({ H0, H1 }), H0, H1, theta, R, eps };
  },
});

const aiming = claim({
  id: 'alimisis2025.CS5b',
  title: '[R, our reading] Theorem 4.2 under Aiming with theta < 1, nonconvex w^2/2 + b (1 - cos w): K(eps) <= (40 H0 R^2 / eps + 40 H1 R^2) / theta^2',
  source: {
    reference: 'Alimisis, Islamov, Lucchi (2025), arXiv 2510.03164',
    result: 'Theorem 4.2 (warmup-h0h1.md §3.5, CS5)',
    version: 'v2',
    provenance: 'derived',
    tag: '[S-J] form, [S-A] constants, [R] theta dependence',
  },
  kind: 'upper',
  family: aimingRuns,
  lhs: firstHit((instance: AimingRunInstance) => instance.eps),
  rhs: (instance) => theorem42AimingIterationBound(instance),
  rhsLabel: '(40 H0 R^2 / eps + 40 H1 R^2) / theta^2',
  expected: 'holds',
});
export default aiming;

export const twin = brokenTwin(aiming, {
  mutation: '40 H0 R^2 / eps -> 40 H0 R^2 (exponent of 1/eps off by one)',
  rhs: (instance) => theorem42AimingIterationBound({ ...instance, eps: 1 }),
  rhsLabel: '(40 H0 R^2 + 40 H1 R^2) / theta^2',
});
