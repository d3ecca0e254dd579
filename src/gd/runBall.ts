/**
 * The ball replay: GD on a problem's double-double ball model (src/problems/ballModel.ts), or on
 * the ball model of its shadow model (src/problems/shadowModel.ts) when it has no ball model, with
 * the stopping rules of the float64 runner and the same `Trajectory` out, like the BigNumber
 * replay of runHighPrecision.ts. Every value handed on in float64 (f, the gap and gradient norm
 * the stop rules and the schedule read, x and grad f in the schedule's state, the distance to x*)
 * is the ball's midpoint rounded to nearest, and the replay checks that the whole ball rounds to
 * that double: when every check passes (`decided`), the trajectory is exactly the exact run's
 * values rounded to float64, the run the BigNumber replay approximates. The schedule is evaluated
 * in float64 on that state and its step applied exactly, as in the BigNumber replay.
 */
import { largestEigenvalue } from '../linalg/spectral.js';
import { ballAdd, ballBounds, ballSqrtOfNonNegative, BallVector, DotAccumulator, result, roundsToNearest } from '../linalg/ddBall.js';
import { BALL_VALUE, ballEvaluation, type BallModel } from '../problems/ballModel.js';
import { shadowBallModel } from '../problems/shadowModel.js';
import type { Problem } from '../problems/problem.js';
import type { Schedule, StepState } from '../schedules/schedule.js';
import { InputError } from '../util/errors.js';
import { requireVector } from '../util/validate.js';
import { checkedStep, type RunOptions } from './run.js';
import { StopRules } from './stopRules.js';
import { endsOf, type Trajectory } from './trajectory.js';

/** Float64 bounds, rounded outwards, of the exact values of a recorded series. */
export interface SeriesBounds {
  readonly lower: Float64Array;
  readonly upper: Float64Array;
}

/** A ball replay: the trajectory, whether every float64 it handed on is the exact value rounded, and the series' bounds. */
export interface BallReplay {
  readonly trajectory: Trajectory;
  /**
   * Every value handed on in float64 is the exact run's value rounded to nearest. A replay stops at
   * the first step where one is not: its trajectory is then only the part replayed.
   */
  readonly decided: boolean;
  /** The first value whose ball straddles a rounding boundary (or overflowed), when not decided. */
  readonly undecided?: string;
  /** The largest radius relative to its midpoint among the recorded values (gap, gradient norm, distance). */
  readonly maxRelativeRadius: number;
  readonly gap: SeriesBounds;
  readonly gradNorm: SeriesBounds;
  readonly distance?: SeriesBounds;
}

/** Which model a ball replay of the problem runs: its ball model, else its shadow model, else none. */
export function ballReplayKind(problem: Problem): 'ball' | 'shadow' | undefined {
  if (problem.ballModel) return 'ball';
  return problem.shadowModel ? 'shadow' : undefined;
}

/** The problem's ball model, or that of its shadow model; an InputError when it has neither. */
export function ballModelOf(problem: Problem): BallModel {
  if (problem.ballModel) return problem.ballModel();
  if (problem.shadowModel) return shadowBallModel(problem.shadowModel());
  throw new InputError(`${problem.name} has no double-double ball or shadow model`);
}

