/**
 * Families and measures shared by the claims on Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972
 * v1 (docs/theory/warmup-rho-k0-krho.md, "the digest").
 *
 * - The rows of the digest's section 4.2: functions with exact or valid (rho, K0, Krho), each a
 *   mathjs expression (fromExpression gives the gradient, the Hessian and the BigNumber model the
 *   certifier replays), built once and rescaled to a f(s w) with the C13 maps of its constants, so
 *   that every instance is one of a two-parameter family with exactly known constants.
 * - GD runs from the rows' points under the Theorem-1 step (C5, C6) and under eta_t = 1/M(w_t)
 *   (C7, C8); constant steps at a multiple of the exact stability threshold (C8, C9).
 * - Every family puts the same relative point of every row in one instance, and the measures
 *   report the worst row: the largest (or smallest) ratio of the two sides of the statement, over
 *   the points or over the runs and their steps.
 */
import {
  coshConstantStepThreshold,
  monomialConstantStepThreshold,
  monomialGradientSmoothnessConstants,
  monomialSmoothnessConstants,
  rescaledVariableConstants,
  scaledObjectiveConstants,
  suboptimalitySmoothnessBound,
  type GradientSmoothness,
  type SuboptimalitySmoothness,
} from '../../bounds/liu2025.js';
import {
  constant,
  family,
  fromExpression,
  gapOf,
  integer,
  localSmoothness,
  logUniform,
  mapFamily,
  pointwise,
  rhoK0KrhoWarmup,
  summarize,
  uniform,
  run,
  type BigNumber,
  type ClaimKind,
  type ClaimSource,
  type ConstantStatus,
  type ExpressionProblem,
  type Family,
  type GradientOracle,
  type Instance,
  type Measure,
  type MeasureValue,
  type Problem,
  type Provenance,
  type Schedule,
  type StochasticInstance,
  type Trajectory,
} from '../../src/index.js';

/** The claims' source: the paper, v1, with the result, provenance and digest tag of each. */
export function liu2025Source(result: string, provenance: Provenance, tag: string): ClaimSource {
  return { reference: 'Liu, Ge, Pan, Kang, Zhang (2025), arXiv 2509.07972', result, version: 'v1', provenance, tag };
}

/** A row of the digest's section 4.2: a function with f* = 0 and its (rho, K0, Krho). */
export interface TableRow {
  readonly name: string;
  /** A mathjs expression for f - f*, written without cancellation near the minimizers. */
  readonly expression: string;
  readonly variables: readonly string[];
  readonly parameters?: Readonly<Record<string, number>>;
  readonly smoothness: SuboptimalitySmoothness;
  readonly status: Extract<ConstantStatus, 'exact' | 'valid bound'>;
  /** Where the constants come from. */
  readonly note: string;
  /** The PL constant, ||grad f||^2 >= 2 mu (f - f*), when the row has one. */
  readonly mu?: number;
  /** Lemma 1's hypothesis, ||Hess f|| <= L0 + Lrho ||grad f||^rho, when known. */
  readonly gradientSmoothness?: GradientSmoothness;
  /** The exponent p of the monomial rows |x|^p. */
  readonly power?: number;
  /** The exact constant-step stability threshold from x0 (C8, C9), for 1-D rows that have one. */
  readonly stabilityThreshold?: (x0: number) => number;
  /** The sampled domain: the box centre +- halfWidth, per coordinate. */
  readonly centre: readonly number[];
  readonly halfWidth: readonly number[];
  /** The constants hold on the sampled domain only, so no GD run may use them. */
  readonly local?: boolean;
}

/** The constants of the cosh rows, and Lemma 1's hypothesis for them (cosh x <= 1 + |sinh x|). */
const unitConstants = { rho: 1, K0: 1, Krho: 1 };
const unitGradientConstants = { rho: 1, L0: 1, Lrho: 1 };

