/**
 * Shared pieces for high-precision models: one mathjs BigNumber instance per precision, and the
 * conversions between float64 vectors and BigNumber vectors.
 */
import { all, create, type BigNumber, type MathJsInstance } from 'mathjs';
import { requireInteger } from '../util/validate.js';

const instances = new Map<number, MathJsInstance>();

/**
 * mathjs configured for BigNumber arithmetic at `digits` significant digits (cached per precision),
 * in `predictable` mode: sqrt(-1) and log(-1) are NaN rather than complex, so a replay that leaves
 * the domain is reported as non-finite.
 */
export function bigMath(digits: number): MathJsInstance {
  requireInteger('digits', digits, 16);
  let math = instances.get(digits);
  if (!math) {
    math = create(all, { number: 'BigNumber', precision: digits, predictable: true });
    instances.set(digits, math);
  }
  return math;
}

/** A float64 value as a BigNumber (through its shortest decimal representation, as mathjs does). */
export function toBig(math: MathJsInstance, value: number): BigNumber {
  return math.bignumber(value);
}

export function toBigVector(math: MathJsInstance, values: ArrayLike<number>): BigNumber[] {
  return Array.from(values, (v) => math.bignumber(v));
}

export function toFloatVector(values: readonly BigNumber[], out = new Float64Array(values.length)): Float64Array {
  for (let i = 0; i < values.length; i++) out[i] = values[i].toNumber();
  return out;
}
