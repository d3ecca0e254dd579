/**
 * Double-double ball arithmetic on Float64Array storage: every number is a ball, a double-double
 * midpoint hi + lo (an unevaluated sum of two doubles, |lo| <= ulp(hi)/2) and a radius that
 * encloses the exact value. This module owns the error-free transformations, the double-double
 * sum, product and square root, their error bounds, the propagation of radii, and the test that a
 * ball rounds to one double (`roundsToNearest`), which is what lets a replay say that a float64
 * value it hands on is the exact value rounded.
 *
 * Error bounds ([D], from the published ones; u = 2^-53, no FMA):
 * - TwoSum (Knuth) and TwoProd (Dekker, Veltkamp splitting) are exact barring overflow and
 *   underflow (Joldes, Muller, Popescu 2017, "Tight and rigorous error bounds for basic building
 *   blocks of double-word arithmetic", ACM TOMS 44(2), §2).
 * - the sum is their AccurateDWPlusDW (Alg. 6), relative error <= 3u^2 / (1 - 4u) (Thm 3.1);
 * - the product is their DWTimesDW1 (Alg. 10, <= 7u^2, Thm 5.1) with the FMA replaced by a product
 *   and a sum: one more rounding of a term below u^2 |xy|, so <= 8u^2 + O(u^3);
 * - the square root is one Newton correction of Math.sqrt (Dekker 1971, sqrt2), <= 4u^2.
 * Every operation here is charged `OPERATION_ERROR` = 2^-96 = 128 u^2 of its result's magnitude,
 * far above these bounds, plus `UNDERFLOW_ERROR` = 2^-1060 absolute for a product of nonzero
 * operands below `UNDERFLOW_ZONE` = 2^-960 (or a square root of one): the bounds above assume no
 * underflow. Sums never underflow (subnormal sums are exact). In a product whose high part is at
 * least 2^-960 every partial product that matters is normal (at least 2^-1013), and the smallest
 * (x_lo y_lo, from 2^-1066) can only lose 2^-1075, below u^2 of the product; below 2^-960 (the
 * product may even round to 0) each of the at most 32 floating-point operations loses at most
 * 2^-1075, half the smallest subnormal. So an exact zero stays an exact zero (a step 1 on
 * curvature 1 lands on 0 with radius 0). Radii are computed in float64 with round-to-nearest and then scaled up by
 * `RADIUS_ROUNDING` (a few float64 operations, each off by at most u relative) or, for sums of n
 * terms, by 1 + (n + 8) 2^-52 (the naive sum's bound gamma_n = n u / (1 - n u)). A non-finite
 * midpoint or radius (overflow, including Veltkamp splitting above 2^996) makes the ball fail
 * every test, so an overflow can never pass for an enclosure.
 */
import { InputError } from '../util/errors.js';

/** Relative error charged to every double-double operation (published bounds are at most 8u^2 = 2^-103). */
export const OPERATION_ERROR = 2 ** -96;
/** Absolute error charged to a product of nonzero operands whose result is below `UNDERFLOW_ZONE` (underflow). */
export const UNDERFLOW_ERROR = 2 ** -1060;
/** Below this magnitude a product's partial products may underflow. */
export const UNDERFLOW_ZONE = 2 ** -960;
/** Factor that rounds a radius computed with a few round-to-nearest operations upwards. */
const RADIUS_ROUNDING = 1 + 2 ** -48;
/** Veltkamp's splitting constant 2^27 + 1. */
const SPLITTER = 134217729;

/** A vector of balls: midpoint hi[i] + lo[i], radius rad[i] (>= 0). */
export class BallVector {
  readonly hi: Float64Array;
  readonly lo: Float64Array;
  readonly rad: Float64Array;
  constructor(readonly length: number) {
    this.hi = new Float64Array(length);
    this.lo = new Float64Array(length);
    this.rad = new Float64Array(length);
  }