function monomialRow(p: number): TableRow {
  return {
    name: `x^${p}`,
    expression: `x^${p}`,
    power: p,
    variables: ['x'],
    smoothness: monomialSmoothnessConstants(p),
    status: 'exact',
    note: `digest 4.2 |x|^p row [D]: f'' = p(p-1) f^((p-2)/p), equality`,
    gradientSmoothness: monomialGradientSmoothnessConstants(p),
    stabilityThreshold: (x0) => monomialConstantStepThreshold({ p, x0 }),
    centre: [0],
    halfWidth: [2],
  };
}

export const monomialRows: readonly TableRow[] = [4, 6, 8].map(monomialRow);

/** cosh x - 1 = 2 sinh(x/2)^2: f'' = 1 + f and f'^2 = 2 f + f^2 exactly. */
export const coshRow: TableRow = {
  name: 'cosh(x) - 1',
  expression: '2*sinh(x/2)^2',
  variables: ['x'],
  smoothness: unitConstants,
  status: 'exact',
  note: "digest 4.2 cosh row [D]: f'' = 1 + f, equality",
  mu: 1,
  gradientSmoothness: unitGradientConstants,
  stabilityThreshold: coshConstantStepThreshold,
  centre: [0],
  halfWidth: [10],
};

/** cosh x - 1 + y^2/2, the C9/C10 valley: ||Hess f|| = cosh x <= 1 + f, equality on y = 0. */
export const coshValleyRow: TableRow = {
  name: 'cosh(x) - 1 + y^2/2',
  expression: '2*sinh(x/2)^2 + y^2/2',
  variables: ['x', 'y'],
  smoothness: unitConstants,
  status: 'exact',
  note: 'digest 4.2 cosh x - 1 + y^2/2 row [D]: ||Hess f|| = cosh x <= 1 + f, equality on y = 0',
  mu: 1,
  gradientSmoothness: unitGradientConstants,
  centre: [0, 0],
  halfWidth: [10, 10],
};

const logisticExpression = 'log(1+exp(-x))';

/** (rho, K0, K1) of the weight-decay net 1/2 (uv - y)^2 + lam/2 (u^2 + v^2) with f* = fStar. */
const weightDecayConstants = (lam: number, fStar: number): SuboptimalitySmoothness => ({
  rho: 1,
  K0: lam + 0.5 + fStar * (1 + 3 / lam),
  Krho: 1 + 3 / lam,
});

/**
 * The rows of the digest's section 4.2 that have constants (the unregularized two-layer net has none),
 * in a fixed order.
 */
