/**
 * Families shared by the Craciun-Ghoshdastidar (2024) claims (large-lr-impossibility.md §3.3, §5):
 * the models E1-E7, each with the sweep settings (starts M, run lengths T, init scale) that give a
 * reliable verdict on it at the test budgets, and the families the claims quantify over: a step on
 * either side of a claimed threshold (`dichotomyFamily`), above it (`aboveThresholdFamily`), and a
 * grid of steps around it (`criticalStepFamily`). The threshold comes from the claim file, so a
 * broken twin is the same family with a wrong threshold.
 *
 * Protocol (§5 [R]): M >= 1000 starts per step size, the converged fraction reported with its Wilson
 * interval, T >= 2e4 steps. T is scaled down for cost (T = 2000-10000 at the edge of the band
 * |eta/eta_c - 1| < 2%, 5% for E3', E4, falling like 1/|eta/eta_c - 1| away from it: `runLengthAt`).
 * M is the protocol's, SWEEP_STARTS = 1000, for every claim: the critical-step sweep (three
 * problems, each evaluated once per process) and the dichotomy claims, each of whose instances is
 * a step swept from 1000 starts. A dichotomy instance counts for SWEEP_EVALUATION_COST = 5
 * evaluations of the search's budget (`evaluationCost` of the claims), so a search at the default
 * budget of 1000 sweeps 200 steps: the work of the 1000 steps of 200 starts the claims ran before,
 * which keeps `npm start` under 3 minutes on 2 cores (README, "How the search works"). Every start
 * of a step is run, so a report's fraction is k/M on the stated M.
 * Above a threshold one converged start refutes "none converges". Below it the claims state a
 * refutable fraction: at most 1 - p0 (p0 = CONVERGING_FRACTION = 10%) of the starts are shown within
 * T steps not to converge (diverged, bounded, stalled; a run still converging at T counts for
 * neither side). Measured with 96 starts at 6 points of each box at eta/eta_c = 1 - band, 0.73 and
 * 0.5: the smallest converged fraction is 21/96 (E2, N = 4, y = 2, at the band edge), 27/96 for E1
 * (c = 1/4) and E5 (z* = 1/2), at least 39/96 for the others; E4's starts below its threshold are
 * placed around a flattest minimum (`convergingStarts`), where 483 to 491 of 491 converge. Refuting
 * p0 needs none of M converging with (1 - p0)^M below alpha / comparisons (`startsToRefute`: 94
 * starts for 10% at 95% over 1000 instances), so below a threshold M is at least that.
 *
 * Starts are i.i.d. Gaussian (never structured: §5 C9; centred at 0 except below E4's threshold)
 * from a fixed seed, STARTS_SEED: the starts are the sample a frequency is measured on, not something an adversary chooses, so the search does not
 * explore them (it would only pick the unluckiest sample); the Bonferroni correction covers the
 * instances it explores.
 */
import { nonWhitenedTwoLayerFlattestScale, nonWhitenedTwoLayerMinSharpness } from '../../bounds/craciun2024.js';
import {
  deepScalarNet,
  family,
  fromExpression,
  integer,
  linearNetWithLoss,
  logUniform,
  quadratic,
  bonferroni,
  runLengthAt,
  Rng,
  startsToRefute,
  scalarFactorization,
  squaredLoss,
  uniform,
  whitenedLoss,
  type CriticalStepInstance,
  type DichotomyInstance,
  type Family,
  type ParameterBox,
  type Params,
  type Problem,
  type RunLength,
  type SweepSettings,
} from '../../src/index.js';