  /** Entry i set to the double `value`, exactly (radius 0). */
  setExact(i: number, value: number): void {
    this.hi[i] = value;
    this.lo[i] = 0;
    this.rad[i] = 0;
  }

  /** Entry i set from the last result of this module's operations (`result`). */
  setResult(i: number): void {
    this.hi[i] = result.hi;
    this.lo[i] = result.lo;
    this.rad[i] = result.rad;
  }
}

/**
 * The last result of an operation (double-double midpoint and radius). Operations write here
 * rather than return an object, so that loops allocate nothing; read it before the next operation.
 */
export const result = { hi: 0, lo: 0, rad: 0 };

// Error-free transformations, writing hi and lo into `eft`.
const eft = { hi: 0, lo: 0 };

function twoSum(a: number, b: number): void {
  const s = a + b;
  const bb = s - a;
  eft.lo = a - (s - bb) + (b - bb);
  eft.hi = s;
}

function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  eft.lo = ah * bh - p + ah * bl + al * bh + al * bl;
  eft.hi = p;
}

/** Double-double x + y (AccurateDWPlusDW) into `eft`. */
function ddAdd(xh: number, xl: number, yh: number, yl: number): void {
  twoSum(xh, yh);
  const sh = eft.hi;
  const sl = eft.lo;
  twoSum(xl, yl);
  const th = eft.hi;
  const tl = eft.lo;
  const c = sl + th;
  const vh = sh + c;
  const vl = c - (vh - sh);
  const w = tl + vl;
  const zh = vh + w;
  eft.lo = w - (zh - vh);
  eft.hi = zh;
}

/** Double-double x * y (DWTimesDW1 without FMA) into `eft`. */
function ddMul(xh: number, xl: number, yh: number, yl: number): void {
  twoProd(xh, yh);
  const ch = eft.hi;
  const cl = eft.lo + (xh * yl + xl * yh);
  const zh = ch + cl;
  eft.lo = cl - (zh - ch);
  eft.hi = zh;
}

/** The charge of one sum whose result has high part `hi` (a sum never underflows: subnormal sums are exact). */
function operationError(hi: number): number {
  return OPERATION_ERROR * Math.abs(hi);
}

/** The charge of one product of nonzero operands with high part `hi` (which may have underflowed, even to 0). */
function productError(hi: number): number {
  const size = Math.abs(hi);
  return OPERATION_ERROR * size + (size < UNDERFLOW_ZONE ? UNDERFLOW_ERROR : 0);
}

/** An upper bound on |hi + lo| for a normalized double-double. */
function magnitude(hi: number): number {
  return Math.abs(hi) * (1 + 2 ** -52);
}

/** x + y for balls x = (xh + xl, xr) and y = (yh + yl, yr), into `result`. */
export function ballAdd(xh: number, xl: number, xr: number, yh: number, yl: number, yr: number): void {
  ddAdd(xh, xl, yh, yl);
  result.hi = eft.hi;
  result.lo = eft.lo;
  // The sum of two doubles is exact in double-double (TwoSum).
  const rounding = xl === 0 && yl === 0 ? 0 : operationError(eft.hi);
  result.rad = (xr + yr + rounding) * RADIUS_ROUNDING;
}

/** x * y for balls, into `result`: radius |x| r_y + |y| r_x + r_x r_y plus the product's own error. */
export function ballMul(xh: number, xl: number, xr: number, yh: number, yl: number, yr: number): void {
  ddMul(xh, xl, yh, yl);
  result.hi = eft.hi;
  result.lo = eft.lo;
  // A product with a zero is 0; the product of two doubles is exact in double-double (TwoProd) above the underflow zone.
  const exact = xh === 0 || yh === 0 || (xl === 0 && yl === 0 && Math.abs(eft.hi) >= UNDERFLOW_ZONE);
  const rounding = exact ? 0 : productError(eft.hi);
  result.rad = (magnitude(xh) * yr + magnitude(yh) * xr + xr * yr + rounding) * RADIUS_ROUNDING;
}

