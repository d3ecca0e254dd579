/**
 * `ShadowModel`: the second fast rigorous replay behind certification, for problems whose balls
 * would grow by the wrapping effect when carried through GD (a linear net's matrix products: the
 * entrywise |I - eta Hess f| is far larger than its norm, so midpoint-radius balls carried from step
 * to step lose every digit in a few hundred steps). This module owns the interface and
 * `shadowBallModel`, which turns it into a `BallModel` that the ball replay (src/gd/runBall.ts)
 * runs unchanged, with the same checks that every float64 value handed on is the exact one rounded.
 *
 * Result (a posteriori shadowing bound, [D]). Let G(x) = x - eta grad f(x), x_k the exact iterates
 * of the float64 instance's run (x_0 = the float64 start, x_{k+1} = G_k(x_k) with the replay's step
 * eta_k), and m_k the replayed midpoints (double-double, m_0 = x_0, no radius carried). Hypotheses:
 * f is C^2 near the run, and the model's `curvatureOver(e)` encloses the eigenvalues of Hess f over
 * the ball {y : ||y - m_k||_2 <= e} in [lower, upper]. Then with
 *   d_k    >= ||G_k(m_k) - m_{k+1}||_2  (the norm of the radii of G_k evaluated in ball arithmetic at
 *            the point m_k, radius 0 in: m_{k+1} is that ball's midpoint, so no wrapping in a step),
 *   Lip_k  >= max(|1 - eta_k lower|, |1 - eta_k upper|) >= sup over the ball of ||DG_k||_2
 *            (DG_k = I - eta_k Hess f is symmetric with eigenvalues 1 - eta_k lambda),
 * the mean value inequality gives e_{k+1} = Lip_k e_k + d_k >= ||x_{k+1} - m_{k+1}||_2 by
 * induction from e_0 = 0 (||G(x) - G(m)|| <= sup_segment ||DG|| ||x - m||, the segment inside the
 * ball). The values at x_k, H = max(|lower|, |upper|) bounding ||Hess f|| over the ball:
 *   |f(x) - f(m)| <= ||grad f(m)|| e + H e^2 / 2 (Taylor with the Hessian bound; the same for the gap),
 *   |grad_i f(x) - grad_i f(m)| <= ||grad f(x) - grad f(m)||_2 <= H e,
 *   | ||grad f(x)||^2 - ||grad f(m)||^2 | <= H e (2 ||grad f(m)|| + H e),
 *   |x_i - m_i| <= e.
 * The product of the Lip_k grows like exp(sum_k eta_k |lower_k|): the replay stays decided while
 * e_k, times the gradient, stays below the half-ulp of each value handed on, and leaves the run to
 * the BigNumber replay otherwise (a radius that grows is never trimmed).
 *
 * Rounding: the radius arithmetic here is float64 with round to nearest on nonnegative quantities,
 * a handful of operations each, every result scaled up by `UPWARDS` (1 + 2^-45, far above the
 * accumulated 10 u). A non-finite curvature bound makes every radius non-finite (or NaN), which no
 * check accepts.
 */
import { ballAdd, ballMul, ballNormUpperBound, BallVector, result } from '../linalg/ddBall.js';
import { BALL_VALUE, type BallModel } from './ballModel.js';

/** Factor that rounds a few float64 operations on nonnegative radii upwards. */
export const UPWARDS = 1 + 2 ** -45;

/** An enclosure [lower, upper] of the eigenvalues of Hess f over a ball. */
export interface CurvatureBounds {
  readonly lower: number;
  readonly upper: number;
}

/**
 * A problem in double-double ball arithmetic evaluated at points only, plus rigorous Hessian
 * eigenvalue bounds over a ball: enough for the shadowing replay (see the module comment). Every
 * ball it writes must contain the exact value for the float64 data of the instance, read exactly.
 */
export interface ShadowModel {
  /** The dimension d of x. */
  readonly dim: number;
  /**
   * Writes balls of grad f(x) into `gradient` (length `dim`) and of f(x), f(x) - f* and
   * ||grad f(x)||^2 into `values` (at the indices of `BALL_VALUE`), at the point x = hi + lo of
   * `point` (its radii are 0).
   */
  evaluate(point: BallVector, gradient: BallVector, values: BallVector): void;
  /**
   * Bounds on every eigenvalue of Hess f(y) over ||y - x||_2 <= radius, x the point last
   * evaluated (non-finite when the model cannot bound them: the replay then stops, undecided).
   * With `step`, they serve the Lipschitz constant of the step y -> y - step grad f(y), and a model
   * may tighten, at a cost, the side that decides it (`gradientStepLipschitz`); without, they bound
   * ||Hess f|| for the values' radii.
   */
  curvatureOver(radius: number, step?: number): CurvatureBounds;
}

