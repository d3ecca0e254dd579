/**
 * The GD runner: x_{t+1} = x_t - eta_t d_t, with d_t the exact gradient or a seeded stochastic
 * oracle's direction, recorded into a `Trajectory` of typed arrays. It owns the stopping rules
 * (step budget, target gap, exact stationarity, divergence) and allocates nothing per step.
 *
 * The exact gradient norm (`norm2`) is computed only where its value is kept: every step when the
 * run records the gradient-norm series; otherwise only when a schedule reads `state.gradNorm`, for
 * the run's least gradient norm (`LeastGradientNorm`), and at steps whose sum of squares is outside
 * the range where it takes the same decisions (see `SQUARES_DECIDE`).
 */
import { distance, dot, norm2, normInf } from '../linalg/kernels.js';
import { largestEigenvalue } from '../linalg/spectral.js';
import type { Problem } from '../problems/problem.js';
import type { Schedule, StepState } from '../schedules/schedule.js';
import { InputError } from '../util/errors.js';
import { requireDimension, requireInteger, requireVector } from '../util/validate.js';
import { StopRules } from './stopRules.js';
import { leaveOut, recordedSeries, type RunSeries, type Trajectory } from './trajectory.js';

/** A stochastic gradient: writes the direction for x into `out`, given the exact gradient there. */
export interface GradientOracle {
  readonly label: string;
  direction(x: Float64Array, exactGradient: Float64Array, out: Float64Array): void;
}

export interface RunOptions {
  /** Step budget: at most this many GD steps. */
  readonly maxSteps: number;
  /** Stop at the first x_t with f(x_t) - f* <= targetGap. */
  readonly targetGap?: number;
  /** Diverged when the gap exceeds blowUpFactor * max(1, gap_0). Default 1e12. */
  readonly blowUpFactor?: number;
  /** Diverged when some |x_i| exceeds this. Default 1e10. */
  readonly maxAbsCoordinate?: number;
  /**
   * The per-step series to record. Default: gap, gradient norm and step size (plus sharpness and
   * distance when their flags ask). A series left out is neither stored nor, for sharpness and
   * distance, computed; reading it off the trajectory throws. Plots and reports leave it unset.
   */
  readonly record?: readonly RunSeries[];
  /** Record the largest Hessian eigenvalue at every iterate (a dense or Lanczos solve per step); same as listing `sharpness` in `record`. */
  readonly recordSharpness?: boolean;
  /** Record ||x_t - x*|| (needs the problem's xStar); same as listing `distance` in `record`. */
  readonly recordDistance?: boolean;
  /** Keep x_t every this many steps (the last iterate is always kept). 0: only the last. */
  readonly iterateEvery?: number;
  /** Stochastic directions instead of the exact gradient. */
  readonly oracle?: GradientOracle;
}

