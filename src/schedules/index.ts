/** The schedules module's public surface: the Schedule type, every schedule and combinator, and label formatting. */
export { schedule, type Schedule, type StepState } from './schedule.js';
export { formatNumber } from '../util/format.js';
export {
  constant,
  cosineDecay,
  linearWarmup,
  stepDecay,
  type CosineDecayOptions,
  type LinearWarmupOptions,
  type StepDecayOptions,
} from './basic.js';
export {
  exactLineSearchQuadratic,
  h0h1Warmup,
  localSmoothness,
  polyak,
  rhoK0KrhoWarmup,
  type H0H1WarmupOptions,
  type LocalSmoothnessOptions,
  type PolyakOptions,
  type RhoK0KrhoWarmupOptions,
} from './adaptive.js';
export { minimum, piecewise, scaled, warmupThenDecay, type BoundedPiece, type FinalPiece } from './combinators.js';