/** A problem family with an exact critical step, and how to sweep it. */
export interface SweepModel {
  readonly name: string;
  /** The problem's parameters. */
  readonly box: ParameterBox;
  problem(params: Params): Problem;
  /** The sweep settings but the starts (SWEEP_STARTS), the run length (from `runLength`) and the seed (STARTS_SEED). */
  readonly sweep: Omit<SweepSettings, 'starts' | 'seed' | 'steps' | 'tailWindow'>;
  readonly runLength: RunLength;
  /**
   * Below eta_c, where the claims say GD converges from a set of positive measure: starts around a
   * minimum that is linearly stable at every step below the threshold (`center` at a point of the
   * box), with this sigma_0, instead of the law of `sweep`. A neighbourhood of such a minimum is a
   * converging set of positive measure (§3.2 Prop 1(c), Prop 4), where N(0, sigma_0^2 I) may put
   * almost no mass. Above eta_c the starts always follow `sweep` (never placed by the claim: §5 C9).
   */
  readonly convergingStarts?: { readonly center: (params: Params) => number[]; readonly initScale: number };
}

/** M: starts per step size, the protocol's (large-lr-impossibility.md §5 item 1). */
export const SWEEP_STARTS = 1000;

/**
 * The evaluations of a search's budget that one dichotomy instance (a step swept from SWEEP_STARTS
 * starts) counts for: the claims' `evaluationCost` (see the module comment).
 */
export const SWEEP_EVALUATION_COST = 5;

/** The seed of every claim's Gaussian starts (fixed: see the module comment). */
export const STARTS_SEED = 1;

/** p0: below eta_c the claims say that at most 1 - p0 of the starts are shown within T steps not to converge. */
export const CONVERGING_FRACTION = 0.1;

/**
 * M below a threshold: SWEEP_STARTS, or more when needed to refute p0 at a search's
 * alpha / comparisons, over `tests` steps.
 */
const startsBelow = (tests: number): number =>
  Math.max(SWEEP_STARTS, startsToRefute({ convergingFraction: CONVERGING_FRACTION, alpha: bonferroni({}).alpha / tests }));

/**
 * The model's settings at step ratio eta/eta_c: M = SWEEP_STARTS above eta_c, startsBelow(tests)
 * below it, where the starts follow the model's `convergingStarts` at `params` when it has them.
 */
const settingsAt = (model: SweepModel, ratio: number, tests: number, params?: Params): SweepSettings => {
  const converging = ratio < 1 && params ? model.convergingStarts : undefined;
  return {
    ...model.sweep,
    ...runLengthAt(model.runLength, ratio),
    starts: ratio < 1 ? startsBelow(tests) : SWEEP_STARTS,
    seed: STARTS_SEED,
    ...(converging && params ? { center: converging.center(params), initScale: converging.initScale } : {}),
  };
};

/** A claimed threshold: how it reads and its value at a point of the model's box. */
export interface Threshold {
  readonly label: string;
  at(params: Params): number;
}

/** Runs stop as converged at f - f* <= 1e-28 (nondegenerate minima only; see SweepSettings). */
const CONVERGED_GAP = 1e-28;

/** The band |eta/eta_c - 1| < 2% left out (eta = eta_c is non-hyperbolic: §3.2 Prop 1(d)). */
const BAND = 0.02;

/** The band for the depth-3 nets, whose runs converge too slowly within 2% of eta_c for the test budget. */
const WIDE_BAND = 0.05;

/** E1: 1/2 (x y - c)^2, c > 0 (c < 0 is its mirror image x -> -x, under the same law of starts). */
export const scalarFactorizationModel: SweepModel = {
  name: 'E1 1/2 (x y - c)^2',
  box: { c: logUniform(0.25, 4) },
  problem: ({ c }) => scalarFactorization({ target: c }),
  sweep: { initScale: 1, convergedGap: CONVERGED_GAP },
  runLength: { stepsAtBand: 3000, band: BAND, minSteps: 400 },
};

/**
 * E2: 1/2 (w_1 ... w_N - y)^2, N in 2..4, y > 0 (y < 0 flips the sign of one factor). Runs at
 * 0.98 eta_c converge slowly for N >= 4 (§5 C2: T = 3e4 there): T = 1e4 at the band.
 */