export const tableRows: readonly TableRow[] = [
  ...monomialRows,
  {
    name: 'exp(x)',
    expression: 'exp(x)',
    variables: ['x'],
    smoothness: { rho: 1, K0: 0, Krho: 1 },
    status: 'exact',
    note: "digest 4.2 e^x row [D]: f'' = f - f* with f* = 0 not attained",
    gradientSmoothness: { rho: 1, L0: 0, Lrho: 1 },
    centre: [-7.5],
    halfWidth: [12.5],
  },
  coshRow,
  coshValleyRow,
  {
    name: 'log(1 + exp(-x))',
    expression: logisticExpression,
    variables: ['x'],
    smoothness: { rho: 1, K0: 0, Krho: 1 },
    status: 'valid bound',
    note: "digest 4.2 logistic row [D]: f'' = s(1 - s) <= 1 - s <= -log s = f - f*, s = 1/(1 + e^-x); f* = 0 not attained",
    gradientSmoothness: { rho: 1, L0: 0, Lrho: 1 },
    // x <= 10 keeps log(1 + e^-x) within 3e-12 relative in float64.
    centre: [0],
    halfWidth: [10],
  },
  {
    name: 'log(1 + exp(-x)) as L-smooth',
    expression: logisticExpression,
    variables: ['x'],
    smoothness: { rho: 0.5, K0: 0.25, Krho: 0 },
    status: 'valid bound',
    note: "digest 4.2 logistic row [D]: f'' <= 1/4, so (rho, 1/4, 0) for any rho",
    centre: [0],
    halfWidth: [10],
  },
  {
    name: '(x^2 + y^2/4)/2',
    expression: '(x^2 + y^2/4)/2',
    variables: ['x', 'y'],
    smoothness: { rho: 1, K0: 1, Krho: 0 },
    status: 'exact',
    note: 'digest 4.2 quadratic row [D]: K0 = lambda_max(A), Krho = 0, any rho',
    mu: 0.25,
    gradientSmoothness: { rho: 1, L0: 1, Lrho: 0 },
    centre: [0, 0],
    halfWidth: [5, 5],
  },
  {
    name: 'x^2 (1 + sin(x)/2)',
    expression: 'x^2*(1 + sin(x)/2)',
    variables: ['x'],
    smoothness: { rho: 1, K0: 5, Krho: 1 },
    status: 'valid bound',
    note: "digest 2.3 and 4.2 [D]: |f''| - f <= 3 + 2|x||cos x| - x^2 cos^2 x / 2 <= 5 (nonconvex)",
    centre: [0],
    halfWidth: [20],
  },
  {
    name: 'river valley h(x) + (1 + c h(x)) y^2/2, h = log(1 + exp(-x)), c = 10',
    expression: `${logisticExpression} + (1 + c*${logisticExpression})*y^2/2`,
    variables: ['x', 'y'],
    parameters: { c: 10 },
    smoothness: { rho: 1, K0: 1, Krho: 1 + 1.5 * 10 },
    status: 'valid bound',
    note: 'digest 4.2 river-valley row [D]: (1, 1, 1 + 3c/2), analytic bound; f* = 0 not attained',
    centre: [0, 0],
    halfWidth: [10, 3],
  },
  {
    name: 'weight-decay net (uv - y)^2/2 + lam (u^2 + v^2)/2 - f*, lam = 0.1, y = 1',
    // f* = lam y - lam^2/2 for |y| > lam, and f - f* = (uv - y + lam)^2/2 + lam (u - v)^2/2.
    expression: '(u*v - y + lam)^2/2 + lam*(u - v)^2/2',
    variables: ['u', 'v'],
    parameters: { lam: 0.1, y: 1 },
    smoothness: weightDecayConstants(0.1, 0.1 - 0.1 ** 2 / 2),
    status: 'valid bound',
    note: 'digest 4.2 weight-decay row [D]: (1, lam + 1/2 + f*(1 + 3/lam), 1 + 3/lam), f* = lam y - lam^2/2',
    centre: [0, 0],
    halfWidth: [3, 3],
  },
  {
    name: 'weight-decay net (uv - y)^2/2 + lam (u^2 + v^2)/2 - f*, lam = 10, y = 1',
    // f* = y^2/2 for |y| <= lam, and f - f* = u^2 v^2/2 + lam (u - v)^2/2 + (lam - y) uv.
    expression: 'u^2*v^2/2 + lam*(u - v)^2/2 + (lam - y)*u*v',
    variables: ['u', 'v'],
    parameters: { lam: 10, y: 1 },
    smoothness: weightDecayConstants(10, 0.5),
    status: 'valid bound',
    note: 'digest 4.2 weight-decay row [D]: (1, lam + 1/2 + f*(1 + 3/lam), 1 + 3/lam), f* = y^2/2 (ratio up to 0.99 for lam >> |y|)',
    centre: [0, 0],
    halfWidth: [3, 3],
  },
  {
    name: 'two-layer net (uv - y)^2/2 on the disk u^2 + v^2 <= R^2, R = 2, y = 1',
    expression: '(u*v - y)^2/2',
    variables: ['u', 'v'],
    parameters: { y: 1 },
    smoothness: { rho: 0.5, K0: 1.5 * 4, Krho: Math.SQRT2 },
    status: 'valid bound',
    note: 'digest 4.2 restricted-net row [D]: (1/2, 1.5 R^2, sqrt 2) on the disk only; f* = 0 attained there since R^2 >= 2|y|',
    // The polar points of `rowPoints` with radius <= 1 stay in the disk.
    centre: [0, 0],
    halfWidth: [2, 2],
    local: true,
  },
];

/** The rows whose constants hold on the whole space, so that GD runs may use them. */
export const globalRows: readonly TableRow[] = tableRows.filter((row) => !row.local);

