/**
 * Families: a box of named parameters (continuous, log-scale, integer) mapped to instances.
 * A family is what a claim quantifies over; the search samples, optimizes and simplifies over its
 * box, always through the unit cube so that every stage treats every parameter alike. The box
 * types the parameters: `family({ box: { L: logUniform(1, 10) }, instance: ({ L }) => ... })`
 * passes `{ readonly L: number }` to `instance`, and the claim's rhs and hypotheses get the same
 * type, so a misspelt parameter name is a type error.
 */
import fc from 'fast-check';
import type { Problem } from '../problems/problem.js';
import type { Schedule } from '../schedules/schedule.js';
import { InputError } from '../util/errors.js';

export type ParameterSpec =
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'log'; readonly min: number; readonly max: number }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number };

/** Named parameter ranges, e.g. `{ L: logUniform(0.1, 10), N: integer(1, 50) }`. */
export type ParameterBox = Readonly<Record<string, ParameterSpec>>;

/** A point of the box `B`: a number for each of its parameters (any names, for the default box type). */
export type Params<B extends ParameterBox = ParameterBox> = { readonly [K in keyof B]: number };

function checkedRange(kind: ParameterSpec['kind'], min: number, max: number): ParameterSpec {
  if (!Number.isFinite(min) || !Number.isFinite(max) || !(min <= max)) {
    throw new InputError(`${kind} parameter range must be finite with min <= max, got [${min}, ${max}]`);
  }
  if (kind === 'log' && !(min > 0)) throw new InputError(`log-scale parameter range must be positive, got [${min}, ${max}]`);
  if (kind === 'integer' && (!Number.isInteger(min) || !Number.isInteger(max))) {
    throw new InputError(`integer parameter range must have integer ends, got [${min}, ${max}]`);
  }
  return { kind, min, max };
}

/** A parameter uniform on [min, max]. */
export const uniform = (min: number, max: number): ParameterSpec => checkedRange('uniform', min, max);
/** A parameter uniform in log scale on [min, max], 0 < min (scales, constants, step sizes). */
export const logUniform = (min: number, max: number): ParameterSpec => checkedRange('log', min, max);
/** An integer parameter in {min, ..., max} (dimensions, horizons, depths). */
export const integer = (min: number, max: number): ParameterSpec => checkedRange('integer', min, max);

/** Maps u in [0, 1] to the parameter's range (affine, logarithmic, or rounded affine). */
export function fromUnit(spec: ParameterSpec, u: number): number {
  const clamped = Math.min(1, Math.max(0, u));
  switch (spec.kind) {
    case 'uniform':
      return spec.min + clamped * (spec.max - spec.min);
    case 'log':
      return Math.exp(Math.log(spec.min) + clamped * (Math.log(spec.max) - Math.log(spec.min)));
    case 'integer':
      return Math.min(spec.max, Math.floor(spec.min + clamped * (spec.max - spec.min + 1)));
  }
}

/** The inverse of `fromUnit` (for integers, the centre of the value's cell). */
export function toUnit(spec: ParameterSpec, value: number): number {
  if (spec.max === spec.min) return 0.5;
  switch (spec.kind) {
    case 'uniform':
      return (value - spec.min) / (spec.max - spec.min);
    case 'log':
      return (Math.log(value) - Math.log(spec.min)) / (Math.log(spec.max) - Math.log(spec.min));
    case 'integer':
      return (value - spec.min + 0.5) / (spec.max - spec.min + 1);
  }
}

export function paramsFromUnit(box: ParameterBox, unit: Readonly<Record<string, number>>): Params {
  const params: Record<string, number> = {};
  for (const name of Object.keys(box)) params[name] = fromUnit(box[name], unit[name]);
  return params;
}

const UNIT_STEPS = 2 ** 32;

/**
 * A coordinate of the unit cube: uniform in [0, 1) nine times in ten (a bias-free integer over
 * 2^32 cells), otherwise an end of the range, so that the corners of the box are tried too. Not
 * `fc.double`, which is uniform over float64 representations and so puts almost every draw within
 * a hair of 0. Shrinks towards 0, the lower end of the parameter's range.
 */
