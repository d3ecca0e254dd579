/**
 * Step sizes that depend on the iteration index only: constant, linear warm-up, cosine decay and
 * step decay. Each validates its parameters when built and is then a pure function of t.
 */
import { requireInteger, requireNonNegative, requirePositive } from '../util/validate.js';
import { InputError } from '../util/errors.js';
import { formatNumber } from '../util/format.js';
import { labelFor, unlessDefault } from './label.js';
import { schedule, type Schedule } from './schedule.js';

/** eta_t = eta. Label `constant(eta)`. */
export function constant(eta: number): Schedule {
  requirePositive('eta', eta);
  return schedule(`constant(${formatNumber(eta)})`, () => eta);
}

export interface LinearWarmupOptions {
  /** The step reached at t = warmupSteps and kept afterwards. */
  readonly peak: number;
  readonly warmupSteps: number;
  /** The step at t = 0. Default 0. */
  readonly initial?: number;
}

/**
 * eta_t = initial + (peak - initial) min(t, warmupSteps) / warmupSteps (optax's
 * `linear_schedule`): `initial` at t = 0, `peak` from t = warmupSteps on.
 * Label `linear(peak=..,steps=..)`, with `initial=..` when not 0.
 */
export function linearWarmup({ peak, warmupSteps, initial = 0 }: LinearWarmupOptions): Schedule {
  requirePositive('peak', peak);
  requireInteger('warmupSteps', warmupSteps, 1);
  requireNonNegative('initial', initial);
  const label = labelFor('linear', { peak, steps: warmupSteps, initial: unlessDefault(initial, 0) });
  return schedule(label, (t) => initial + ((peak - initial) * Math.min(t, warmupSteps)) / warmupSteps);
}

export interface CosineDecayOptions {
  /** The step at t = 0. */
  readonly peak: number;
  readonly decaySteps: number;
  /** The step reached at t = decaySteps and kept afterwards; in [0, peak]. Default 0. */
  readonly floor?: number;
}

/**
 * eta_t = floor + (peak - floor) (1 + cos(pi min(t, decaySteps) / decaySteps)) / 2: half a cosine
 * from `peak` down to `floor` (an absolute step, not optax's fraction `alpha` of the peak).
 * Label `cosine(peak=..,steps=..)`, with `floor=..` when not 0.
 */
export function cosineDecay({ peak, decaySteps, floor = 0 }: CosineDecayOptions): Schedule {
  requirePositive('peak', peak);
  requireInteger('decaySteps', decaySteps, 1);
  requireNonNegative('floor', floor);
  if (floor > peak) throw new InputError(`floor must be at most peak (${peak}), got ${floor}`);
  const label = labelFor('cosine', { peak, steps: decaySteps, floor: unlessDefault(floor, 0) });
  return schedule(label, (t) => {
    const progress = Math.min(t, decaySteps) / decaySteps;
    return floor + ((peak - floor) * (1 + Math.cos(Math.PI * progress))) / 2;
  });
}

export interface StepDecayOptions {
  readonly initial: number;
  /** Multiplies the step every `every` steps; in (0, 1]. */
  readonly factor: number;
  readonly every: number;
}

/** eta_t = initial * factor^floor(t / every). Label `step(initial=..,factor=..,every=..)`. */
export function stepDecay({ initial, factor, every }: StepDecayOptions): Schedule {
  requirePositive('initial', initial);
  requirePositive('factor', factor);
  if (factor > 1) throw new InputError(`factor must be at most 1 (a decay), got ${factor}`);
  requireInteger('every', every, 1);
  return schedule(labelFor('step', { initial, factor, every }), (t) => initial * factor ** Math.floor(t / every));
}