const baseProblems = new Map<TableRow, ExpressionProblem>();

/** The row's function, built once (a mathjs build costs milliseconds, an evaluation microseconds). */
export function baseProblem(row: TableRow): ExpressionProblem {
  let problem = baseProblems.get(row);
  if (!problem) {
    problem = fromExpression({
      expression: row.expression,
      variables: row.variables,
      parameters: row.parameters ?? {},
      fStar: 0,
      name: row.name,
    });
    baseProblems.set(row, problem);
  }
  return problem;
}

/** The row's constants for a f(s w): the C13 maps (rho, a K0, a^(1-rho) Krho), then (s^2 K0, s^2 Krho). */
export function rescaledSmoothness(row: TableRow, a: number, s: number): SuboptimalitySmoothness {
  return rescaledVariableConstants({ ...scaledObjectiveConstants({ ...row.smoothness, a }), s });
}

/** The row's PL constant for a f(s w): ||grad||^2 scales by a^2 s^2 and the gap by a, so mu -> a s^2 mu. */
function rescaledMu(row: TableRow, a: number, s: number): number | undefined {
  return row.mu === undefined ? undefined : a * s * s * row.mu;
}

/**
 * The row's function rescaled, w -> a f(s w), with the C13 maps of its constants. Float64 and
 * BigNumber evaluations go through the row's own expression at s w.
 */
export function rescaledProblem(row: TableRow, a: number, s: number): Problem {
  const base = baseProblem(row);
  const { dim } = base;
  const smoothness = rescaledSmoothness(row, a, s);
  const mu = rescaledMu(row, a, s);
  const status = row.status;
  const note = `${row.note}; rescaled by the digest's section 2.1 maps`;
  const inner = new Float64Array(dim);
  const load = (x: Float64Array): Float64Array => {
    for (let i = 0; i < dim; i++) inner[i] = s * x[i];
    return inner;
  };
  const curvatureScale = a * s * s;
  return {
    name: a === 1 && s === 1 ? row.name : `${a} * [${row.name}](${s} w)`,
    dim,
    params: { ...base.params, a, s },
    fStar: 0,
    constants: {
      rho: { value: smoothness.rho, status, note },
      K0: { value: smoothness.K0, status, note },
      Krho: { value: smoothness.Krho, status, note },
      ...(mu === undefined ? {} : { mu: { value: mu, status, note } }),
    },
    f: (x) => a * base.f(load(x)),
    grad(x, out) {
      const value = base.grad(load(x), out);
      for (let i = 0; i < dim; i++) out[i] *= a * s;
      return a * value;
    },
    hess(x, out) {
      const hessian = base.hess(load(x), out);
      for (let i = 0; i < dim * dim; i++) hessian[i] *= curvatureScale;
      return hessian;
    },
    hvp(x, v, out) {
      base.hvp(load(x), v, out);
      for (let i = 0; i < dim; i++) out[i] *= curvatureScale;
    },
    highPrecision(digits) {
      const model = base.highPrecision(digits);
      const scale = model.toBigNumber(String(a));
      const rate = model.toBigNumber(String(s));
      const at = (x: readonly BigNumber[]): BigNumber[] => x.map((xi) => model.toBigNumber(xi).times(rate));
      return {
        digits,
        math: model.math,
        fStar: model.fStar,
        f: (x) => model.f(at(x)).times(scale),
        grad: (x) => model.grad(at(x)).map((g) => g.times(scale).times(rate)),
      };
    },
  };
}

/**
 * The point centre + halfWidth * radius * (cos 2 pi angle, sin 2 pi angle) of the row's domain (the
 * first coordinate only in 1-D). Polar, with a log-scale radius, so that the search spends as much
 * effort near the centre (the minimizer, where several statements are tightest) as near the edge.
 */
function rowPoint(row: TableRow, radius: number, angle: number): Float64Array {
  const direction = [Math.cos(2 * Math.PI * angle), Math.sin(2 * Math.PI * angle)];
  return Float64Array.from(row.centre, (centre, i) => centre + row.halfWidth[i] * radius * direction[i]);
}

