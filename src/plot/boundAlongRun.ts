/**
 * A claim's bound as a function of t along one run: the statement "lhs(x_T) <= rhs(T)" read at
 * every horizon t <= T of the run that was checked. The horizon is the integer parameter of the
 * family whose value is the instance's horizon (N, T); the bound at t is the claim's rhs at the
 * same parameters with that one set to t, given the run cut at step t. When the family has no such
 * parameter, or changing it changes the problem, the start or the schedule (so that the instances
 * at t and at T are not the same run), the bound is only known at T and none is returned.
 */
import type { Claim } from '../claims/claim.js';
import type { Instance, Params } from '../claims/family.js';
import { endsOf, type Trajectory } from '../gd/trajectory.js';
import type { Series } from './specs.js';

/** Horizons at which the bound is evaluated: every t up to this many, else this many spread over 1..T. */
const BOUND_SAMPLES = 400;

/** The horizon parameter: the one integer parameter whose value is the instance's horizon. */
export function horizonParameter(claim: Claim<Instance>, params: Params, instance: Instance): string | undefined {
  if (instance.horizon === undefined) return undefined;
  const candidates = Object.entries(claim.family.box).filter(
    ([name, spec]) => spec.kind === 'integer' && params[name] === instance.horizon,
  );
  return candidates.length === 1 ? candidates[0][0] : undefined;
}

/** The run as if it had stopped after `t` steps (iterates past t dropped; xFinal the last one kept). */
function cutAt(trajectory: Trajectory, t: number): Trajectory {
  const iterates = trajectory.iterates.filter((it) => it.step <= t);
  const [gap, gradNorm, stepSize] = [trajectory.gap.subarray(0, t + 1), trajectory.gradNorm.subarray(0, t + 1), trajectory.stepSize.subarray(0, t)];
  return {
    ...trajectory,
    steps: t,
    gap,
    gradNorm,
    stepSize,
    ends: endsOf(gap, gradNorm, stepSize),
    ...(trajectory.sharpness ? { sharpness: trajectory.sharpness.subarray(0, t + 1) } : {}),
    ...(trajectory.distance ? { distance: trajectory.distance.subarray(0, t + 1) } : {}),
    iterates,
    xFinal: iterates.length > 0 ? iterates[iterates.length - 1].x : trajectory.xFinal,
    stop: t === trajectory.steps ? trajectory.stop : 'budget',
  };
}

function sameRun(a: Instance, b: Instance): boolean {
  return (
    JSON.stringify(a.problem.params) === JSON.stringify(b.problem.params) &&
    a.problem.name === b.problem.name &&
    JSON.stringify(Array.from(a.x0 ?? [])) === JSON.stringify(Array.from(b.x0 ?? [])) &&
    a.schedule?.label === b.schedule?.label
  );
}

/** 1..T, or BOUND_SAMPLES horizons spread over it (T always included). */
function horizons(steps: number): number[] {
  if (steps <= BOUND_SAMPLES) return Array.from({ length: steps }, (_, i) => i + 1);
  return [...new Set(Array.from({ length: BOUND_SAMPLES }, (_, i) => Math.round(((i + 1) * steps) / BOUND_SAMPLES)))];
}

/**
 * The bound at t = 1..T along `trajectory` (the run of the instance at `params`), labelled
 * `label`; undefined when the bound is known at the horizon only (see the module comment).
 */
export function boundAlongRun(
  claim: Claim<Instance>,
  params: Params,
  trajectory: Trajectory,
  label: string,
): { readonly series: Series; readonly parameter: string } | undefined {
  const instance = claim.family.instance(params);
  const parameter = horizonParameter(claim, params, instance);
  if (parameter === undefined) return undefined;
  const x: number[] = [];
  const y: number[] = [];
  for (const t of horizons(trajectory.steps)) {
    const paramsAtT = { ...params, [parameter]: t };
    let atT: Instance;
    try {
      atT = claim.family.instance(paramsAtT);
    } catch {
      continue; // t is outside the family's domain (a horizon below its minimum): no bound there.
    }
    if (!sameRun(instance, atT)) return undefined;
    x.push(t);
    y.push((claim.rhs as (i: Instance, p: Params, r: Trajectory) => number)(atT, paramsAtT, cutAt(trajectory, t)));
  }
  return x.length === 0 ? undefined : { series: { label, x, y }, parameter };
}