/** The Lipschitz constant of y -> y - eta grad f(y) over a ball where the Hessian's eigenvalues lie in `curvature`, rounded up. */
export function gradientStepLipschitz(eta: number, curvature: CurvatureBounds): number {
  const largest = Math.max(Math.abs(1 - eta * curvature.lower), Math.abs(1 - eta * curvature.upper));
  // fl(1 - eta lambda) is off by at most 2u (1 + 2 |eta lambda|) <= 2^-51 (3 + 2 |1 - eta lambda|).
  return (largest + 2 ** -49) * (1 + 2 ** -49);
}

/**
 * The `BallModel` of a shadow model. Its state is the midpoint m_k (double-double) with every
 * radius e_k, the bound on ||x_k - m_k||_2, so each coordinate's ball holds x_k's coordinate too.
 */
export function shadowBallModel(model: ShadowModel): BallModel {
  const dim = model.dim;
  const point = new BallVector(dim);
  const pointGradient = new BallVector(dim);
  const pointValues = new BallVector(3);
  return {
    dim,
    stateDim: dim,
    start(x0, state) {
      for (let i = 0; i < dim; i++) state.setExact(i, x0[i]);
    },
    evaluate(state, out) {
      const radius = dim === 0 ? 0 : state.rad[0];
      // The point m_k itself: its radii stay 0.
      point.hi.set(state.hi);
      point.lo.set(state.lo);
      model.evaluate(point, pointGradient, pointValues);
      const curvature = model.curvatureOver(radius);
      const hessianNorm = Math.max(Math.abs(curvature.lower), Math.abs(curvature.upper));
      const gradientSpread = radius === 0 ? 0 : hessianNorm * radius * UPWARDS;
      out.point.hi.set(state.hi);
      out.point.lo.set(state.lo);
      out.point.rad.set(state.rad);
      out.gradient.hi.set(pointGradient.hi);
      out.gradient.lo.set(pointGradient.lo);
      for (let i = 0; i < dim; i++) out.gradient.rad[i] = (pointGradient.rad[i] + gradientSpread) * UPWARDS;
      const g2 = BALL_VALUE.gradNormSquared;
      const gradientNorm = Math.sqrt(Math.abs(pointValues.hi[g2]) + Math.abs(pointValues.lo[g2]) + pointValues.rad[g2]) * UPWARDS;
      const valueSpread = radius === 0 ? 0 : (gradientNorm * radius + (hessianNorm * radius * radius) / 2) * UPWARDS;
      const normSpread = radius === 0 ? 0 : gradientSpread * (2 * gradientNorm + gradientSpread) * UPWARDS;
      out.values.hi.set(pointValues.hi);
      out.values.lo.set(pointValues.lo);
      out.values.rad[BALL_VALUE.f] = (pointValues.rad[BALL_VALUE.f] + valueSpread) * UPWARDS;
      out.values.rad[BALL_VALUE.gap] = (pointValues.rad[BALL_VALUE.gap] + valueSpread) * UPWARDS;
      out.values.rad[g2] = (pointValues.rad[g2] + normSpread) * UPWARDS;
    },
    step(state, eta, next) {
      // G(m) = m - eta grad f(m) at the point m (radius 0): only rounding radii, whose norm is the defect.
      for (let i = 0; i < dim; i++) {
        ballMul(pointGradient.hi[i], pointGradient.lo[i], pointGradient.rad[i], eta, 0, 0);
        ballAdd(state.hi[i], state.lo[i], 0, -result.hi, -result.lo, result.rad);
        next.setResult(i);
      }
      const defect = ballNormUpperBound(next, 0, dim, true);
      const radius = dim === 0 ? 0 : state.rad[0];
      const carried = radius === 0 ? 0 : gradientStepLipschitz(eta, model.curvatureOver(radius, eta)) * radius;
      const nextRadius = (carried + defect) * UPWARDS;
      next.rad.fill(nextRadius);
    },
  };
}