/** One row, rescaled to a f(s w), at a point x0 with its constants. */
export interface RowPoint {
  readonly row: TableRow;
  readonly problem: Problem;
  readonly x0: Float64Array;
  readonly smoothness: SuboptimalitySmoothness;
  /** The PL constant of the rescaled row, when it has one. */
  readonly mu?: number;
}

/**
 * The same relative point of every row of a list: a claim over the table checks all rows at each
 * point of its box, so that the adversarial stage, which holds integer parameters fixed, moves every
 * row at once rather than the one a row index would pick. `problem` is the first row's; the certifier
 * only asks it whether the family replays in high precision, the measures use each row's.
 */
export interface RowsInstance<R extends RowPoint = RowPoint> extends Instance {
  readonly points: readonly R[];
}

/**
 * The rows rescaled to a f(s w), a and s log-uniform, each at w = rowPoint(radius, angle) / s (the
 * same point of f), radius log-uniform in [1e-3, 1].
 */
export function rowPoints(rows: readonly TableRow[], label: string): Family<RowsInstance> {
  return family({
    name: `${label}, each as a f(s w) at w = rowPoint(radius, angle)/s`,
    box: { a: logUniform(0.1, 10), s: logUniform(0.25, 4), radius: logUniform(1e-3, 1), angle: uniform(0, 1) },
    instance: ({ a, s, radius, angle }) => {
      const points = rows.map((row): RowPoint => {
        const mu = rescaledMu(row, a, s);
        return {
          row,
          problem: rescaledProblem(row, a, s),
          x0: rowPoint(row, radius, angle).map((w) => w / s),
          smoothness: rescaledSmoothness(row, a, s),
          ...(mu === undefined ? {} : { mu }),
        };
      });
      return { problem: points[0].problem, points };
    },
  });
}

/** ||grad f(x)||^2. */
export function gradSquaredAt(problem: Problem, x: Float64Array): number {
  const g = new Float64Array(problem.dim);
  problem.grad(x, g);
  return g.reduce((sum, gi) => sum + gi * gi, 0);
}

/** Whether GD can move from the point: grad f(x0) != 0 (claims about steps leave critical points out). */
export const canMove = ({ problem, x0 }: RowPoint): boolean => gradSquaredAt(problem, x0) > 0;

/** lhs / rhs for a statement lhs <= rhs with both sides >= 0: 0 for 0 <= 0, Infinity for lhs > rhs = 0. */
export function boundRatio(lhs: number, rhs: number): number {
  if (rhs > 0) return lhs / rhs;
  return lhs > 0 ? Infinity : 0;
}

/**
 * (Delta_{t+1} + decrease) / Delta_t: at most 1 when the step decreased the gap by at least
 * `decrease` (0 when Delta_t = Delta_{t+1} = 0).
 */
export function descentRatio(nextGap: number, decrease: number, gap: number): number {
  return boundRatio(nextGap + decrease, gap);
}

/** The largest value of a statement's ratio (at most 1 where it holds) over the instance's points. */
export function pointwiseOverRows<R extends RowPoint>(label: string, ratioAt: (point: R) => number): Measure<RowsInstance<R>> {
  return pointwise(label, ({ points }: RowsInstance<R>) =>
    points.reduce((worst, point) => Math.max(worst, ratioAt(point)), -Infinity),
  );
}

/** A GD run from a row's point. */
export interface RowRun extends RowPoint {
  readonly schedule: Schedule;
  readonly horizon: number;
  /** f(x_0) - f*. */
  readonly initialGap: number;
}

function runFrom(point: RowPoint, schedule: Schedule, horizon: number): RowRun {
  return { ...point, schedule, horizon, initialGap: gapOf(point.problem, point.x0) };
}

/** The runs carry c too. */
export interface Theorem1Run extends RowRun {
  readonly c: number;
}

/**
 * GD with the Theorem-1 step c min{1/K0, 1/(3^rho Krho Delta_t^rho)} from the same point of every
 * global row (rows where grad f(x0) = 0 left out), c log-uniform in [cMin, cMax] (cMin 0.01 by
 * default), T = 1..maxSteps steps (30 by default).
 */