export function run(problem: Problem, schedule: Schedule, x0: ArrayLike<number>, options: RunOptions): Trajectory {
  const dim = requireDimension('problem dimension', problem.dim);
  let x: Float64Array = requireVector('x0', x0, dim);
  const rules = new StopRules(options);
  const { maxSteps } = rules;
  const iterateEvery = requireInteger('iterateEvery', options.iterateEvery ?? 0, 0);
  const recorded = recordedSeries(options.record, options);
  const xStar = problem.xStar;
  if (recorded.has('distance') && !xStar) {
    throw new InputError(`recording the distance needs a known minimizer, and ${problem.name} has none`);
  }

  const series = (name: RunSeries, length: number): GrowingSeries | undefined => (recorded.has(name) ? new GrowingSeries(length) : undefined);
  const gap = series('gap', maxSteps + 1);
  const gradNorm = series('gradNorm', maxSteps + 1);
  const stepSize = series('stepSize', maxSteps);
  const sharpness = series('sharpness', maxSteps + 1);
  const dist = xStar ? series('distance', maxSteps + 1) : undefined;
  const iterates: { step: number; x: Float64Array }[] = [];

  /** x_{t+1} is written here, then the two buffers swap: x_t stays whole for a rollback. */
  let next: Float64Array = new Float64Array(dim);
  /** Where grad f(x_t) is written; `leastGradNorm` may keep it and hand back another buffer. */
  let exactGradient: Float64Array = new Float64Array(dim);
  const oracle = options.oracle;
  const stochasticDirection = oracle ? new Float64Array(dim) : undefined;
  const state = new RunStepState(x, problem);
  /** Whether the gradient norm's value is kept at every step (else only its decisions are needed). */
  const normEveryStep = gradNorm !== undefined;
  const leastGradNorm = new LeastGradientNorm(dim);
  /** max_i |x_t,i|, written by `stepInto` and read at the next step (carried in a local across iterations, V8 boxed it at every step). */
  const stepLargest = new Float64Array(1);
  // The run's ends, kept in locals rather than an object's fields: the loop's cheapest bookkeeping.
  let initialGap = NaN;
  let lastGap = NaN;
  let firstStep = NaN;
  let lastStep = NaN;
  let stepBeforeLast = NaN;

  let t = 0;
  stepLargest[0] = normInf(x);
  for (; ; t++) {
    const f = problem.grad(x, exactGradient);
    const gapT = problem.gap ? problem.gap(x) : f - problem.fStar;
    // 0 (outside SQUARES_DECIDE) when the norm is recorded: then it is computed at every step.
    const squares = normEveryStep ? 0 : dot(exactGradient, exactGradient);
    const decidedBySquares = squares >= SQUARES_DECIDE.least && squares <= SQUARES_DECIDE.most;
    /** ||grad f(x_t)||, or where only decisions read it, a stand-in that takes the same decisions. */
    const gNorm = decidedBySquares ? SQUARES_DECIDE.standIn : norm2(exactGradient);
    const xMax = stepLargest[0];
    if (!rules.acceptsFinite(t, f, gapT, gNorm, xMax)) {
      t--;
      break;
    }
    if (t === 0) initialGap = gapT;
    lastGap = gapT;
    const nextGradient = decidedBySquares ? leastGradNorm.addSquares(exactGradient, squares) : leastGradNorm.addNorm(gNorm, exactGradient);
    gap?.set(t, gapT);
    gradNorm?.set(t, gNorm);
    sharpness?.set(t, largestEigenvalue(problem, x));
    if (dist && xStar) dist.set(t, distance(x, xStar));
    if (rules.endsAt(t, gapT, xMax) || rules.underflowsAt(gapT, gNorm)) break;
    if (iterateEvery > 0 && t % iterateEvery === 0) iterates.push({ step: t, x: Float64Array.from(x) });
    let direction = exactGradient;
    if (oracle && stochasticDirection) {
      oracle.direction(x, exactGradient, stochasticDirection);
      direction = stochasticDirection;
    } else if (gNorm === 0 && rules.stationary()) {
      break;
    }
    // Field by field rather than through a method: a call V8 does not inline would box each number.
    state.grad = direction;
    state.exactGradient = exactGradient;
    state.f = f;
    state.gap = gapT;
    state.norm = gNorm;
    state.normKnown = !decidedBySquares;
    const eta = checkedStep(schedule, t, state);
    if (t === 0) firstStep = eta;
    stepBeforeLast = lastStep;
    lastStep = eta;
    stepSize?.set(t, eta);
    stepInto(-eta, direction, x, next, stepLargest);
    const current = x;
    x = next;
    next = current;
    state.x = x;
    exactGradient = nextGradient;
  }

  if (t < 0) throw new InputError(`${problem.name} is not finite at x0`);
  const steps = t;
  /** A step that overflowed is undone: x_{steps} is the buffer before it, and the last step size the one before. */
  const rolledBack = rules.divergence?.reason === 'non-finite';
  const xFinal = Float64Array.from(rolledBack ? next : x);
  if (iterates[iterates.length - 1]?.step !== steps) iterates.push({ step: steps, x: xFinal });
  const trajectory = {
    problem: problem.name,
    schedule: schedule.label,
    steps,
    ...(gap ? { gap: gap.values(steps + 1) } : {}),
    ...(gradNorm ? { gradNorm: gradNorm.values(steps + 1) } : {}),
    ...(stepSize ? { stepSize: stepSize.values(steps) } : {}),
    ...(sharpness ? { sharpness: sharpness.values(steps + 1) } : {}),
    ...(dist ? { distance: dist.values(steps + 1) } : {}),
    iterates,
    xFinal,
    ends: {
      initialGap,
      finalGap: lastGap,
      minGradNorm: leastGradNorm.value(),
      firstStepSize: steps > 0 ? firstStep : null,
      lastStepSize: steps === 0 ? null : rolledBack ? stepBeforeLast : lastStep,
    },
    stop: rules.reason,
    ...(rules.divergence ? { divergence: rules.divergence } : {}),
  };
  return leaveOut(trajectory as Trajectory, (['gap', 'gradNorm', 'stepSize'] as const).filter((name) => !recorded.has(name)));
}

/** Length of a recorded series before its first doubling. */
const INITIAL_SERIES_LENGTH = 1024;

/** A series recorded step by step into a Float64Array that doubles when full, up to `capacity`. */
class GrowingSeries {
  private data: Float64Array;

  constructor(private readonly capacity: number) {
    this.data = new Float64Array(Math.min(capacity, INITIAL_SERIES_LENGTH));
  }

  set(t: number, value: number): void {
    if (t >= this.data.length) {
      const grown = new Float64Array(Math.min(this.capacity, 2 * this.data.length));
      grown.set(this.data);
      this.data = grown;
    }
    this.data[t] = value;
  }

  /** The first `length` entries (a view, no copy). */
  values(length: number): Float64Array {
    return this.data.subarray(0, length);
  }
}