/** 1 - a b for doubles a and b (read exactly), into `result`: a b is exact (TwoProd), one sum rounds. */
export function ballOneMinusProduct(a: number, b: number): void {
  twoProd(a, b);
  const rounding = a !== 0 && b !== 0 && Math.abs(eft.hi) < UNDERFLOW_ZONE ? UNDERFLOW_ERROR : 0;
  ddAdd(1, 0, -eft.hi, -eft.lo);
  result.hi = eft.hi;
  result.lo = eft.lo;
  result.rad = (operationError(eft.hi) + rounding) * RADIUS_ROUNDING;
}

/** A double-double dot product with its error, accumulated by `DotAccumulator`. */
export class DotAccumulator {
  private hi = 0;
  private lo = 0;
  /** sum of the terms' radii (from the inputs' radii) */
  private propagated = 0;
  /** sum of the operations' own errors */
  private rounding = 0;
  private terms = 0;

  reset(): this {
    this.hi = this.lo = this.propagated = this.rounding = 0;
    this.terms = 0;
    return this;
  }

  /** Adds a x for a double a (read exactly) and a ball x; a = 0 or an exact zero x adds nothing. */
  addScaled(a: number, xh: number, xl: number, xr: number): void {
    if (a === 0 || (xh === 0 && xr === 0)) return;
    ddMul(xh, xl, a, 0);
    const ph = eft.hi;
    const pl = eft.lo;
    ddAdd(this.hi, this.lo, ph, pl);
    this.hi = eft.hi;
    this.lo = eft.lo;
    this.propagated += Math.abs(a) * xr;
    this.rounding += productError(ph) + operationError(eft.hi);
    this.terms++;
  }

  /** Adds x y for balls x and y. */
  addProduct(xh: number, xl: number, xr: number, yh: number, yl: number, yr: number): void {
    if ((xh === 0 && xr === 0) || (yh === 0 && yr === 0)) return;
    ddMul(xh, xl, yh, yl);
    const ph = eft.hi;
    const pl = eft.lo;
    ddAdd(this.hi, this.lo, ph, pl);
    this.hi = eft.hi;
    this.lo = eft.lo;
    this.propagated += magnitude(xh) * yr + magnitude(yh) * xr + xr * yr;
    this.rounding += productError(ph) + operationError(eft.hi);
    this.terms++;
  }

  /** The sum so far into `result` (radius rounded up for the float64 sums of the radii). */
  finish(): void {
    result.hi = this.hi;
    result.lo = this.lo;
    result.rad = (this.propagated + this.rounding) * (1 + (this.terms + 8) * 2 ** -52);
  }
}

/** A matrix stored in a `BallVector`: entry (i, k) at `offset + i * rowStride + k * colStride` (a transpose swaps the strides). */
export interface BallMatrixView {
  readonly data: BallVector;
  readonly offset: number;
  readonly rowStride: number;
  readonly colStride: number;
}

/** A row-major rows x cols matrix stored from `offset`, or its transpose (cols x rows) with `transposed`. */
export function ballMatrix(data: BallVector, offset: number, cols: number, transposed = false): BallMatrixView {
  return transposed ? { data, offset, rowStride: 1, colStride: cols } : { data, offset, rowStride: cols, colStride: 1 };
}

const productSum = new DotAccumulator();

/**
 * The ball product A B (rows x inner times inner x cols) written row-major into `out` from
 * `outOffset`, each entry a `DotAccumulator` sum. `out` must not be the storage of A or B (an entry
 * written would be read again as an operand, and the result would no longer enclose A B).
 */