export function theorem1Runs({
  cMax,
  cMin = 0.01,
  maxSteps = 30,
}: {
  cMax: number;
  cMin?: number;
  maxSteps?: number;
}): Family<RowsInstance<Theorem1Run>> {
  return mapFamily(
    rowPoints(globalRows, 'the section 4.2 rows with global constants'),
    `Theorem-1 step (${cMin} <= c <= ${cMax}) from the same point of every section 4.2 row with global constants, a f(s w), T steps`,
    ({ problem, points }, { c, T }) => ({
      problem,
      points: points.filter(canMove).map((point) => ({ ...runFrom(point, rhoK0KrhoWarmup({ ...point.smoothness, c }), T), c })),
    }),
    { c: logUniform(cMin, cMax), T: integer(1, maxSteps) },
  );
}

/** eta_t = 1/M(w_t) = 1/(K0 + Krho Delta_t^rho), the schedule of C7 and C8. */
export function inverseSmoothnessStep(smoothness: SuboptimalitySmoothness): Schedule {
  return localSmoothness({
    estimate: (state) => suboptimalitySmoothnessBound({ ...smoothness, gap: Math.max(0, state.gap) }),
    estimateLabel: `K0+Krho*gap^rho(${smoothness.rho},${smoothness.K0},${smoothness.Krho})`,
  });
}

/** SGD from x0 on cosh x - 1 with the warmup step 1/(1 + Delta_t), and the step it is compared with (C12). */
export interface WarmupSgdInstance extends StochasticInstance {
  /** The best stable constant step 0.99 * 2 x_0 / sinh x_0 (C9). */
  readonly constantStep: Schedule;
}

/** SGD on cosh x - 1 from x0 for T steps with `oracle` (the problem and a seed to a gradient oracle), as C12 compares it. */
export function coshWarmupSgd(x0: number, T: number, oracle: (problem: Problem, seed: number) => GradientOracle): WarmupSgdInstance {
  const problem = baseProblem(coshRow);
  return {
    problem,
    x0: [x0],
    schedule: inverseSmoothnessStep(coshRow.smoothness),
    horizon: T,
    oracle: (seed) => oracle(problem, seed),
    constantStep: constant(0.99 * coshConstantStepThreshold(x0)),
  };
}

/** A statistical measure of the constant-step runs, bounded on the side that keeps a violation of a `side` claim significant. */
export const constantStepExpectation =
  (measure: Measure<WarmupSgdInstance>, side: ClaimKind) =>
  (instance: WarmupSgdInstance): number =>
    measure.evaluate({ ...instance, schedule: instance.constantStep }, { kind: side, run }).value;

/** GD with eta_t = 1/M(w_t) from the same point of every row (rows where grad f(x0) = 0 left out), T = 1..maxSteps. */
export function inverseSmoothnessRuns(rows: readonly TableRow[], label: string, maxSteps: number): Family<RowsInstance<RowRun>> {
  return mapFamily(
    rowPoints(rows, label),
    `eta_t = 1/M(w_t) from the same point of ${label}, a f(s w), T steps`,
    ({ problem, points }, { T }) => ({
      problem,
      points: points.filter(canMove).map((point) => runFrom(point, inverseSmoothnessStep(point.smoothness), T)),
    }),
    { T: integer(1, maxSteps) },
  );
}

/** The 1-D rows with an exact constant-step stability threshold: cosh x - 1 (C9) and x^p (C8). */
const thresholdRows: readonly TableRow[] = [coshRow, ...monomialRows];

/**
 * Constant-step runs on the threshold rows, each from x0 = halfWidth * radius (radius log-uniform in
 * [1e-3, 1]) at eta = h * thresholdScale * threshold(x0), with h = 1 - distance (side 'below') or
 * 1 + distance ('above'), distance log-uniform in [1e-6, 0.99]: strictly on one side of the
 * threshold, since at equality the 2-cycle is unstable and round-off decides where a long run goes.
 * T steps, T in `horizons` (1..20 by default).
 */