export const deepScalarNetModel: SweepModel = {
  name: 'E2 1/2 (w_1 ... w_N - y)^2',
  box: { N: integer(2, 4), y: logUniform(0.5, 2) },
  problem: ({ N, y }) => deepScalarNet({ depth: N, target: y }),
  sweep: { initScale: 1, convergedGap: CONVERGED_GAP },
  runLength: { stepsAtBand: 10_000, band: BAND, minSteps: 400 },
};

/**
 * Phi = diag(sigmaMax, spread sigmaMax), spread in [0.2, 0.8]: by the rotation invariance of the
 * Gaussian starts, any 2 x 2 Phi of full rank in law. (A rank-deficient Phi makes the minima
 * degenerate in its null directions, where GD converges sublinearly.)
 */
export const diagonalTarget = ({ sigmaMax, spread }: Params): number[][] => [
  [sigmaMax, 0],
  [0, spread * sigmaMax],
];

function whitenedNetModel(depth: number, runLength: RunLength): SweepModel {
  return {
    name: `E3${depth > 2 ? "'" : ''} 1/2 ||W_${depth} ... W_1 - Phi||_F^2, Phi = diag(sigmaMax, spread sigmaMax), widths h`,
    box: { sigmaMax: logUniform(1, 3), spread: uniform(0.2, 0.8), h: integer(2, 3) },
    problem: (params) =>
      linearNetWithLoss({
        inputDim: 2,
        outputDim: 2,
        widths: Array.from({ length: depth - 1 }, () => params.h),
        loss: whitenedLoss(diagonalTarget(params)),
      }),
    sweep: { initScale: 0.5, convergedGap: CONVERGED_GAP },
    runLength,
  };
}

/** E3: two-layer whitened net, hidden width h in {2, 3} >= rank Phi, W_i ~ N(0, 1/4) (§5 C3). */
export const whitenedTwoLayerModel = whitenedNetModel(2, { stepsAtBand: 3000, band: BAND, minSteps: 400 });
/**
 * E3': depth-3 whitened net, widths h in {2, 3}. Its runs converge slowly near eta_c (§5: slow runs
 * at 0.26 = 0.98 eta_c with T = 2e4) and cost 1-2 us a step: the band widened to 5%.
 */
export const whitenedDepthThreeModel = whitenedNetModel(3, { stepsAtBand: 2000, band: WIDE_BAND, minSteps: 400 });

/**
 * E4's data at a seed: X (d x n, n = 10) with N(0, 1) entries and beta* along a N(0, I_d) direction,
 * scaled so that S_min = 4 (the scale of the E3 instances, whose starts N(0, 1/4) suit it); both
 * enter the loss scaled by 1/sqrt(n) into the loss so that 1/2 ||y' - P X'||^2 = 1/(2n) ||X^T beta - y||^2 with y = X^T beta*;
 * Sigma = X X^T / n.
 */
export function nonWhitenedData({ d, dataSeed }: Params): { X: number[][]; y: number[]; Sigma: number[][]; betaStar: number[] } {
  const n = 10;
  const rng = new Rng(dataSeed);
  const X = Array.from({ length: d }, () => Array.from(rng.normalVector(n)));
  const Sigma = X.map((row) => X.map((other) => row.reduce((sum, v, j) => sum + v * other[j], 0) / n));
  // S_min is linear in beta* (s -> k s in its minimisation): scaled so that S_min = 4 (eta_c = 1/2).
  const direction = Array.from(rng.normalVector(d));
  const scale = 4 / nonWhitenedTwoLayerMinSharpness({ Sigma, betaStar: direction });
  const betaStar = direction.map((v) => v * scale);
  const y = Array.from({ length: n }, (_, j) => X.reduce((sum, row, i) => sum + row[j] * betaStar[i], 0));
  return { X, y, Sigma, betaStar };
}

/** E4's width. */
const E4_WIDTH = 4;

/**
 * A flattest minimum of E4 at a point of its box, packed as `linearNetWithLoss` packs (W_1 row by
 * row, then w_2): w_2 = sqrt(s*) (1, ..., 1) / sqrt(h) and W_1 = w_2 beta*^T / s*, so beta = W_1^T w_2
 * = beta* and lambda_max = S_min (`nonWhitenedTwoLayerFlattestScale`).
 */
