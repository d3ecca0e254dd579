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

/**
 * The exact decimal expansion of a finite float64 (every double m 2^e is a finite decimal:
 * m 2^-k = m 5^k / 10^k), so that a replay reads the very numbers the float64 run used. The
 * shortest round-trip decimal (what `math.bignumber(0.1)` reads) is a different number, off by up to
 * half an ulp: a replay from it is a run of a different instance.
 */
export function exactDecimal(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot convert ${value} to an exact decimal`);
  if (value === 0 || Number.isInteger(value)) return BigInt(value).toString();
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, Math.abs(value));
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  // value = mantissa 2^-shift, with shift > 0 since value is not an integer.
  const mantissa = biasedExponent === 0 ? fraction : fraction | (1n << 52n);
  const shift = biasedExponent === 0 ? 1074 : 1075 - biasedExponent;
  const digits = (mantissa * 5n ** BigInt(shift)).toString().padStart(shift + 1, '0');
  const decimal = `${digits.slice(0, -shift)}.${digits.slice(-shift)}`.replace(/0+$/, '');
  return value < 0 ? `-${decimal}` : decimal;
}

/**
 * A float64 value as a BigNumber, exactly (see `exactDecimal`): the BigNumber holds every digit of
 * the double, and arithmetic on it rounds to the model's precision.
 */
export function toBig(math: MathJsInstance, value: number): BigNumber {
  return Number.isFinite(value) ? math.bignumber(exactDecimal(value)) : math.bignumber(value);
}

export function toBigVector(math: MathJsInstance, values: ArrayLike<number>): BigNumber[] {
  return Array.from(values, (v) => toBig(math, v));
}

export function toFloatVector(values: readonly BigNumber[], out = new Float64Array(values.length)): Float64Array {
  for (let i = 0; i < values.length; i++) out[i] = values[i].toNumber();
  return out;
}
