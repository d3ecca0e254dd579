/**
 * Linear networks on data of a chosen rank: the class family of squared-loss linear nets
 * f(W_1, ..., W_L) = 1/2 ||W_L ... W_1 X - Y||_F^2 (linearNets.ts) whose data X (n x N) has rank
 * exactly r, for every r <= min(n, N), so that statements which need the smallest *nonzero*
 * eigenvalue of X X^T, or a null direction of X, are searched over that case too.
 *
 * Why the rank is exact [D]: X = 2^k A B with A (n x r) and B (r x N) of small integers, redrawn
 * from the seeded stream until A has full column rank and B full row rank (checked by exact
 * integer elimination, `exactRank`); then rank(A B) = rank B = r, since A is injective. The entries
 * of A B are integers below 9 r in size and 2^k is a power of two, so the float64 X is that matrix
 * exactly, with no rounding.
 *
 * Constants: those of the squared loss l, valid bounds for the float64 X as stored (squaredLoss:
 * X X^T formed exactly, its exact rank, eigenvalues at 50 digits rounded outwards): K = lambda_max
 * (X X^T), the smoothness of l, and mu = the smallest nonzero eigenvalue, the PL constant of l; f
 * itself has neither (linearNets.ts). f* = inf over products of rank <= the bottleneck width, l*
 * when the bottleneck is at least min(m, r) (rank Y X^+ <= min(m, r)).
 */
import { family, integer, logUniform, type Family, type Instance, type ParameterSpec } from '../claims/family.js';
import { deepLinearNet, type FiniteSumLinearNetProblem } from '../problems/linearNets.js';
import { exactRank } from '../problems/spectrumBounds.js';
import { InputError } from '../util/errors.js';
import { Rng } from '../util/random.js';
import { requireDimension, requireInteger } from '../util/validate.js';

export interface DataOfRankOptions {
  /** n: features (rows of X). */
  readonly rows: number;
  /** N: samples (columns of X). */
  readonly cols: number;
  /** r <= min(rows, cols): the rank of X. */
  readonly rank: number;
  readonly seed: number;
  /** X = 2^scaleExponent A B (default 0). */
  readonly scaleExponent?: number;
}

/** Largest |entry| of the integer factors A and B. */
const FACTOR_ENTRY = 3;
/** Redraws of a factor before giving up (a random integer factor is of full rank almost always). */
const MAX_DRAWS = 1000;

/** A rows x cols matrix (row-major) of integers in [-FACTOR_ENTRY, FACTOR_ENTRY] of full rank min(rows, cols), from `rng`. */
function fullRankIntegerMatrix(rng: Rng, rows: number, cols: number): Float64Array {
  for (let draw = 0; draw < MAX_DRAWS; draw++) {
    const matrix = Float64Array.from({ length: rows * cols }, () => rng.integer(-FACTOR_ENTRY, FACTOR_ENTRY));
    if (exactRank(matrix, rows, cols) === Math.min(rows, cols)) return matrix;
  }
  throw new InputError(`no integer ${rows} x ${cols} matrix of full rank in ${MAX_DRAWS} draws`);
}

/** X (rows x cols, as rows) = 2^scaleExponent A B of rank exactly `rank` (see the module comment), A and B drawn from `seed`. */
export function dataOfRank(options: DataOfRankOptions): number[][] {
  requireInteger('seed', options.seed);
  return drawDataOfRank(new Rng(options.seed), options);
}

/** `dataOfRank` drawing from `rng`, which goes on after A and B. */
function drawDataOfRank(rng: Rng, { rows, cols, rank, scaleExponent = 0 }: Omit<DataOfRankOptions, 'seed'>): number[][] {
  requireDimension('rows', rows);
  requireDimension('cols', cols);
  requireDimension('rank', rank);
  requireInteger('scaleExponent', scaleExponent);
  if (rank > Math.min(rows, cols)) throw new InputError(`rank must be at most min(rows, cols) = ${Math.min(rows, cols)}, got ${rank}`);
  const A = fullRankIntegerMatrix(rng, rows, rank);
  const B = fullRankIntegerMatrix(rng, rank, cols);
  const scale = 2 ** scaleExponent;
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => {
      let s = 0;
      for (let k = 0; k < rank; k++) s += A[i * rank + k] * B[k * cols + j];
      return scale * s;
    }),
  );
}

