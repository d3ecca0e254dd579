/**
 * The batched sweep runner (src/gd/runLanes.ts) against `run`: from the same starts with the same
 * constant step, every lane ends bitwise where the single run ends (step count, stop, last
 * iterate, last gap, initial gradient norm, tail maximum of the gradient norm), and the
 * classification from its `RunEnd` is the single run's. Converging, 2-cycling, diverging and
 * exactly stationary starts; the lane-wise gradients (`gradLanes`: scalar nets, linear nets on
 * the whitened and the squared loss, expression problems) and the start-by-start path of a problem without them; runs
 * whose iterates repeat (skipped to the end of their budget); bad input.
 */
import { describe, expect, it } from 'vitest';
import { classifyEnd, classifyRun } from '../../src/gd/classify.js';
import { run } from '../../src/gd/run.js';
import { runLanes } from '../../src/gd/runLanes.js';
import { tailMax } from '../../src/gd/trajectory.js';
import type { Problem } from '../../src/problems/problem.js';
import { fromExpression } from '../../src/problems/expression.js';
import { linearNetWithLoss, squaredLoss, whitenedLoss } from '../../src/problems/linearNets.js';
import { quadratic } from '../../src/problems/quadratic.js';
import { deepScalarNet, scalarFactorization } from '../../src/problems/scalarNets.js';
import { constant } from '../../src/schedules/basic.js';
import { InputError } from '../../src/util/errors.js';
import { Rng } from '../../src/util/random.js';

function expectSameAsRun(
  problem: Problem,
  step: number,
  starts: Float64Array[],
  maxSteps: number,
  tailWindow: number,
  targetGap?: number,
  perLane = false,
): Set<string> {
  const gapOption = targetGap === undefined ? {} : { targetGap };
  const lanes = runLanes(problem, step, starts, { maxSteps, tailWindow, ...gapOption, perLane });
  const outcomes = new Set<string>();
  starts.forEach((x0, j) => {
    const single = run(problem, constant(step), x0, { maxSteps, ...gapOption });
    const end = lanes.ends[j];
    expect(end.stop).toBe(single.stop);
    expect(end.steps).toBe(single.steps);
    expect(end.initialGradNorm).toBe(single.gradNorm[0]);
    if (single.stop !== 'diverged') {
      expect(end.finalGap).toBe(single.gap[single.steps]);
      expect(Array.from({ length: problem.dim }, (_, i) => lanes.x[i][j])).toEqual(Array.from(single.xFinal));
    }
    if (single.stop === 'budget') expect(end.tailMaxGradNorm).toBe(tailMax(single.gradNorm, Math.min(maxSteps + 1, tailWindow)));
    const outcome = classifyEnd(end);
    expect(outcome).toBe(classifyRun(single, { tailWindow }));
    outcomes.add(outcome);
  });
  return outcomes;
}

/** Data of a two-layer net with scalar output: 3 inputs, 6 samples. */
const DATA_X = [
  [1, -0.5, 0.3, 0.8, -1.2, 0.4],
  [0.2, 1.1, -0.7, 0.5, 0.3, -0.9],
  [-0.4, 0.6, 1.3, -0.2, 0.7, 0.1],
].map((row) => row.map((v) => v / Math.sqrt(6)));
const DATA_Y = [0.5, -1, 0.8, 1.2, -0.3, 0.6].map((v) => v / Math.sqrt(6));

const startsOf = (dim: number, count: number, scale: number, seed: number): Float64Array[] => {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => rng.normalVector(dim, scale));
};