export function nonWhitenedFlattestMinimum(params: Params): number[] {
  const data = nonWhitenedData(params);
  const scale = nonWhitenedTwoLayerFlattestScale(data);
  const w2 = Array.from({ length: E4_WIDTH }, () => Math.sqrt(scale / E4_WIDTH));
  const W1 = w2.map((w) => data.betaStar.map((b) => (w * b) / scale));
  return [...W1.flat(), ...w2];
}

/**
 * E4: two-layer net with scalar output on realizable non-whitened data (d = 2..3 inputs, n = 10
 * samples, width 4), f = 1/(2n) ||X^T W_1^T w_2 - y||^2. Starts N(0, I) above eta_c. Below it,
 * starts N(m, 0.1^2 I) around a flattest minimum m (`nonWhitenedFlattestMinimum`), which is linearly
 * stable at every step below eta_c: the theorem promises a converging set of positive measure but
 * not where a law centred at 0 puts it. From 0 the converging mass near 0.95 eta_c depends on the
 * data and can vanish: with N(0, 0.1^2 I) none of 491 starts converged at dataSeed 391 (d = 3); with
 * N(0, I) none of 491 did at dataSeed 604 (d = 3, 0.945 eta_c), all diverging, although the claim
 * was 2% then. Around a flattest minimum 483 to 491 of 491 converge within T at
 * 0.95 eta_c on the data seeds tried, and none above (all bounded at 1.02 and 1.05 eta_c). The band
 * widened to 5% (as E3'), T = 2000 at it and at least 1000 (the escape from the saddle takes a few
 * hundred steps).
 */
export const nonWhitenedTwoLayerModel: SweepModel = {
  name: "E4 1/(2n) ||X^T W_1^T w_2 - X^T beta*||^2, d in 2..3, n = 10, width 4",
  box: { d: integer(2, 3), dataSeed: integer(0, 1000) },
  problem: (params) => {
    const { X, y } = nonWhitenedData(params);
    const scale = 1 / Math.sqrt(X[0].length);
    return linearNetWithLoss({
      inputDim: params.d,
      outputDim: 1,
      widths: [E4_WIDTH],
      loss: squaredLoss(
        X.map((row) => row.map((v) => v * scale)),
        [y.map((v) => v * scale)],
      ),
    });
  },
  sweep: { initScale: 1, convergedGap: CONVERGED_GAP },
  runLength: { stepsAtBand: 2000, band: WIDE_BAND, minSteps: 1000 },
  convergingStarts: { center: nonWhitenedFlattestMinimum, initScale: 0.1 },
};

/**
 * l(x y) from a mathjs expression in x, y and zStar = 2^zStarLog2, built once per process and
 * expression: fromExpression differentiates symbolically (about 0.2 s a problem), which would
 * otherwise dominate the cost of an evaluation. Hence z* on a grid, not a continuous parameter.
 */
const expressionProblems = new Map<string, Problem>();
function productLossProblem(expression: string, zStarLog2: number): Problem {
  const key = `${expression}; zStar=2^${zStarLog2}`;
  let problem = expressionProblems.get(key);
  if (!problem) {
    problem = fromExpression({ expression, variables: ['x', 'y'], parameters: { zStar: 2 ** zStarLog2 }, fStar: 0 });
    expressionProblems.set(key, problem);
  }
  return problem;
}

/** E5's losses l(z - zStar), both with l''(0) = 1, as mathjs expressions of z = x y. */
const NON_QUADRATIC_LOSSES = ['log(cosh(x*y - zStar))', 'sqrt(1 + (x*y - zStar)^2) - 1'] as const;

/** z* = 2^zStarLog2 in {1/2, 1, 2}. */
const Z_STAR_BOX: ParameterBox = { zStarLog2: integer(-1, 1) };

