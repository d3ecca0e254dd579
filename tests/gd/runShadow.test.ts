/**
 * The shadow double-double replay on two-layer linear nets (squared loss): the model's balls at a
 * point hold the 80-digit BigNumber values and agree with the float64 kernels to rounding; its
 * Hessian bounds hold the float64 Hessian's eigenvalues over the ball; a replayed run decides every
 * value it hands on and its bounds hold the 80-digit BigNumber replay's values, with X of full row
 * rank (the gap from the enclosed P*) and of full column rank (the gap is f); the exact iterates
 * (80 digits) stay in its balls. The broken twin, a replay that trusts its double-double midpoints
 * (radius 0 after each step), loses them. A run whose bound grows past the values' rounding
 * intervals (a step past the edge of stability, then convergence) is left undecided.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { replayInBalls } from '../../src/gd/runBall.js';
import { run } from '../../src/gd/run.js';
import { runHighPrecision } from '../../src/gd/runHighPrecision.js';
import { BallVector } from '../../src/linalg/ddBall.js';
import { BALL_VALUE, ballEvaluation } from '../../src/problems/ballModel.js';
import { bigMath, toBig, toBigVector, type BigNumber } from '../../src/problems/highPrecision.js';
import { twoLayerLinearNet, type FiniteSumLinearNetProblem } from '../../src/problems/linearNets.js';
import { shadowBallModel, type ShadowModel } from '../../src/problems/shadowModel.js';
import { constant } from '../../src/schedules/basic.js';
import { Rng } from '../../src/util/random.js';

const rows = (rng: Rng, count: number, cols: number, scale = 1): number[][] =>
  Array.from({ length: count }, () => Array.from(rng.normalVector(cols, scale)));

/** A seeded net (n inputs, h hidden, m outputs, N samples) and a start. */
function seededNet(seed: number, n: number, h: number, m: number, samples: number, scale: number): { net: FiniteSumLinearNetProblem; x0: Float64Array } {
  const rng = new Rng(seed);
  const net = twoLayerLinearNet({ X: rows(rng, n, samples), Y: rows(rng, m, samples), hidden: h });
  return { net, x0: rng.normalVector(net.dim, scale) };
}

const fullRowRank = seededNet(11, 3, 4, 2, 7, 0.5);
const fullColumnRank = seededNet(12, 4, 3, 2, 3, 0.5);

/** The net's shadow model evaluated at x: the balls of grad f and of the values. */
function evaluateAt(model: ShadowModel, x: Float64Array): { gradient: BallVector; values: BallVector } {
  const point = new BallVector(model.dim);
  for (let i = 0; i < x.length; i++) point.setExact(i, x[i]);
  const gradient = new BallVector(model.dim);
  const values = new BallVector(3);
  model.evaluate(point, gradient, values);
  return { gradient, values };
}

const math80 = bigMath(80);
/** |exact - (hi + lo)| <= rad, the exact value given as a BigNumber (doubles read exactly). */
function holds(ball: BallVector, i: number, exact: BigNumber): boolean {
  return exact.minus(toBig(math80, ball.hi[i])).minus(toBig(math80, ball.lo[i])).abs().lte(toBig(math80, ball.rad[i]));
}

describe.each([
  ['X of full row rank (3 x 7)', fullRowRank],
  ['X of full column rank (4 x 3)', fullColumnRank],
])('shadow model of a two-layer net, %s', (_label, { net, x0 }) => {
  const model = net.shadowModel!();
  const big = net.highPrecision!(80);
  const { gradient, values } = evaluateAt(model, x0);

  it('holds the 80-digit f, gap, gradient and ||grad||^2 at a point', () => {
    const xBig = toBigVector(big.math, x0);
    expect(holds(values, BALL_VALUE.f, big.f(xBig))).toBe(true);
    expect(holds(values, BALL_VALUE.gap, big.gap!(xBig))).toBe(true);
    const g = big.grad(xBig);
    g.forEach((gi, i) => expect(holds(gradient, i, gi)).toBe(true));
    const g2 = g.reduce((s, gi) => s.plus(gi.times(gi)), big.math.bignumber(0));
    expect(holds(values, BALL_VALUE.gradNormSquared, g2)).toBe(true);
    expect(values.rad[BALL_VALUE.gap]).toBeLessThan(1e-25 * values.hi[BALL_VALUE.f]);
  });

  it('agrees with the float64 kernels to rounding', () => {
    const g = new Float64Array(net.dim);
    const f = net.grad(x0, g);
    expect(Math.abs(values.hi[BALL_VALUE.f] - f)).toBeLessThanOrEqual(1e-13 * f);
    expect(Math.abs(values.hi[BALL_VALUE.gap] - net.gap!(x0))).toBeLessThanOrEqual(1e-13 * f);
    const scale = Math.max(...g.map(Math.abs));
    g.forEach((gi, i) => expect(Math.abs(gradient.hi[i] - gi)).toBeLessThanOrEqual(1e-13 * scale));
  });

  it("bounds the float64 Hessian's eigenvalues over a ball of radius 0.1, at its centre and 20 random points (Frobenius and spectral norms)", () => {
    const radius = 0.1;
    const rng = new Rng(5);
    for (let trial = 0; trial <= 20; trial++) {
      const direction = rng.normalVector(net.dim, 1);
      const norm = Math.hypot(...direction);
      const y = x0.map((v, i) => v + (trial === 0 ? 0 : (radius * rng.uniform() * direction[i]) / norm));
      const eigenvalues = new EigenvalueDecomposition(Matrix.from1DArray(net.dim, net.dim, net.hess!(y))).realEigenvalues;
      evaluateAt(model, x0);
      const crude = model.curvatureOver(radius);
      // A step of 10 makes the upper side decide the Lipschitz constant: the spectral norms tighten it.
      const tight = model.curvatureOver(radius, 10);
      expect(tight.upper).toBeLessThan(crude.upper);
      for (const { lower, upper } of [crude, tight]) {
        const slack = 1e-10 * upper;
        expect(Math.min(...eigenvalues)).toBeGreaterThanOrEqual(lower - slack);
        expect(Math.max(...eigenvalues)).toBeLessThanOrEqual(upper + slack);
      }
    }
  });
});