describe('runLanes does what run does, start by start', () => {
  it('1/2 (x y - 1)^2 below eta_c = 1: converged (at the target gap) and diverged starts', () => {
    const outcomes = expectSameAsRun(scalarFactorization({ target: 1 }), 0.9, startsOf(2, 60, 1, 3), 600, 120, 1e-28);
    expect(outcomes).toEqual(new Set(['converged', 'diverged']));
  });

  it('1/2 (x y - 1)^2 above eta_c: bounded starts on the 2-cycle, their tail maxima bitwise', () => {
    const outcomes = expectSameAsRun(scalarFactorization({ target: 1 }), 1.05, startsOf(2, 60, 1, 4), 500, 100, 1e-28);
    expect(outcomes).toEqual(new Set(['bounded', 'diverged']));
  });

  it('1/2 (w_1 w_2 w_3 - 1)^2 near eta_c, without a target gap (convergence by the tail test)', () => {
    const outcomes = expectSameAsRun(deepScalarNet({ depth: 3, target: 1 }), 0.6, startsOf(3, 30, 1, 5), 800, 160);
    expect(outcomes.has('converged')).toBe(true);
  });

  it('a quadratic: every start stationary after one step at eta = 1/lambda, blown up above 2/lambda', () => {
    expect(expectSameAsRun(quadratic({ eigenvalues: [1, 1] }), 1, startsOf(2, 5, 1, 6), 50, 10)).toEqual(new Set(['converged']));
    expect(expectSameAsRun(quadratic({ eigenvalues: [2, 1] }), 1.05, startsOf(2, 5, 1, 7), 200, 40)).toEqual(new Set(['diverged']));
  });

  it('the scalar nets compute their gradients lane-wise; a problem without gradLanes goes start by start, the same', () => {
    const net = deepScalarNet({ depth: 4, target: 2 });
    expect(net.gradLanes).toBeDefined();
    const { gradLanes: _, ...withoutLanes } = net;
    const starts = startsOf(4, 40, 1, 8);
    expectSameAsRun(net, 0.2, starts, 400, 80, 1e-28);
    expectSameAsRun(withoutLanes, 0.2, starts, 400, 80, 1e-28);
    expectSameAsRun(net, 0.2, starts, 400, 80, 1e-28, true);
  });

  it.each([
    ['whitened, two layers', linearNetWithLoss({ inputDim: 2, outputDim: 2, widths: [3], loss: whitenedLoss([[2, 0], [0, 1]]) }), 0.2],
    ['whitened, three layers', linearNetWithLoss({ inputDim: 2, outputDim: 2, widths: [3, 2], loss: whitenedLoss([[2, 0], [0, 1]]) }), 0.15],
    ['squared loss, scalar output (its gap without cancellation)', linearNetWithLoss({ inputDim: 3, outputDim: 1, widths: [4], loss: squaredLoss(DATA_X, [DATA_Y]) }), 0.3],
  ])('a linear net, %s: lane-wise gradients, every start as run', (_label, net, step) => {
    expect(net.gradLanes).toBeDefined();
    const starts = startsOf(net.dim, 30, 0.7, 9);
    expectSameAsRun(net, step, starts, 300, 60, 1e-28);
    expectSameAsRun(net, 1.6 * step, starts, 300, 60);
  });

  it('an expression problem (mathjs, l(x y) = log cosh(x y - 1)): lane-wise gradients, every start as run', () => {
    const problem = fromExpression({ expression: 'log(cosh(x*y - zStar))', variables: ['x', 'y'], parameters: { zStar: 1 }, fStar: 0 });
    expect(problem.gradLanes).toBeDefined();
    const starts = startsOf(2, 30, 1, 10);
    expect(expectSameAsRun(problem, 0.9, starts, 500, 100)).toContain('converged');
    expect(expectSameAsRun(problem, 1.1, starts, 500, 100)).toContain('bounded');
  });

  it('a run that reaches a floating-point 2-cycle skips whole periods, and ends as run ends', () => {
    const problem = scalarFactorization({ target: 1 });
    const starts = startsOf(2, 40, 1, 4);
    // 1.02 / |c|: every bounded start (31 of 40) settles on an exact float64 2-cycle within 20000 steps.
    const outcomes = expectSameAsRun(problem, 1.02, starts, 20_000, 4000, 1e-28);
    expect(outcomes.has('bounded')).toBe(true);
  });

  it.each([
    ['a start of the wrong length', () => runLanes(scalarFactorization({ target: 1 }), 1, [new Float64Array(3)], { maxSteps: 10, tailWindow: 5 }), /starts\[0\] must have length 2/],
    ['a zero step', () => runLanes(scalarFactorization({ target: 1 }), 0, [new Float64Array(2)], { maxSteps: 10, tailWindow: 5 }), /step/],
    ['a start where f is not finite', () => runLanes(scalarFactorization({ target: 1 }), 1, [Float64Array.of(Infinity, 1)], { maxSteps: 10, tailWindow: 5 }), /starts\[0\]/],
  ])('%s throws an InputError naming it', (_label, action, pattern) => {
    expect(action).toThrow(InputError);
    expect(action).toThrow(pattern);
  });
});
