/**
 * Schedule labels: how parameters are printed in the labels that name a schedule in
 * report tables, so that the same schedule always gets the same short label, and the check that
 * a combinator's argument is a schedule.
 */
import { InputError } from '../util/errors.js';
import { formatNumber } from '../util/format.js';
import type { Schedule } from './schedule.js';

/**
 * `name(key=value,...)` in the order given, leaving out parameters that are `undefined` (optional
 * parameters at their default); just `name` when none is left.
 */
export function labelFor(name: string, params: Readonly<Record<string, number | string | undefined>>): string {
  const shown = Object.entries(params)
    .filter((entry): entry is [string, number | string] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${typeof value === 'number' ? formatNumber(value) : value}`);
  return shown.length === 0 ? name : `${name}(${shown.join(',')})`;
}

/** `value`, or `undefined` when it equals the parameter's default (so the label leaves it out). */
export function unlessDefault(value: number, defaultValue: number): number | undefined {
  return value === defaultValue ? undefined : value;
}

export function requireSchedule(name: string, value: Schedule): Schedule {
  if (typeof value !== 'function' || typeof (value as Partial<Schedule>).label !== 'string') {
    throw new InputError(`${name} must be a schedule (a labelled step-size rule)`);
  }
  return value;
}