const unitCoordinate: fc.Arbitrary<number> = fc.oneof(
  { weight: 9, arbitrary: fc.noBias(fc.integer({ min: 0, max: UNIT_STEPS - 1 })).map((cell) => cell / UNIT_STEPS) },
  { weight: 1, arbitrary: fc.constantFrom(0, 1) },
);

/** A fast-check arbitrary over the box: each parameter a unit coordinate mapped through its spec. */
export function boxArbitrary(box: ParameterBox): fc.Arbitrary<Params> {
  const unitRecord: Record<string, fc.Arbitrary<number>> = {};
  for (const name of Object.keys(box)) unitRecord[name] = unitCoordinate;
  return fc.record(unitRecord).map((unit) => paramsFromUnit(box, unit));
}

/** What a claim measures on: a problem and, for statements about runs, the start, schedule and horizon. */
export interface Instance {
  readonly problem: Problem;
  readonly x0?: ArrayLike<number>;
  readonly schedule?: Schedule;
  /** Number of GD steps the statement is about (T, N), when it is about a run. */
  readonly horizon?: number;
}

/** A claim's family: instances `I` over the parameter box `B`. */
export interface Family<I extends Instance = Instance, B extends ParameterBox = ParameterBox> {
  readonly name: string;
  readonly box: B;
  /** Builds the instance at a point of the box. Throws InputError for a point outside its domain. */
  instance(params: Params<B>): I;
}

/** A family, its parameter types read off its box. */
export function family<I extends Instance, B extends ParameterBox = ParameterBox>(definition: Family<I, B>): Family<I, B> {
  if (typeof definition.name !== 'string') throw new InputError(`family name must be a string, got ${JSON.stringify(definition.name)}`);
  if (typeof definition.box !== 'object' || definition.box === null) throw new InputError(`family ${definition.name}: box must be an object of parameter ranges`);
  const names = Object.keys(definition.box);
  if (names.length === 0) throw new InputError(`family ${definition.name} has an empty parameter box`);
  for (const name of names) {
    const spec = definition.box[name] as ParameterSpec | undefined;
    if (!spec || !['uniform', 'log', 'integer'].includes(spec.kind)) {
      throw new InputError(`family ${definition.name}: box.${name} must be uniform(min, max), logUniform(min, max) or integer(min, max)`);
    }
  }
  if (typeof definition.instance !== 'function') throw new InputError(`family ${definition.name}: instance must be a function of the parameters`);
  return definition;
}

/** The same family with the parameters `K` held at given values (removed from the box). */
export function withFixed<I extends Instance, B extends ParameterBox, K extends keyof B & string>(
  base: Family<I, B>,
  fixed: { readonly [P in K]: number },
): Family<I, Omit<B, K>> {
  const box: Record<string, ParameterSpec> = {};
  for (const [name, spec] of Object.entries(base.box)) if (!(name in fixed)) box[name] = spec;
  for (const name of Object.keys(fixed)) {
    if (!(name in base.box)) throw new InputError(`family ${base.name} has no parameter ${name}`);
  }
  const label = Object.entries(fixed).map(([k, v]) => `${k}=${v}`).join(',');
  return family({
    name: `${base.name}[${label}]`,
    box: box as Omit<B, K>,
    instance: (params) => base.instance({ ...params, ...fixed } as Params<B>),
  });
}

/**
 * A family whose instances are transformed (a different start, schedule or horizon built from the
 * same point), with the extra parameters `extraBox` (which must not clash with the base's).
 */
export function mapFamily<I extends Instance, J extends Instance, B extends ParameterBox, E extends ParameterBox = {}>(
  base: Family<I, B>,
  name: string,
  transform: (instance: I, params: Params<B & E>) => J,
  extraBox?: E,
): Family<J, B & E> {
  for (const key of Object.keys(extraBox ?? {})) {
    if (key in base.box) throw new InputError(`family ${base.name} already has a parameter ${key}`);
  }
  return family({
    name,
    box: { ...base.box, ...extraBox } as B & E,
    instance: (params) => transform(base.instance(params), params),
  });
}