/**
 * E5: l(x y) with l = log cosh(. - zStar) (loss = 0) or pseudo-Huber (loss = 1), from mathjs
 * expressions, whose steps cost about 2 us: T = 800 at the band (at 0.98 eta_c, 7 to 12 of
 * 16 starts converge within 800 steps over the box). No early stop on the gap: both losses are
 * exactly 0 in float64 within 1.5e-8 of z*, so convergence is the tail test on the gradient.
 */
export const nonQuadraticLossModel: SweepModel = {
  name: 'E5 l(x y), l = log cosh(z - zStar) (loss 0) or sqrt(1 + (z - zStar)^2) - 1 (loss 1), zStar = 2^zStarLog2',
  box: { loss: integer(0, 1), ...Z_STAR_BOX },
  problem: ({ loss, zStarLog2 }) => productLossProblem(NON_QUADRATIC_LOSSES[loss], zStarLog2),
  sweep: { initScale: 1 },
  runLength: { stepsAtBand: 800, band: BAND, minSteps: 200 },
};

/**
 * E5 with the squared loss l(z) = (z - zStar)^2 (kappa = l''(zStar) = 2, so eta_c = 1/(2 |z*|)): a
 * mathjs expression like the other E5 losses. Its gap (x y - zStar)^2 has no cancellation near
 * the minima, so runs stop as converged at the E1 gap.
 */
export const squaredLossProductModel: SweepModel = {
  name: 'E5 (x y - zStar)^2, zStar = 2^zStarLog2',
  box: Z_STAR_BOX,
  problem: ({ zStarLog2 }) => productLossProblem('(x*y - zStar)^2', zStarLog2),
  sweep: { initScale: 1, convergedGap: CONVERGED_GAP },
  runLength: { stepsAtBand: 800, band: BAND, minSteps: 200 },
};

/**
 * E6 (negative control): l(x y) with l = (z - zStar)^4 / 4, degenerate minima (l''(zStar) = 0). Its
 * runs converge sublinearly: the tolerances of §5 for degenerate minima (tau = 1e-6), no early stop
 * on the gap, and T = 5000 at every step.
 */
export const quarticLossModel: SweepModel = {
  name: 'E6 (x y - zStar)^4 / 4, zStar = 2^zStarLog2',
  box: Z_STAR_BOX,
  problem: ({ zStarLog2 }) => productLossProblem('(x*y - zStar)^4 / 4', zStarLog2),
  sweep: { initScale: 1, tolerances: { gradTolerance: 1e-6 } },
  runLength: { stepsAtBand: 5000, band: BAND, minSteps: 5000 },
};

/** E7: 1/2 theta^T A theta, A with eigenvalues L kappa^(-i/(d-1)) in a seeded eigenbasis. */
export const quadraticModel: SweepModel = {
  name: 'E7 1/2 theta^T A theta, spectrum L kappa^(-i/(d-1)), d in 1..4',
  box: { d: integer(1, 4), L: logUniform(0.5, 2), kappa: logUniform(1, 10), basis: integer(0, 1000) },
  problem: ({ d, L, kappa, basis }) =>
    quadratic({ eigenvalues: Array.from({ length: d }, (_, i) => L * kappa ** (d === 1 ? 0 : -i / (d - 1))), seed: basis }),
  sweep: { initScale: 1, convergedGap: CONVERGED_GAP },
  runLength: { stepsAtBand: 3000, band: BAND, minSteps: 400 },
};

/** A step at distance |eta/eta_c - 1| = distance from a claimed threshold, on a given side of it. */
function sidedStepInstance(model: SweepModel, threshold: Threshold, params: Params, above: boolean): DichotomyInstance {
  const ratio = above ? 1 + params.distance : 1 - params.distance;
  return {
    problem: model.problem(params),
    step: ratio * threshold.at(params),
    predictsConvergence: !above,
    convergingFraction: CONVERGING_FRACTION,
    sweep: settingsAt(model, ratio, 1, params),
  };
}