export function ballMatrixProduct(rows: number, cols: number, inner: number, a: BallMatrixView, b: BallMatrixView, out: BallVector, outOffset = 0): void {
  if (out === a.data || out === b.data) throw new InputError('ballMatrixProduct: out must not hold an operand (A or B); write the product into another BallVector');
  const { hi: ah, lo: al, rad: ar } = a.data;
  const { hi: bh, lo: bl, rad: br } = b.data;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      productSum.reset();
      let p = a.offset + i * a.rowStride;
      let q = b.offset + j * b.colStride;
      for (let k = 0; k < inner; k++, p += a.colStride, q += b.rowStride) productSum.addProduct(ah[p], al[p], ar[p], bh[q], bl[q], br[q]);
      productSum.finish();
      out.setResult(outOffset + i * cols + j);
    }
  }
}

/** x * 2^k for a ball x (exact barring underflow, charged below `UNDERFLOW_ZONE`), into `result`. */
export function ballScaleByPowerOfTwo(xh: number, xl: number, xr: number, k: number): void {
  const s = 2 ** k;
  result.hi = xh * s;
  result.lo = xl * s;
  result.rad = (xr * s + (xh !== 0 && Math.abs(result.hi) < UNDERFLOW_ZONE ? UNDERFLOW_ERROR : 0)) * RADIUS_ROUNDING;
}

/**
 * The square root of a ball s whose exact value is known to be >= 0 (a sum of squares), into
 * `result`. |sqrt(S) - sqrt(s)| = |S - s| / (sqrt(S) + sqrt(s)) <= r / sqrt(s); a ball reaching
 * down to 0 gives the ball [0, sqrt(s + r)].
 */
export function ballSqrtOfNonNegative(sh: number, sl: number, sr: number): void {
  const lower = sh - magnitude(sh) * 2 ** -51 - sr;
  if (!(lower > 0)) {
    const top = Math.sqrt((magnitude(sh) + sr) * RADIUS_ROUNDING) * RADIUS_ROUNDING;
    result.hi = sh === 0 && sr === 0 ? 0 : top / 2;
    result.lo = 0;
    result.rad = sh === 0 && sr === 0 ? 0 : top / 2 * RADIUS_ROUNDING;
    return;
  }
  const q = Math.sqrt(sh);
  twoProd(q, q);
  const correction = (sh - eft.hi - eft.lo + sl) / (2 * q);
  const zh = q + correction;
  result.lo = correction - (zh - q);
  result.hi = zh;
  // The Newton correction squares q: charged as a product of size sh.
  const rounding = OPERATION_ERROR * zh + (sh < UNDERFLOW_ZONE ? UNDERFLOW_ERROR : 0);
  result.rad = (sr / Math.sqrt(lower) + rounding) * RADIUS_ROUNDING * RADIUS_ROUNDING;
}

/**
 * An upper bound on the 2-norm of every vector in the balls of `v` (entries `start` to `end`), or,
 * with `radiiOnly`, on the 2-norm of the radii: sqrt(sum of squared magnitudes |hi| + |lo| + rad),
 * the float64 sum rounded up by gamma_n, each square's possible underflow charged 2^-1074, the
 * square root by `RADIUS_ROUNDING`. Infinite (or NaN) when a ball is not finite.
 */
export function ballNormUpperBound(v: BallVector, start = 0, end = v.length, radiiOnly = false): number {
  let sum = 0;
  for (let i = start; i < end; i++) {
    const size = radiiOnly ? v.rad[i] : magnitude(v.hi[i]) + Math.abs(v.lo[i]) + v.rad[i];
    sum += size * size;
  }
  const terms = end - start;
  return Math.sqrt((sum * (1 + (terms + 8) * 2 ** -52) + terms * 2 ** -1074) * RADIUS_ROUNDING) * RADIUS_ROUNDING;
}

/** Squarings of the Gram matrix in `ballSpectralNormUpperBound`: ||A||_2 <= ||(A^T A)^16||_F^(1/32), at most k^(1/32) above (k x k the Gram matrix). */
const GRAM_SQUARINGS = 4;

