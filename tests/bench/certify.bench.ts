/**
 * Certification replays on a d = 100 seeded quadratic (constant step 1.5, lambda in [0.01, 1)):
 * the ball double-double replay of 1000 steps against the BigNumber replay at 40 digits, which is
 * too slow for 1000 steps in a benchmark and runs 20 (compare per step: its time x 50), and the
 * float64 run of 1000 steps as the baseline, all measured in the same run. The 20x50x20 linear net
 * (100 samples, step 1e-4; scripts/certificationNet.ts) has no ball model: its shadow double-double replay of 1000 steps and its
 * BigNumber replay at 40 digits of 3 steps, against its float64 run of 1000 steps. Also the building block
 * against the npm package `double-double` (3.0.2, the same Joldes-Muller-Popescu algorithms, one
 * new [lo, hi] array per operation): a length-100 dot product of doubles with double-doubles, the
 * package computing the midpoint only and `DotAccumulator` the midpoint and the radius.
 */
import { ddAddDd, ddMultDouble2 } from 'double-double';
import { bench, describe } from 'vitest';
import { replayInBalls } from '../../src/gd/runBall.js';
import { DotAccumulator, result } from '../../src/linalg/ddBall.js';
import { run } from '../../src/gd/run.js';
import { runHighPrecision } from '../../src/gd/runHighPrecision.js';
import { quadratic } from '../../src/problems/quadratic.js';
import { constant } from '../../src/schedules/index.js';
import { CERTIFICATION_NET_STEP, certificationNet } from '../../scripts/certificationNet.js';

const d = 100;
const problem = quadratic({
  eigenvalues: Array.from({ length: d }, (_, i) => 0.01 + i / d),
  seed: 3,
  center: Array.from({ length: d }, (_, i) => Math.sin(i)),
});
const x0 = Array.from({ length: d }, (_, i) => 2 * Math.cos(3 * i));
const schedule = constant(1.5);
const bigNumber40 = runHighPrecision(40);

describe('certification replay, quadratic d = 100', () => {
  bench('float64 run, 1000 steps', () => void run(problem, schedule, x0, { maxSteps: 1000 }), { iterations: 5, time: 0 });
  bench('ball double-double replay, 1000 steps', () => {
    if (!replayInBalls(problem, schedule, x0, { maxSteps: 1000 }).decided) throw new Error('undecided');
  }, { iterations: 5, time: 0 });
  bench('BigNumber replay at 40 digits, 20 steps', () => void bigNumber40(problem, schedule, x0, { maxSteps: 20 }), { iterations: 3, time: 0 });
});

const { net, x0: netStart } = certificationNet();
const netSchedule = constant(CERTIFICATION_NET_STEP);

describe('certification replay, linear net 20x50x20, 100 samples', () => {
  bench('float64 run, 1000 steps', () => void run(net, netSchedule, netStart, { maxSteps: 1000 }), { iterations: 5, time: 0 });
  bench('shadow double-double replay, 1000 steps', () => {
    if (!replayInBalls(net, netSchedule, netStart, { maxSteps: 1000 }).decided) throw new Error('undecided');
  }, { iterations: 3, time: 0 });
  bench('BigNumber replay at 40 digits, 3 steps', () => void bigNumber40(net, netSchedule, netStart, { maxSteps: 3 }), { iterations: 3, time: 0 });
});

const terms = 100;
const coefficients = Float64Array.from({ length: terms }, (_, i) => Math.sin(i + 1));
const highs = Float64Array.from({ length: terms }, (_, i) => Math.cos(i));
const lows = highs.map((v) => v * 1e-17);
const pairs = Array.from({ length: terms }, (_, i) => [lows[i], highs[i]]);
const accumulator = new DotAccumulator();
let sink = 0;

describe('dot product of 100 doubles with double-doubles, 1000 times', () => {
  bench('npm double-double (midpoint only, an array per operation)', () => {
    for (let r = 0; r < 1000; r++) {
      let s = [0, 0];
      for (let i = 0; i < terms; i++) s = ddAddDd(s, ddMultDouble2(coefficients[i], pairs[i]));
      sink += s[1];
    }
  }, { iterations: 20, time: 0 });
  bench('DotAccumulator on Float64Arrays (midpoint and radius)', () => {
    for (let r = 0; r < 1000; r++) {
      accumulator.reset();
      for (let i = 0; i < terms; i++) accumulator.addScaled(coefficients[i], highs[i], lows[i], 0);
      accumulator.finish();
      sink += result.hi;
    }
  }, { iterations: 20, time: 0 });
});