const startsLabel = (model: SweepModel): string => {
  const below = model.convergingStarts ? `N(a flattest minimum, ${model.convergingStarts.initScale}^2 I)` : `N(0, ${model.sweep.initScale}^2 I)`;
  return `${SWEEP_STARTS} starts N(0, ${model.sweep.initScale}^2 I) above eta_c, ${startsBelow(1)} ${below} below (p0 = ${CONVERGING_FRACTION})`;
};

/** The distance to the threshold: log-uniform in [band, 1/2], so the search dwells near it. */
const distanceBox = (model: SweepModel): ParameterBox => ({ distance: logUniform(model.runLength.band, 0.5) });

/**
 * The step eta = (1 -/+ distance) * (claimed eta_c), below (above = 0) or above (above = 1) the
 * claimed threshold, predicting that at least CONVERGING_FRACTION of the starts converges below it
 * and none above. The band |eta/eta_c - 1| < band is left out (eta = eta_c is non-hyperbolic: §3.2
 * Prop 1(d)). The ends of the box are the hard cases, and the random stage samples them most.
 */
export function dichotomyFamily(model: SweepModel, threshold: Threshold): Family<DichotomyInstance> {
  return family({
    name: `${model.name}, eta = (1 -/+ distance) eta_c, eta_c = ${threshold.label}, ${startsLabel(model)}`,
    box: { ...model.box, above: integer(0, 1), ...distanceBox(model) },
    instance: (params) => sidedStepInstance(model, threshold, params, params.above === 1),
  });
}

/** The step eta = (1 + distance) * (claimed eta_c), above the claimed threshold only. */
export function aboveThresholdFamily(model: SweepModel, threshold: Threshold): Family<DichotomyInstance> {
  return family({
    name: `${model.name}, eta = (1 + distance) eta_c, eta_c = ${threshold.label}, ${startsLabel(model)}`,
    box: { ...model.box, ...distanceBox(model) },
    instance: (params) => sidedStepInstance(model, threshold, params, true),
  });
}

/** The grid of eta / eta_c on which the critical step is located (the protocol's steps nearest 1). */
const CRITICAL_STEP_GRID = [0.95, 0.98, 1.02, 1.05] as const;

/** One problem of a critical-step claim: a model at a point of its box, and the claimed threshold there. */
export interface CriticalStepCase {
  readonly model: SweepModel;
  readonly params: Params;
  readonly threshold: Threshold;
}

/**
 * The sweep of case `problem` over CRITICAL_STEP_GRID * (claimed eta_c), with SWEEP_STARTS starts
 * at every step (at least the starts that can refute p0 with the correction over the grid's steps).
 * The box has one point per case, so each case's instance is built once and returned again (the
 * measure then evaluates it once per process).
 */
export function criticalStepFamily(cases: readonly CriticalStepCase[]): Family<CriticalStepInstance> {
  const tests = CRITICAL_STEP_GRID.length;
  const starts = startsBelow(tests);
  const names = cases.map(({ model, params, threshold }, i) => {
    const point = Object.entries(params).map(([k, v]) => `${k}=${v}`).join(' ');
    return `${i}: ${model.name.split(' ')[0]} at ${point}, eta_c = ${threshold.label}`;
  });
  const instances = new Map<number, CriticalStepInstance>();
  const build = (index: number): CriticalStepInstance => {
    const { model, params, threshold } = cases[index];
    return {
      problem: model.problem(params),
      threshold: threshold.at(params),
      ratios: CRITICAL_STEP_GRID,
      convergingFraction: CONVERGING_FRACTION,
      settingsAt: (ratio) => ({ ...settingsAt(model, ratio, tests, params), starts }),
    };
  };
  return family({
    name: `eta in {${CRITICAL_STEP_GRID.join(', ')}} * eta_c, ${starts} Gaussian starts at each (each model's scale), for problem ${names.join('; ')}`,
    box: { problem: integer(0, cases.length - 1) },
    instance: ({ problem }) => {
      let instance = instances.get(problem);
      if (!instance) {
        instance = build(problem);
        instances.set(problem, instance);
      }
      return instance;
    },
  });
}