export interface LinearNetClassOptions {
  /** Largest input dimension n (default 4). */
  readonly maxInput?: number;
  /** Largest output dimension m (default 3). */
  readonly maxOutput?: number;
  /** Largest number of samples N (default 8). */
  readonly maxSamples?: number;
  /** Largest hidden width (default 5). */
  readonly maxHidden?: number;
  /** Range of the depth L (number of weight matrices; default 2 to 2). */
  readonly depth?: { readonly min: number; readonly max: number };
  /** Only data of deficient row rank, r < n (default false: any r <= min(n, N)). */
  readonly deficient?: boolean;
}

/** A linear net on data of rank r, at seeded Gaussian weights, with its loss's constants. */
export interface LinearNetClassInstance extends Instance {
  readonly problem: FiniteSumLinearNetProblem;
  readonly x0: Float64Array;
  /** Input dimension, output dimension, samples, rank of X. */
  readonly n: number;
  readonly m: number;
  readonly samples: number;
  readonly rank: number;
  /** The data X (n x N, rows) of rank r, and the targets Y (m x N). */
  readonly X: readonly (readonly number[])[];
  readonly Y: readonly (readonly number[])[];
  /** Hidden widths d_1, ..., d_{L-1}. */
  readonly widths: readonly number[];
  /** K = lambda_max(X X^T), the smoothness of l (a valid bound, within an ulp). */
  readonly K: number;
  /** mu = the smallest nonzero eigenvalue of X X^T, the PL constant of l (a valid bound, within an ulp). */
  readonly mu: number;
}

/**
 * Linear nets on data of chosen rank (see the module comment). Box: n, m, N, the rank r (clamped
 * to min(n, N), or to n - 1 with `deficient`), the depth and each hidden width, the data seed, the
 * scale exponent k in [-3, 3] of X, and the scale of the weights. From the seed's stream: A and B,
 * then Y (m x N, N(0, 1)), then the weights (every entry N(0, scale^2)).
 */
export function linearNetClassFamily(options: LinearNetClassOptions = {}): Family<LinearNetClassInstance> {
  const maxInput = requireDimension('maxInput', options.maxInput ?? 4);
  const maxOutput = requireDimension('maxOutput', options.maxOutput ?? 3);
  const maxSamples = requireDimension('maxSamples', options.maxSamples ?? 8);
  const maxHidden = requireDimension('maxHidden', options.maxHidden ?? 5);
  const depth = options.depth ?? { min: 2, max: 2 };
  requireInteger('depth.min', depth.min, 2);
  requireInteger('depth.max', depth.max, depth.min);
  const deficient = options.deficient ?? false;
  if (deficient && maxInput < 2) throw new InputError('data of deficient row rank needs maxInput >= 2');
  const box: Record<string, ParameterSpec> = {
    n: integer(deficient ? 2 : 1, maxInput),
    m: integer(1, maxOutput),
    N: integer(1, maxSamples),
    r: integer(1, Math.min(maxInput, maxSamples)),
    seed: integer(0, 1_000_000),
    dataScale: integer(-3, 3),
    weightScale: logUniform(0.05, 3),
  };
  if (depth.max > depth.min) box.L = integer(depth.min, depth.max);
  for (let l = 0; l + 1 < depth.max; l++) box[`width${l}`] = integer(1, maxHidden);
  return family<LinearNetClassInstance>({
    name: `linear nets of depth ${depth.min}..${depth.max} on data X of chosen rank r ${deficient ? '< n' : '<= min(n, N)'} (X = 2^k A B, integer factors)`,
    box,
    instance: (params) => {
      const { n, m, N: samples, seed } = params;
      const rank = Math.min(params.r, samples, deficient ? n - 1 : n);
      const layers = params.L ?? depth.min;
      const widths = Array.from({ length: layers - 1 }, (_, l) => params[`width${l}`]);
      const rng = new Rng(seed);
      const X = drawDataOfRank(rng, { rows: n, cols: samples, rank, scaleExponent: params.dataScale });
      const Y = Array.from({ length: m }, () => Array.from(rng.normalVector(samples)));
      const problem = deepLinearNet({ X, Y, widths });
      const parameters = problem.dim;
      const x0 = rng.normalVector(parameters, params.weightScale);
      const { L: K, mu } = problem.loss.constants;
      return { problem, x0, n, m, samples, rank, X, Y, widths, K: K!.value, mu: mu!.value };
    },
  });
}
