/**
 * How far the shadow double-double replay decides on the certification benchmark's linear net
 * (scripts/certificationNet.ts): for a few constant steps and budgets, the steps replayed before
 * the first undecided value (or all), that value, and the largest relative radius of a recorded
 * value. `npx tsx scripts/shadow-reach.ts` prints a markdown table.
 */
import { replayInBalls } from '../src/gd/runBall.js';
import { largestEigenvalue } from '../src/linalg/spectral.js';
import { constant } from '../src/schedules/index.js';
import { certificationNet } from './certificationNet.js';

const { net, x0 } = certificationNet();
console.log(`sharpness at x_0: ${largestEigenvalue(net, Float64Array.from(x0)).toPrecision(4)}\n`);
console.log('| step | steps asked | steps decided | first undecided value | largest relative radius |');
console.log('| --- | --- | --- | --- | --- |');
for (const [eta, steps] of [[1e-4, 1000], [1e-4, 4000], [1e-3, 1000], [3e-3, 1000]] as const) {
  const replay = replayInBalls(net, constant(eta), x0, { maxSteps: steps });
  console.log(`| ${eta} | ${steps} | ${replay.trajectory.steps} | ${replay.undecided ?? 'none'} | ${replay.maxRelativeRadius.toExponential(1)} |`);
}
