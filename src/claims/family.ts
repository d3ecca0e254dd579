/**
 * Families: a box of named parameters (continuous, log-scale, integer) mapped to instances.
 * A family is what a claim quantifies over; the search samples, optimizes and simplifies over its
 * box, always through the unit cube so that every stage treats every parameter alike.
 */
import fc from 'fast-check';
import type { Problem } from '../problems/problem.js';
import type { Schedule } from '../schedules/schedule.js';
import { InputError } from '../util/errors.js';

export type ParameterSpec =
  | { readonly kind: 'uniform'; readonly min: number; readonly max: number }
  | { readonly kind: 'log'; readonly min: number; readonly max: number }
  | { readonly kind: 'integer'; readonly min: number; readonly max: number };

export type ParameterBox = Readonly<Record<string, ParameterSpec>>;
export type Params = Readonly<Record<string, number>>;

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

export const uniform = (min: number, max: number): ParameterSpec => checkedRange('uniform', min, max);
export const logUniform = (min: number, max: number): ParameterSpec => checkedRange('log', min, max);
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

export interface Family<I extends Instance = Instance> {
  readonly name: string;
  readonly box: ParameterBox;
  /** Builds the instance at a point of the box. Throws InputError for a point outside its domain. */
  instance(params: Params): I;
}

const KINDS: ReadonlyArray<ParameterSpec['kind']> = ['uniform', 'log', 'integer'];

/**
 * Every spec of the box checked as `uniform`/`logUniform`/`integer` check theirs, however it was
 * written (a literal `{ kind: 'log', min: 5, max: 1 }` bypasses those helpers).
 */
function checkedBox(name: string, box: ParameterBox): void {
  for (const [parameter, spec] of Object.entries(box)) {
    if (typeof spec !== 'object' || spec === null || !KINDS.includes(spec.kind)) {
      throw new InputError(`family ${name}: parameter ${parameter} must be uniform, logUniform or integer, got ${JSON.stringify(spec)}`);
    }
    try {
      checkedRange(spec.kind, spec.min, spec.max);
    } catch (error) {
      throw new InputError(`family ${name}: parameter ${parameter}: ${(error as Error).message}`);
    }
  }
}

export function family<I extends Instance>(definition: Family<I>): Family<I> {
  const names = Object.keys(definition.box);
  if (names.length === 0) throw new InputError(`family ${definition.name} has an empty parameter box`);
  checkedBox(definition.name, definition.box);
  return definition;
}

/** The same family with some parameters held at given values (removed from the box). */
export function withFixed<I extends Instance>(base: Family<I>, fixed: Params): Family<I> {
  const box: Record<string, ParameterSpec> = {};
  for (const [name, spec] of Object.entries(base.box)) if (!(name in fixed)) box[name] = spec;
  for (const name of Object.keys(fixed)) {
    if (!(name in base.box)) throw new InputError(`family ${base.name} has no parameter ${name}`);
  }
  const label = Object.entries(fixed).map(([k, v]) => `${k}=${v}`).join(',');
  return family({ name: `${base.name}[${label}]`, box, instance: (params) => base.instance({ ...params, ...fixed }) });
}

/** A family whose instances are transformed (a different start, schedule or horizon built from the same point). */
export function mapFamily<I extends Instance, J extends Instance>(
  base: Family<I>,
  name: string,
  transform: (instance: I, params: Params) => J,
  extraBox: ParameterBox = {},
): Family<J> {
  for (const key of Object.keys(extraBox)) {
    if (key in base.box) throw new InputError(`family ${base.name} already has a parameter ${key}`);
  }
  return family({
    name,
    box: { ...base.box, ...extraBox },
    instance: (params) => transform(base.instance(params), params),
  });
}
