/**
 * Shared pieces for high-precision models: one mathjs BigNumber instance per precision, the
 * conversions between float64 vectors and BigNumber vectors, sums and dot products, and
 * `bigModel`, which turns a model written once against a mathjs instance into a problem's
 * `highPrecision(digits)`. Everything a custom problem needs to certify its violations, with no
 * import of mathjs: a BigNumber (decimal.js underneath) has its arithmetic as methods
 * (`a.plus(b)`, `a.times(b)`, `a.div(b)`, `a.pow(n)`, `a.sqrt()`, `a.exp()`, `a.ln()`, `a.cosh()`, ...).
 */
import { createRequire } from 'node:module';
import type * as MathJs from 'mathjs';
import type { BigNumber, MathJsInstance } from 'mathjs';
import { requireInteger } from '../util/validate.js';
import type { HighPrecisionModel } from './problem.js';

export type { BigNumber, MathJsInstance };

let mathjsModule: typeof MathJs | undefined;

/**
 * mathjs itself, loaded on first use: importing it builds its default instance (about 2 s of CPU
 * and 90 MB), which a float64 evaluation, a search thread or the command line's main thread never
 * needs; only high-precision replays and expression problems do.
 */
export function loadMathjs(): typeof MathJs {
  mathjsModule ??= createRequire(import.meta.url)('mathjs') as typeof MathJs;
  return mathjsModule;
}

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
    const { all, create } = loadMathjs();
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

/** A float64 vector as BigNumbers (each entry through its shortest decimal representation). */
export function toBigVector(math: MathJsInstance, values: ArrayLike<number>): BigNumber[] {
  return Array.from(values, (v) => toBig(math, v));
}

/** BigNumbers rounded to float64, into `out` when given. */
export function toFloatVector(values: readonly BigNumber[], out = new Float64Array(values.length)): Float64Array {
  for (let i = 0; i < values.length; i++) out[i] = values[i].toNumber();
  return out;
}

/** sum_i values_i in the precision of `math` (0 for no values). */
export function bigSum(math: MathJsInstance, values: Iterable<BigNumber>): BigNumber {
  let s = math.bignumber(0);
  for (const v of values) s = s.plus(v);
  return s;
}

/** sum_i a_i b_i in the precision of `math`; a and b have the same length. */
export function bigDot(math: MathJsInstance, a: readonly BigNumber[], b: readonly BigNumber[]): BigNumber {
  let s = math.bignumber(0);
  for (let i = 0; i < a.length; i++) s = s.plus(a[i].times(b[i]));
  return s;
}

/** A high-precision model as written by a problem: everything but the precision, which `math` carries. */
export type BigModelDefinition = Omit<HighPrecisionModel, 'digits' | 'math'>;

/**
 * v -> Q v (transpose: Q^T v) in BigNumber arithmetic, for a dim x dim matrix Q stored row-major
 * as float64 values (read exactly); the identity when `matrix` is undefined.
 */
export function bigMatrixTimes(
  math: MathJsInstance,
  matrix: ArrayLike<number> | undefined,
  dim: number,
): (v: readonly BigNumber[], transpose: boolean) => BigNumber[] {
  if (!matrix) return (v) => [...v];
  const q = toBigVector(math, matrix);
  const zero = toBig(math, 0);
  return (v, transpose) =>
    v.map((_, i) => {
      let s = zero;
      for (let j = 0; j < dim; j++) s = s.plus((transpose ? q[j * dim + i] : q[i * dim + j]).times(v[j]));
      return s;
    });
}

/**
 * A problem's `highPrecision(digits)` from `build(math)`, which writes the objective once against
 * the mathjs BigNumber instance it is given (`bigMath(digits)`). The float64 parameters the model
 * uses should enter through `toBig`, so that the replay evaluates the very instance that ran in
 * float64. Each precision's model is built once.
 */
export function bigModel(build: (math: MathJsInstance) => BigModelDefinition): (digits: number) => HighPrecisionModel {
  const models = new Map<number, HighPrecisionModel>();
  return (digits) => {
    let model = models.get(digits);
    if (!model) {
      const math = bigMath(digits);
      model = { ...build(math), digits, math };
      models.set(digits, model);
    }
    return model;
  };
}
