/**
 * Step-size sweeps: `runLanes` with the problem's lane-wise gradients (`gradLanes`) against the
 * start-by-start path (`perLane`: each start's point gathered and `grad` called on it), measured in
 * the same run on the sweeps of craciun2024 (1000 Gaussian starts, the models' run lengths at
 * eta = 0.98 and 1.02 eta_c): E2 (deep scalar net, N = 4, y = 2), E3 (whitened two-layer net,
 * h = 3), E3' (whitened depth-3 net) and E5 (log cosh(x y - 1), a mathjs expression). Both paths
 * give bitwise the same ends (tests/gd/runLanes.test.ts), so the ratio of the reported rates is
 * the speed-up of the lane-wise gradients; both skip the repeating starts alike.
 */
import { bench, describe } from 'vitest';
import { deepScalarNetCriticalStep, whitenedDeepCriticalStep, whitenedTwoLayerCriticalStep } from '../../bounds/craciun2024.js';
import { runLanes } from '../../src/gd/runLanes.js';
import { deepScalarNet } from '../../src/problems/scalarNets.js';
import { fromExpression } from '../../src/problems/expression.js';
import { linearNetWithLoss, whitenedLoss } from '../../src/problems/linearNets.js';
import type { Problem } from '../../src/problems/problem.js';
import { Rng } from '../../src/util/random.js';

const STARTS = 1000;
const PHI = [
  [2, 0],
  [0, 1],
];
const whitenedNet = (widths: number[]): Problem => linearNetWithLoss({ inputDim: 2, outputDim: 2, widths, loss: whitenedLoss(PHI) });

const cases: { name: string; problem: Problem; criticalStep: number; steps: number; initScale: number }[] = [
  { name: 'E2 deep scalar net N=4, y=2', problem: deepScalarNet({ depth: 4, target: 2 }), criticalStep: deepScalarNetCriticalStep({ N: 4, y: 2 }), steps: 2000, initScale: 1 },
  { name: 'E3 whitened two-layer net, h=3', problem: whitenedNet([3]), criticalStep: whitenedTwoLayerCriticalStep({ Phi: PHI }), steps: 600, initScale: 0.5 },
  { name: "E3' whitened depth-3 net, h=3", problem: whitenedNet([3, 3]), criticalStep: whitenedDeepCriticalStep({ N: 3, Phi: PHI }), steps: 400, initScale: 0.5 },
  {
    name: 'E5 log cosh(x y - 1) (mathjs expression)',
    problem: fromExpression({ expression: 'log(cosh(x*y - zStar))', variables: ['x', 'y'], parameters: { zStar: 1 }, fStar: 0 }),
    criticalStep: 1,
    steps: 800,
    initScale: 1,
  },
];

for (const { name, problem, criticalStep, steps, initScale } of cases) {
  const rng = new Rng(1);
  const starts = Array.from({ length: STARTS }, () => rng.normalVector(problem.dim, initScale));
  const sweep = (perLane: boolean) => (): void => {
    for (const ratio of [0.98, 1.02]) void runLanes(problem, ratio * criticalStep, starts, { maxSteps: steps, tailWindow: Math.ceil(steps / 5), perLane });
  };
  describe(`${name}: ${STARTS} starts, eta = 0.98 and 1.02 eta_c, T = ${steps}`, () => {
    bench('lane-wise gradients (gradLanes)', sweep(false), { iterations: 3, time: 0 });
    bench('start by start (grad per start)', sweep(true), { iterations: 3, time: 0 });
  });
}
