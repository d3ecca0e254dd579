/**
 * Domain checks for parameters. Each throws an `InputError` whose message names the parameter and
 * the value it got, so a bad input is reported in one line and never reaches the numerics.
 */
import { InputError } from './errors.js';

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : JSON.stringify(value) ?? String(value);
}

export function requireFinite(name: string, value: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new InputError(`${name} must be a finite number, got ${describe(value)}`);
  }
  return value;
}

export function requirePositive(name: string, value: number): number {
  requireFinite(name, value);
  if (!(value > 0)) throw new InputError(`${name} must be positive, got ${describe(value)}`);
  return value;
}

export function requireNonNegative(name: string, value: number): number {
  requireFinite(name, value);
  if (!(value >= 0)) throw new InputError(`${name} must be non-negative, got ${describe(value)}`);
  return value;
}

export function requireInteger(name: string, value: number, min = -Infinity): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const bound = Number.isFinite(min) ? ` >= ${min}` : '';
    throw new InputError(`${name} must be an integer${bound}, got ${describe(value)}`);
  }
  return value;
}

/** A dimension, width or count: an integer of at least 1. */
export function requireDimension(name: string, value: number): number {
  return requireInteger(name, value, 1);
}

export function requireInRange(name: string, value: number, lo: number, hi: number): number {
  requireFinite(name, value);
  if (value < lo || value > hi) {
    throw new InputError(`${name} must lie in [${lo}, ${hi}], got ${describe(value)}`);
  }
  return value;
}

/** A vector of finite entries, optionally of a given length. Returns a Float64Array copy. */
export function requireVector(name: string, values: ArrayLike<number>, length?: number): Float64Array {
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new InputError(`${name} must be an array of numbers`);
  }
  if (length !== undefined && values.length !== length) {
    throw new InputError(`${name} must have length ${length}, got ${values.length}`);
  }
  const copy = Float64Array.from(values);
  for (let i = 0; i < copy.length; i++) {
    if (!Number.isFinite(copy[i])) {
      throw new InputError(`${name}[${i}] must be a finite number, got ${describe(values[i])}`);
    }
  }
  return copy;
}

/** A dense matrix given as rows; returns it row-major with its shape. */
export function requireMatrix(
  name: string,
  rows: ReadonlyArray<ArrayLike<number>>,
): { data: Float64Array; rows: number; cols: number } {
  if (!Array.isArray(rows) || rows.length === 0) {
    throw new InputError(`${name} must be a non-empty array of rows`);
  }
  const cols = rows[0].length;
  if (cols === 0) throw new InputError(`${name} must have at least one column`);
  const data = new Float64Array(rows.length * cols);
  rows.forEach((row, i) => data.set(requireVector(`${name}[${i}]`, row, cols), i * cols));
  return { data, rows: rows.length, cols };
}