/**
 * The sums of squares s = sum_i g_i^2 (by `dot`) that decide as ||g|| (by `norm2`) would: for s in
 * [2^-960, 2^1000] the gradient is finite and not zero, and ||g||^2 and s are both within a
 * relative (d + 8) 2^-53 of the exact sum of squares (no term's loss to underflow or overflow counts
 * at that size), so ||g|| is finite, non-zero and its square above the underflow floor
 * (`UNDERFLOW_FLOOR`, 2^-970): every stopping rule decides as it would on `standIn`, which the
 * rules are given in its place. Outside it (or for a NaN), the run takes the exact norm.
 */
const SQUARES_DECIDE = { least: 2 ** -960, most: 2 ** 1000, standIn: 1 } as const;

/**
 * The schedule's view of x_t (`StepState`), whose fields the run sets at each step. `gradNorm` is
 * the exact norm (`norm2`): `norm` when `normKnown`, else computed when a schedule first reads it.
 */
class RunStepState implements StepState {
  grad: Float64Array = new Float64Array(0);
  exactGradient: Float64Array = this.grad;
  f = 0;
  gap = 0;
  norm = 0;
  normKnown = false;

  constructor(
    public x: Float64Array,
    readonly problem: Problem,
  ) {}

  get gradNorm(): number {
    if (!this.normKnown) {
      this.norm = norm2(this.exactGradient);
      this.normKnown = true;
    }
    return this.norm;
  }
}

/**
 * min_t ||grad f(x_t)|| over a run's recorded iterates, equal to the minimum of the exact norms
 * (`norm2`) while computing few of them. A step whose norm the run computed anyway is added by its
 * norm; a step known by its sum of squares s (in `SQUARES_DECIDE`'s range) is compared with the
 * kept gradient of least s so far, or with the least exact norm: when s is more than a relative
 * `margin` away, the order of the exact norms is the order of the sums (the error bounds of both
 * are under a quarter of the margin), so the larger one cannot be the minimum and is dropped;
 * otherwise both norms are computed. The kept gradient's buffer is handed over rather than copied.
 */
class LeastGradientNorm {
  /** Least exact norm computed so far. */
  private least = Infinity;
  /** The gradient of least sum of squares not yet compared by norm (its buffer), when `keeping`. */
  private kept: Float64Array;
  private keeping = false;
  /** The sum of squares a new one is compared with: the kept gradient's, else least^2. */
  private reference = Infinity;
  /**
   * 1 + margin and 1 - margin, with margin the relative distance between sums of squares beyond
   * which their exact norms are ordered alike: (8d + 64) 2^-53, twice what the error bounds of
   * `dot` (gamma_{d+2}) and `norm2` (its square within gamma_{d+8}) and the rounding of the
   * comparison take.
   */
  private readonly above: number;
  private readonly below: number;

  constructor(dim: number) {
    this.kept = new Float64Array(dim);
    const margin = (4 * dim + 32) * Number.EPSILON;
    this.above = 1 + margin;
    this.below = 1 - margin;
  }

  /** Adds a step by its exact norm; the next gradient goes into the same buffer. */
  addNorm(norm: number, gradient: Float64Array): Float64Array {
    this.least = Math.min(this.least, norm);
    if (!this.keeping) this.reference = this.least * this.least;
    return gradient;
  }

  /** Adds a step by its sum of squares; returns the buffer the next gradient goes into (another one when this gradient is kept). */
  addSquares(gradient: Float64Array, squares: number): Float64Array {
    if (squares > this.reference * this.above) return gradient;
    if (squares < this.reference * this.below) {
      const free = this.kept;
      this.kept = gradient;
      this.keeping = true;
      this.reference = squares;
      return free;
    }
    this.compareNorms(gradient);
    return gradient;
  }

  /** The least exact norm over every step added. */
  value(): number {
    return this.keeping ? Math.min(this.least, norm2(this.kept)) : this.least;
  }

  /** Adds `gradient` and the kept one by their exact norms (sums of squares too close to order them). */
  private compareNorms(gradient: Float64Array): void {
    this.least = Math.min(this.least, norm2(gradient));
    if (this.keeping) this.least = Math.min(this.least, norm2(this.kept));
    this.keeping = false;
    this.reference = this.least * this.least;
  }
}

/** eta_t from the schedule, which must be finite and non-negative. */
export function checkedStep(schedule: Schedule, t: number, state: StepState): number {
  const eta = schedule(t, state);
  if (!Number.isFinite(eta) || eta < 0) {
    throw new InputError(`schedule ${schedule.label} gave step size ${eta} at t=${t}; steps must be finite and >= 0`);
  }
  return eta;
}

/** out <- x + alpha d (bitwise as `axpy`); largest[0] <- max_i |out_i| (NaN when some entry is NaN). */
function stepInto(alpha: number, d: Float64Array, x: Float64Array, out: Float64Array, largest: Float64Array): void {
  let m = 0;
  for (let i = 0; i < x.length; i++) {
    const value = x[i] + alpha * d[i];
    out[i] = value;
    m = Math.max(m, Math.abs(value));
  }
  largest[0] = m;
}