/**
 * An upper bound on the spectral norm of every matrix in the balls of the row-major rows x cols
 * matrix stored in `v` from `offset`: with S = A^T A or A A^T (the smaller, k x k), S PSD,
 * lambda_max(S)^32 <= sum_i lambda_i(S)^32 = ||S^16||_F^2, so ||A||_2 <= ||S^16||_F^(1/32), S^16
 * formed by four squarings in balls (A first scaled by a power of two, exactly, to keep the powers
 * in range); at most k^(1/32) above ||A||_2, and never above the Frobenius bound. [D]
 */
export function ballSpectralNormUpperBound(v: BallVector, offset: number, rows: number, cols: number): number {
  const frobenius = ballNormUpperBound(v, offset, offset + rows * cols);
  if (!(frobenius > 0) || !Number.isFinite(frobenius)) return frobenius;
  const exponent = Math.ceil(Math.log2(frobenius));
  const scaled = new BallVector(rows * cols);
  for (let i = 0; i < rows * cols; i++) {
    ballScaleByPowerOfTwo(v.hi[offset + i], v.lo[offset + i], v.rad[offset + i], -exponent);
    scaled.setResult(i);
  }
  const size = Math.min(rows, cols);
  let gram = new BallVector(size * size);
  let next = new BallVector(size * size);
  if (rows <= cols) ballMatrixProduct(size, size, cols, ballMatrix(scaled, 0, cols), ballMatrix(scaled, 0, cols, true), gram);
  else ballMatrixProduct(size, size, rows, ballMatrix(scaled, 0, cols, true), ballMatrix(scaled, 0, cols), gram);
  for (let k = 0; k < GRAM_SQUARINGS; k++) {
    ballMatrixProduct(size, size, size, ballMatrix(gram, 0, size), ballMatrix(gram, 0, size), next);
    [gram, next] = [next, gram];
  }
  const power = 2 ** (GRAM_SQUARINGS + 1);
  // Math.pow is within a few ulps: RADIUS_ROUNDING covers it.
  const bound = Math.pow(ballNormUpperBound(gram), 1 / power) * RADIUS_ROUNDING * 2 ** exponent;
  return Math.min(frobenius, bound);
}

const bits = new DataView(new ArrayBuffer(8));

/** The gaps from a finite nonzero double to its neighbours below and above (in the direction of +infinity). */
function neighbourGaps(value: number): { below: number; above: number } {
  bits.setFloat64(0, Math.abs(value));
  const high = bits.getUint32(0);
  const low = bits.getUint32(4);
  const biased = high >>> 20;
  const ulp = biased <= 1 ? 2 ** -1074 : 2 ** (biased - 1075);
  const powerOfTwo = (high & 0xfffff) === 0 && low === 0 && biased > 1;
  const towardZero = powerOfTwo ? ulp / 2 : ulp;
  return value > 0 ? { below: towardZero, above: ulp } : { below: ulp, above: towardZero };
}

/**
 * Whether every real in the ball (hi + lo, rad) rounds to the double `hi` (round to nearest), for a
 * normalized double-double (hi = fl(hi + lo), ties to even). A ball of radius 0 is its exact
 * midpoint, which rounds to hi by construction; otherwise a ball touching a midpoint between two
 * doubles is left undecided. False for a non-finite ball.
 */
export function roundsToNearest(hi: number, lo: number, rad: number): boolean {
  if (!Number.isFinite(hi) || !Number.isFinite(lo) || !(rad >= 0) || !Number.isFinite(rad)) return false;
  // An exact value (radius 0) rounds as its high part was rounded: to nearest, ties to even.
  if (rad === 0) return true;
  if (hi === 0) return false;
  const { below, above } = neighbourGaps(hi);
  return lo + rad < above / 2 && lo - rad > -below / 2;
}

/** Float64 bounds [lower, upper] of the ball (hi + lo, rad), rounded outwards. */
export function ballBounds(hi: number, lo: number, rad: number): [number, number] {
  const spread = rad + Math.abs(lo);
  const slack = (Math.abs(hi) + spread) * 2 ** -52 + 2 ** -1074;
  return [hi - spread - slack, hi + spread + slack];
}
