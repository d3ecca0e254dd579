/**
 * `BallModel`: a problem's objective in double-double ball arithmetic (src/linalg/ddBall.ts), the
 * fast rigorous replay behind certification (src/gd/runBall.ts). A model runs GD in a state of its
 * choice: x itself, or coordinates in which the exact step is the same map and the balls do not
 * grow by the wrapping effect (a quadratic with an exactly orthogonal eigenbasis runs in its
 * eigencoordinates, where a step scales each coordinate by 1 - eta lambda_k). Whatever the state,
 * the model hands back balls that enclose the exact values at the exact iterate x_t of the float64
 * instance's GD run with the replay's steps. Where no such coordinates exist (a linear net),
 * `ShadowModel` (shadowModel.ts) replays midpoints only and bounds their distance to the exact run.
 */
import { BallVector } from '../linalg/ddBall.js';

export { BallVector };

/** Indices of the scalar balls in `BallEvaluation.values`. */
export const BALL_VALUE = { f: 0, gap: 1, gradNormSquared: 2 } as const;

/** What a `BallModel` writes at a state: x, grad f(x), and f, f - f*, ||grad f||^2. */
export interface BallEvaluation {
  /** x, length `dim`. */
  readonly point: BallVector;
  /** grad f(x), length `dim`. */
  readonly gradient: BallVector;
  /** f(x), f(x) - f* and ||grad f(x)||^2 at the indices of `BALL_VALUE`. */
  readonly values: BallVector;
}

/**
 * A problem in double-double ball arithmetic: every ball it writes must contain the exact value
 * (for the float64 data of the instance that ran, read exactly). Implement it for a custom
 * problem with the operations of `ddBall` (`ballAdd`, `ballMul`, `DotAccumulator`, ...).
 */
export interface BallModel {
  /** The dimension d of x. */
  readonly dim: number;
  /** The length of the state z in which the model runs GD. */
  readonly stateDim: number;
  /** Writes the state of the start x0 (float64, read exactly) into `state`. */
  start(x0: Float64Array, state: BallVector): void;
  /** Writes the balls of the evaluation at `state` into `out`. */
  evaluate(state: BallVector, out: BallEvaluation): void;
  /**
   * Writes the state of x - eta grad f(x) into `next`, x the point of `state`, for a step eta
   * (read exactly); called after `evaluate(state)`. Computing the step as one map of the state,
   * rather than x and eta grad f(x) as two balls, is what keeps a contracting step from widening the
   * balls (the dependency problem of interval arithmetic).
   */
  step(state: BallVector, eta: number, next: BallVector): void;
}

/** Buffers for a model's evaluation. */
export function ballEvaluation(model: BallModel): BallEvaluation {
  return {
    point: new BallVector(model.dim),
    gradient: new BallVector(model.dim),
    values: new BallVector(3),
  };
}
