/**
 * The high-precision replay: GD on a problem's BigNumber model at a chosen number of significant
 * digits, with the same stopping rules as the float64 runner and the same `Trajectory` out (values
 * rounded to float64 only when recorded). The schedule is evaluated in float64 on the rounded
 * state, and its step is then applied exactly: the replay is exact GD with those steps.
 */
import type { BigNumber } from 'mathjs';
import { largestEigenvalue } from '../linalg/spectral.js';
import { toBig, toBigVector, toFloatVector } from '../problems/highPrecision.js';
import type { HighPrecisionModel, Problem } from '../problems/problem.js';
import type { Schedule, StepState } from '../schedules/schedule.js';
import { InputError } from '../util/errors.js';
import { requireVector } from '../util/validate.js';
import { checkedStep, type RunOptions } from './run.js';
import { StopRules } from './stopRules.js';
import { endsOf, type Trajectory } from './trajectory.js';

function highPrecisionModel(problem: Problem, digits: number): HighPrecisionModel {
  if (!problem.highPrecision) throw new InputError(`${problem.name} has no high-precision model`);
  return problem.highPrecision(digits);
}

function normOf(values: readonly BigNumber[], zero: BigNumber): BigNumber {
  let sum = zero;
  for (const v of values) sum = sum.plus(v.times(v));
  return sum.sqrt();
}

function maxAbs(values: readonly BigNumber[]): number {
  let m = 0;
  for (const v of values) m = Math.max(m, v.abs().toNumber());
  return m;
}

/** A `Runner` (see claims/measures.ts) that replays at `digits` significant digits. */
export function runHighPrecision(digits: number) {
  return (problem: Problem, schedule: Schedule, x0: ArrayLike<number>, options: RunOptions): Trajectory => {
    if (options.oracle) throw new InputError('stochastic runs cannot be replayed in high precision');
    const model = highPrecisionModel(problem, digits);
    const { math } = model;
    const zero = toBig(math, 0);
    let x = toBigVector(math, requireVector('x0', x0, problem.dim));
    const xStar = options.recordDistance && problem.xStar ? toBigVector(math, problem.xStar) : undefined;
    const rules = new StopRules(options);
    const gap: number[] = [];
    const gradNorm: number[] = [];
    const stepSize: number[] = [];
    const sharpness: number[] = [];
    const distance: number[] = [];
    const xFloat = new Float64Array(problem.dim);
    const gradFloat = new Float64Array(problem.dim);
    const state = { x: xFloat, grad: gradFloat, f: 0, gap: 0, gradNorm: 0, problem };
    const stepState: StepState = state;
    let previous = x;
    for (let t = 0; ; t++) {
      const g = model.grad(x);
      const f = model.f(x);
      const gapT = (model.gap ? model.gap(x) : f.minus(model.fStar)).toNumber();
      const gNorm = normOf(g, zero).toNumber();
      const xMax = maxAbs(x);
      if (!rules.acceptsFinite(t, f.toNumber(), gapT, gNorm, xMax)) {
        x = previous;
        break;
      }
      gap.push(gapT);
      gradNorm.push(gNorm);
      toFloatVector(x, xFloat);
      if (options.recordSharpness) sharpness.push(largestEigenvalue(problem, xFloat));
      if (xStar) distance.push(normOf(x.map((xi, i) => xi.minus(xStar[i])), zero).toNumber());
      if (rules.endsAt(t, gapT, xMax)) break;
      if (gNorm === 0 && rules.stationary()) break;
      toFloatVector(g, gradFloat);
      state.f = f.toNumber();
      state.gap = gapT;
      state.gradNorm = gNorm;
      const eta = checkedStep(schedule, t, stepState);
      stepSize.push(eta);
      const etaBig = toBig(math, eta);
      previous = x;
      x = x.map((xi, i) => xi.minus(etaBig.times(g[i])));
    }
    const steps = gap.length - 1;
    if (steps < 0) throw new InputError(`${problem.name} is not finite at x0`);
    const xFinal = toFloatVector(x);
    const steppedSizes = stepSize.slice(0, steps);
    return {
      problem: problem.name,
      schedule: schedule.label,
      steps,
      gap: Float64Array.from(gap),
      gradNorm: Float64Array.from(gradNorm),
      stepSize: Float64Array.from(steppedSizes),
      ...(options.recordSharpness ? { sharpness: Float64Array.from(sharpness) } : {}),
      ...(xStar ? { distance: Float64Array.from(distance) } : {}),
      iterates: [{ step: steps, x: xFinal }],
      xFinal,
      ends: endsOf(gap, gradNorm, steppedSizes),
      stop: rules.reason,
      ...(rules.divergence ? { divergence: rules.divergence } : {}),
    };
  };
}