describe.each([
  ['X of full row rank, 60 steps of 0.02', fullRowRank, 0.02, 60],
  ['X of full column rank, 60 steps of 0.05', fullColumnRank, 0.05, 60],
  ['the 20x50x20 net of the benchmark (100 samples), 4 steps of 1e-4', seededNet(2026, 20, 50, 20, 100, 0.1), 1e-4, 4],
])('shadow replay, %s', (_label, { net, x0 }, eta, steps) => {
  const schedule = constant(eta);
  const options = { maxSteps: steps, recordDistance: true };
  const shadow = replayInBalls(net, schedule, x0, options);
  const big80 = runHighPrecision(80)(net, schedule, x0, options);

  it('decides every value it hands on', () => {
    expect(shadow.undecided).toBeUndefined();
    expect(shadow.decided).toBe(true);
    expect(shadow.trajectory.steps).toBe(steps);
    expect(shadow.maxRelativeRadius).toBeLessThan(1e-20);
  });

  it("holds the 80-digit BigNumber replay's gap, gradient norm and distance in its bounds", () => {
    for (let t = 0; t <= steps; t++) {
      for (const series of ['gap', 'gradNorm', 'distance'] as const) {
        expect(shadow[series]!.lower[t]).toBeLessThanOrEqual(big80[series]![t]);
        expect(shadow[series]!.upper[t]).toBeGreaterThanOrEqual(big80[series]![t]);
      }
    }
    expect(Array.from(shadow.trajectory.xFinal)).toEqual(Array.from(big80.xFinal));
  });

  it('agrees with the float64 run to rounding', () => {
    const float64 = run(net, schedule, x0, options);
    expect(float64.steps).toBe(steps);
    for (let t = 0; t <= steps; t++) expect(Math.abs(shadow.trajectory.gap[t] - float64.gap[t])).toBeLessThanOrEqual(1e-12 * float64.gap[0]);
  });
});

/**
 * Exact GD at 80 digits (x_{k+1} = x_k - eta grad f(x_k)) beside the shadow model's states run
 * through `shadowBallModel` (radii dropped after each step by the broken twin): the steps
 * k <= `steps` at which some coordinate of x_k lies outside its ball.
 */
function stepsOutsideTheBalls(net: FiniteSumLinearNetProblem, model: ShadowModel, x0: Float64Array, eta: number, steps: number, twin = { trustMidpoints: false }): number[] {
  const balls = shadowBallModel(model);
  const big = net.highPrecision!(80);
  let state = new BallVector(balls.stateDim);
  let next = new BallVector(balls.stateDim);
  const evaluation = ballEvaluation(balls);
  balls.start(x0, state);
  let x = toBigVector(big.math, x0);
  const step = toBig(big.math, eta);
  const outside: number[] = [];
  for (let k = 0; k <= steps; k++) {
    if (x.some((xi, i) => !holds(state, i, xi))) outside.push(k);
    balls.evaluate(state, evaluation);
    balls.step(state, eta, next);
    if (twin.trustMidpoints) next.rad.fill(0);
    [state, next] = [next, state];
    const g = big.grad(x);
    x = x.map((xi, i) => xi.minus(step.times(g[i])));
  }
  return outside;
}

describe('the shadowing bound', () => {
  // At the edge of stability (2 / sharpness(x_0) = 0.0506) the GD map expands errors.
  const { net, x0 } = fullRowRank;
  const eta = 0.05;
  const steps = 30;

  it('holds the exact iterates (80 digits) in its balls for 30 steps at the edge of stability', () => {
    expect(stepsOutsideTheBalls(net, net.shadowModel!(), x0, eta, steps)).toEqual([]);
  });

  it('the broken twin: a replay that trusts its double-double midpoints (radius 0 after each step) loses the exact iterates', () => {
    expect(stepsOutsideTheBalls(net, net.shadowModel!(), x0, eta, steps, { trustMidpoints: true }).length).toBeGreaterThan(0);
  });

  it('leaves a run undecided when its bound no longer resolves the values (step 0.08, past the edge of stability at x_0; 300 steps), and says where', () => {
    const float64 = run(net, constant(0.08), x0, { maxSteps: 300 });
    expect(float64.stop).toBe('budget');
    const shadow = replayInBalls(net, constant(0.08), x0, { maxSteps: 300 });
    expect(shadow.decided).toBe(false);
    expect(shadow.undecided).toMatch(/at step \d+/);
  });
});