export function thresholdRuns(side: 'below' | 'above', thresholdScale = 1, horizons = integer(1, 20)): Family<RowsInstance<RowRun>> {
  const sign = side === 'below' ? -1 : 1;
  const scaled = thresholdScale === 1 ? '' : ` x ${thresholdScale}`;
  return family({
    name: `constant step (1 ${side === 'below' ? '-' : '+'} distance) x threshold(x0)${scaled} on cosh(x) - 1 and x^p, T steps`,
    box: { radius: logUniform(1e-3, 1), distance: logUniform(1e-6, 0.99), T: horizons },
    instance: ({ radius, distance, T }) => {
      const points = thresholdRows.map((row) => {
        const x0 = rowPoint(row, radius, 0);
        const eta = (1 + sign * distance) * thresholdScale * row.stabilityThreshold!(x0[0]);
        return runFrom({ row, problem: baseProblem(row), x0, smoothness: row.smoothness }, constant(eta), T);
      });
      return { problem: points[0].problem, points };
    },
  });
}

/**
 * The worst value over the instance's runs, each run through the context (so that a certification
 * replays all of them, recording the sharpness when `record.sharpness`): the maximum, or the minimum, of `valueOfRun`. The trajectory reported is the
 * worst run's. A run that diverged counts as +Infinity unless `valueOfRun` is `stepwise`.
 */
export function overRuns<R extends RowRun>(
  label: string,
  reduce: 'max' | 'min',
  valueOfRun: ((trajectory: Trajectory, run: R) => number) & { readonly readsDivergedRuns?: true },
  record: { readonly sharpness?: boolean } = {},
): Measure<RowsInstance<R>> {
  return {
    label,
    certification: 'replay',
    evaluate({ points }, context) {
      let worst: MeasureValue = { value: reduce === 'max' ? -Infinity : Infinity };
      for (const run of points) {
        const trajectory = context.run(run.problem, run.schedule, run.x0, { maxSteps: run.horizon, recordSharpness: record.sharpness });
        const diverged = trajectory.stop === 'diverged' && !valueOfRun.readsDivergedRuns;
        const value = diverged ? Infinity : valueOfRun(trajectory, run);
        if (reduce === 'max' ? value > worst.value : value < worst.value) {
          worst = { value, ...(diverged ? { diverged } : {}), trajectory: summarize(trajectory) };
        }
      }
      return worst;
    },
  };
}

/**
 * The maximum (or minimum) over the steps t -> t + 1 of a run of `atStep(trajectory, t)`, for
 * `overRuns`. A run that diverged is read over the steps it recorded, so that a stepwise statement
 * it breaks before overflowing is reported (and replayed) as a violation; for a maximum, a run that
 * stopped at non-finite values counts its last step as an infinite increase.
 */
export function stepwise<R extends RowRun>(
  reduce: 'max' | 'min',
  atStep: (trajectory: Trajectory, t: number, run: R) => number,
): ((trajectory: Trajectory, run: R) => number) & { readonly readsDivergedRuns: true } {
  const valueOfRun = (trajectory: Trajectory, run: R): number => {
    const overflowed = reduce === 'max' && trajectory.divergence?.reason === 'non-finite';
    let value = overflowed ? Infinity : reduce === 'max' ? -Infinity : Infinity;
    for (let t = 0; t < trajectory.steps; t++) value = Math[reduce](value, atStep(trajectory, t, run));
    return value;
  };
  return Object.assign(valueOfRun, { readsDivergedRuns: true as const });
}

/** min_{0 <= t < T} ||grad f(w_t)||^2 over the recorded steps. */
export function minGradSquaredBeforeEnd(trajectory: Trajectory): number {
  let smallest = Infinity;
  for (let t = 0; t < trajectory.steps; t++) smallest = Math.min(smallest, trajectory.gradNorm[t] ** 2);
  return smallest;
}

/** sum_{0 <= t < T} eta_t over the recorded steps. */
export function stepSum(trajectory: Trajectory): number {
  let sum = 0;
  for (let t = 0; t < trajectory.steps; t++) sum += trajectory.stepSize[t];
  return sum;
}