/** Replays GD on the problem's ball model (see the module comment). */
export function replayInBalls(problem: Problem, schedule: Schedule, x0: ArrayLike<number>, options: RunOptions): BallReplay {
  if (options.oracle) throw new InputError('stochastic runs cannot be replayed in high precision');
  const model = ballModelOf(problem);
  const dim = problem.dim;
  const start = requireVector('x0', x0, dim);
  let state = new BallVector(model.stateDim);
  let next = new BallVector(model.stateDim);
  model.start(start, state);
  const evaluation = ballEvaluation(model);
  const { point, gradient, values } = evaluation;
  const xStar = options.recordDistance ? problem.xStar : undefined;
  const rules = new StopRules(options);
  const series = { gap: [] as number[], gradNorm: [] as number[], distance: [] as number[] };
  const bounds = { gap: [[], []] as number[][], gradNorm: [[], []] as number[][], distance: [[], []] as number[][] };
  const stepSize: number[] = [];
  const sharpness: number[] = [];
  const xFloat = new Float64Array(dim);
  const previousX = new Float64Array(dim);
  const gradFloat = new Float64Array(dim);
  /** Which of x and grad f(x) the schedule read at this step: only those must round exactly. */
  const read = { x: false, grad: false };
  const scheduleState = {
    get x() {
      read.x = true;
      return xFloat;
    },
    get grad() {
      read.grad = true;
      return gradFloat;
    },
    f: 0,
    gap: 0,
    gradNorm: 0,
    problem,
  };
  const stepState: StepState = scheduleState;
  const sum = new DotAccumulator();
  let undecided: string | undefined;
  let maxRelativeRadius = 0;
  /** The midpoint rounded to nearest, after checking that the ball rounds to it. */
  const rounded = (hi: number, lo: number, rad: number, what: string, t: number): number => {
    if (undecided === undefined && !roundsToNearest(hi, lo, rad)) undecided = `${what} at step ${t}`;
    return hi;
  };
  const checkRounded = (ball: BallVector, what: string, t: number): void => {
    for (let i = 0; i < dim && undecided === undefined; i++) rounded(ball.hi[i], ball.lo[i], ball.rad[i], `${what}[${i}]`, t);
  };
  const record = (name: 'gap' | 'gradNorm' | 'distance', t: number): number => {
    const value = rounded(result.hi, result.lo, result.rad, name, t);
    const [lower, upper] = ballBounds(result.hi, result.lo, result.rad);
    series[name].push(value);
    bounds[name][0].push(lower);
    bounds[name][1].push(upper);
    if (value !== 0) maxRelativeRadius = Math.max(maxRelativeRadius, result.rad / Math.abs(value));
    return value;
  };
  for (let t = 0; ; t++) {
    model.evaluate(state, evaluation);
    const f = rounded(values.hi[BALL_VALUE.f], values.lo[BALL_VALUE.f], values.rad[BALL_VALUE.f], 'f', t);
    const gapHi = values.hi[BALL_VALUE.gap];
    const gapLo = values.lo[BALL_VALUE.gap];
    const gapRad = values.rad[BALL_VALUE.gap];
    const g2 = BALL_VALUE.gradNormSquared;
    ballSqrtOfNonNegative(values.hi[g2], values.lo[g2], values.rad[g2]);
    const normHi = result.hi;
    const normLo = result.lo;
    const normRad = result.rad;
    previousX.set(xFloat);
    let xMax = 0;
    for (let i = 0; i < dim; i++) {
      xFloat[i] = point.hi[i];
      xMax = Math.max(xMax, Math.abs(xFloat[i]));
    }
    if (undecided !== undefined) break;
    if (!rules.acceptsFinite(t, f, gapHi, normHi, xMax)) {
      xFloat.set(previousX);
      break;
    }
    result.hi = gapHi;
    result.lo = gapLo;
    result.rad = gapRad;
    const gapT = record('gap', t);
    result.hi = normHi;
    result.lo = normLo;
    result.rad = normRad;
    const gradNormT = record('gradNorm', t);
    if (options.recordSharpness) {
      checkRounded(point, 'x', t);
      sharpness.push(largestEigenvalue(problem, xFloat));
    }
    if (xStar) {
      sum.reset();
      for (let i = 0; i < dim; i++) {
        ballAdd(point.hi[i], point.lo[i], point.rad[i], -xStar[i], 0, 0);
        sum.addProduct(result.hi, result.lo, result.rad, result.hi, result.lo, result.rad);
      }
      sum.finish();
      ballSqrtOfNonNegative(result.hi, result.lo, result.rad);
      record('distance', t);
    }
    if (undecided !== undefined) break;
    if (rules.endsAt(t, gapT, xMax)) {
      checkRounded(point, 'x', t);
      break;
    }
    if (gradNormT === 0 && rules.stationary()) {
      checkRounded(point, 'x', t);
      break;
    }
    gradFloat.set(gradient.hi);
    read.x = read.grad = false;
    scheduleState.f = f;
    scheduleState.gap = gapT;
    scheduleState.gradNorm = gradNormT;
    const eta = checkedStep(schedule, t, stepState);
    if (read.x) checkRounded(point, 'x', t);
    if (read.grad) checkRounded(gradient, 'grad', t);
    if (undecided !== undefined) break;
    stepSize.push(eta);
    model.step(state, eta, next);
    [state, next] = [next, state];
  }
  // An undecided replay may stop before recording x_0: its (empty) trajectory is not to be read.
  const steps = Math.max(0, series.gap.length - 1);
  if (series.gap.length === 0 && undecided === undefined) throw new InputError(`${problem.name} is not finite at x0`);
  const xFinal = Float64Array.from(xFloat);
  const toBounds = (name: 'gap' | 'gradNorm' | 'distance'): SeriesBounds => ({
    lower: Float64Array.from(bounds[name][0]),
    upper: Float64Array.from(bounds[name][1]),
  });
  const trajectory: Trajectory = {
    problem: problem.name,
    schedule: schedule.label,
    steps,
    gap: Float64Array.from(series.gap),
    gradNorm: Float64Array.from(series.gradNorm),
    stepSize: Float64Array.from(stepSize.slice(0, steps)),
    ...(options.recordSharpness ? { sharpness: Float64Array.from(sharpness) } : {}),
    ...(xStar ? { distance: Float64Array.from(series.distance) } : {}),
    iterates: [{ step: steps, x: xFinal }],
    xFinal,
    ends: endsOf(series.gap, series.gradNorm, stepSize.slice(0, steps)),
    stop: rules.reason,
    ...(rules.divergence ? { divergence: rules.divergence } : {}),
  };
  return {
    trajectory,
    decided: undecided === undefined,
    ...(undecided === undefined ? {} : { undecided }),
    maxRelativeRadius,
    gap: toBounds('gap'),
    gradNorm: toBounds('gradNorm'),
    ...(xStar ? { distance: toBounds('distance') } : {}),
  };
}
