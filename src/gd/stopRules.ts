/**
 * The stopping rules shared by the float64 runner and the high-precision replay: divergence
 * (non-finite values, or a gap or coordinate beyond the run's limits), the target gap, the step
 * budget, and an exactly zero gradient; and, for float64 runs only, underflow.
 */
import { requireInteger, requirePositive } from '../util/validate.js';
import type { RunOptions } from './run.js';
import type { Divergence, StopReason } from './trajectory.js';

const DEFAULT_BLOW_UP_FACTOR = 1e12;
const DEFAULT_MAX_ABS_COORDINATE = 1e10;

/**
 * 2^-970 = 2^-1022 / 2^-52: a value at least this large times any factor down to the unit roundoff
 * is still a normal float64. Below it, gaps and squared gradient norms (and the products and ratios
 * claims form from them) fall into the subnormal range, or to 0, with no relative precision left:
 * on cosh(x) - 1 the gap rounded to 0 while ||grad f||^2 = 8e-323 did not, and a per-step ratio
 * read 8e-323 / 0 = Infinity where the exact run's ratio is below 1.
 */
export const UNDERFLOW_FLOOR = 2 ** -970;

export class StopRules {
  readonly maxSteps: number;
  private readonly blowUpFactor: number;
  private readonly maxAbsCoordinate: number;
  private readonly targetGap: number;
  private gapLimit = Infinity;
  reason: StopReason = 'budget';
  divergence: Divergence | undefined;

  constructor(options: RunOptions) {
    this.maxSteps = requireInteger('maxSteps', options.maxSteps, 0);
    this.blowUpFactor = requirePositive('blowUpFactor', options.blowUpFactor ?? DEFAULT_BLOW_UP_FACTOR);
    this.maxAbsCoordinate = requirePositive('maxAbsCoordinate', options.maxAbsCoordinate ?? DEFAULT_MAX_ABS_COORDINATE);
    this.targetGap = options.targetGap ?? -Infinity;
  }

  /** Whether x_t may be recorded: false when its values are not finite (the run stops before it). */
  acceptsFinite(t: number, f: number, gap: number, gradNorm: number, xMax: number): boolean {
    if (Number.isFinite(f) && Number.isFinite(gap) && Number.isFinite(gradNorm) && Number.isFinite(xMax)) return true;
    this.stop('diverged', { step: t, reason: 'non-finite' });
    return false;
  }

  /** Whether the run ends at the recorded x_t (blow-up, target reached, budget spent). */
  endsAt(t: number, gap: number, xMax: number): boolean {
    if (t === 0) this.gapLimit = this.blowUpFactor * Math.max(1, gap);
    if (gap > this.gapLimit || xMax > this.maxAbsCoordinate) return this.stop('diverged', { step: t, reason: 'blow-up' });
    if (gap <= this.targetGap) return this.stop('target');
    return t === this.maxSteps;
  }

  /**
   * Whether a float64 run ends at the recorded x_t because its gap or squared gradient norm fell
   * below `UNDERFLOW_FLOOR` while the gradient is not exactly 0. The high-precision replays do not
   * ask: the exact run has no floor, so they replay the run's whole budget.
   */
  underflowsAt(gap: number, gradNorm: number): boolean {
    const gradSquared = gradNorm * gradNorm;
    const underflows = gradNorm > 0 && (gradSquared < UNDERFLOW_FLOOR || (gap !== 0 && Math.abs(gap) < UNDERFLOW_FLOOR));
    return underflows && this.stop('underflow');
  }

  /**
   * Whether no rule of a float64 run fires at x_t, t > 0 (after `endsAt` set the blow-up limit at
   * x_0): every value finite, the gap within the blow-up limit and above the target, the
   * coordinates within theirs, t short of the budget, the gradient neither 0 nor underflowing.
   * Where it holds, `acceptsFinite`, `endsAt`, `underflowsAt` and the zero-gradient test all say
   * "go on", so a runner may skip asking them (src/gd/runLanes.ts does, lane by lane); where it
   * does not, the runner asks them as `run` does. Pure: it records nothing.
   */
  quietAt(t: number, f: number, gap: number, gradNorm: number, xMax: number): boolean {
    return (
      t !== this.maxSteps &&
      Number.isFinite(f) &&
      gap <= this.gapLimit &&
      gap > this.targetGap &&
      Number.isFinite(gap) &&
      xMax <= this.maxAbsCoordinate &&
      gradNorm > 0 &&
      gradNorm < Infinity &&
      gradNorm * gradNorm >= UNDERFLOW_FLOOR &&
      (gap === 0 || Math.abs(gap) >= UNDERFLOW_FLOOR)
    );
  }

  /** Records a stop at an exactly zero gradient (deterministic runs only). */
  stationary(): true {
    return this.stop('stationary');
  }

  private stop(reason: StopReason, divergence?: Divergence): true {
    this.reason = reason;
    this.divergence = divergence;
    return true;
  }
}
