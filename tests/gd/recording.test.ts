/**
 * What a run records: a run told to record a subset of the series gives the same values, stop and
 * ends as the full recording (on runs that stop on the budget, the target, a stationary point, a
 * blow-up and an overflow); a series left out throws when read; each built-in measure declares
 * exactly the series it reads (its value and summary agree with a fully recorded run, and leaving
 * out any one of its series breaks it); and a claim's run records what its rhs may read.
 */
import { describe, expect, it } from 'vitest';
import { claim } from '../../src/claims/claim.js';
import { evaluateClaim } from '../../src/claims/evaluate.js';
import { family, uniform } from '../../src/claims/family.js';
import {
  distanceAt,
  firstHit,
  gapAt,
  minGradNorm,
  sharpnessAt,
  trajectoryMeasure,
  type Measure,
  type MeasureContext,
  type Runner,
} from '../../src/claims/measures.js';
import { additiveGaussianNoise } from '../../src/gd/oracles.js';
import { run, type GradientOracle, type RunOptions } from '../../src/gd/run.js';
import { norm2 } from '../../src/linalg/kernels.js';
import { Rng } from '../../src/util/random.js';
import { runHighPrecision } from '../../src/gd/runHighPrecision.js';
import { endsOf, RUN_SERIES, type RunSeries, type Trajectory } from '../../src/gd/trajectory.js';
import { coshExtremal } from '../../src/problems/cosh.js';
import { evenPower } from '../../src/problems/power.js';
import type { Problem } from '../../src/problems/problem.js';
import { quadratic } from '../../src/problems/quadratic.js';
import { constant, h0h1Warmup, linearWarmup, polyak, schedule, type Schedule } from '../../src/schedules/index.js';
import { InputError } from '../../src/util/errors.js';

const rotated = quadratic({ eigenvalues: [0.1, 0.5, 1, 2, 4], seed: 3, center: [1, -1, 0.5, 0, 2] });

interface Case {
  readonly name: string;
  readonly problem: Problem;
  readonly schedule: Schedule;
  readonly x0: number[];
  readonly options: RunOptions;
  readonly stop: Trajectory['stop'];
  readonly divergence?: 'blow-up' | 'non-finite';
  /** A fresh seeded oracle for each run (an oracle's generator moves on as it is used). */
  readonly oracle?: () => GradientOracle;
}

const cases: Case[] = [
  { name: 'budget', problem: rotated, schedule: constant(0.3), x0: [0, 0, 0, 0, 0], options: { maxSteps: 40, iterateEvery: 7 }, stop: 'budget' },
  { name: 'target gap', problem: rotated, schedule: polyak(), x0: [3, 1, -2, 0, 1], options: { maxSteps: 5000, targetGap: 1e-6 }, stop: 'target' },
  { name: 'stationary start', problem: rotated, schedule: constant(0.3), x0: [1, -1, 0.5, 0, 2], options: { maxSteps: 10 }, stop: 'stationary' },
  { name: 'adaptive steps', problem: coshExtremal({ H0: 1, H1: 1, dim: 2 }), schedule: h0h1Warmup({ H0: 1, H1: 1 }), x0: [3, -2], options: { maxSteps: 60 }, stop: 'budget' },
  { name: 'blow-up', problem: evenPower({ k: 2 }), schedule: constant(1), x0: [2], options: { maxSteps: 100 }, stop: 'diverged', divergence: 'blow-up' },
  {
    name: 'overflow',
    problem: evenPower({ k: 2 }),
    schedule: linearWarmup({ initial: 0.5, peak: 1, warmupSteps: 10 }),
    x0: [2],
    options: { maxSteps: 100, blowUpFactor: 1e300, maxAbsCoordinate: 1e300 },
    stop: 'diverged',
    divergence: 'non-finite',
  },
  // A run that does not record the gradient norm decides by the sum of squares, and takes the exact
  // norm where the sums are too close to order the norms, or outside the range where they decide alike:
  { name: 'equal gradients (step 0)', problem: rotated, schedule: schedule('zero', () => 0), x0: [3, 1, -2, 0, 1], options: { maxSteps: 12 }, stop: 'budget' },
  { name: 'gradients down to the underflow floor', problem: quadratic({ eigenvalues: [0.5, 0.25], seed: 1 }), schedule: constant(1), x0: [1, -1], options: { maxSteps: 5000 }, stop: 'underflow' },
  {
    name: 'sums of squares above 2^1000',
    problem: evenPower({ k: 1, dim: 2 }),
    schedule: constant(0.1),
    x0: [5e150, -3e150],
    options: { maxSteps: 40, blowUpFactor: 1e300, maxAbsCoordinate: 1e300 },
    stop: 'budget',
  },
  {
    name: 'stochastic directions',
    problem: rotated,
    schedule: constant(0.2),
    x0: [3, 1, -2, 0, 1],
    options: { maxSteps: 60 },
    oracle: () => additiveGaussianNoise(0.5, 7),
    stop: 'budget',
  },
];

/** Every subset of the default series, and each with sharpness and distance. */
const subsets: RunSeries[][] = [[], ['gap'], ['gradNorm'], ['stepSize'], ['gap', 'gradNorm'], ['gap', 'stepSize'], ['gradNorm', 'stepSize'], ['sharpness'], ['distance'], [...RUN_SERIES]];

describe('recording a subset of the series', () => {
  for (const c of cases) {
    it(`${c.name}: every subset records the full run's values, stop, ends and iterates`, () => {
      const withOracle = (options: RunOptions): RunOptions => (c.oracle ? { ...options, oracle: c.oracle() } : options);
      const full = run(c.problem, c.schedule, c.x0, withOracle({ ...c.options, record: [...RUN_SERIES] }));
      expect(full.stop).toBe(c.stop);
      expect(full.divergence?.reason).toBe(c.divergence);
      expect(full.ends).toEqual(endsOf(full.gap, full.gradNorm, full.stepSize));
      for (const record of subsets) {
        const part = run(c.problem, c.schedule, c.x0, withOracle({ ...c.options, record }));
        expect(part.steps).toBe(full.steps);
        expect(part.stop).toBe(full.stop);
        expect(part.divergence).toEqual(full.divergence);
        expect(part.ends).toEqual(full.ends);
        expect(part.xFinal).toEqual(full.xFinal);
        expect(part.iterates).toEqual(full.iterates);
        for (const name of RUN_SERIES) {
          if (record.includes(name)) {
            expect(part[name], name).toEqual(full[name]);
          } else if (name === 'sharpness' || name === 'distance') {
            expect(part[name], name).toBeUndefined();
          } else {
            expect(() => part[name], name).toThrow(new RegExp(`did not record ${name}`));
            expect(() => part[name]).toThrow(InputError);
          }
        }
      }
    });
  }

  it('without `record`, a run records gap, gradient norm and step size, and the flags add sharpness and distance', () => {
    const plain = run(rotated, constant(0.3), [0, 0, 0, 0, 0], { maxSteps: 5 });
    expect([plain.gap.length, plain.gradNorm.length, plain.stepSize.length]).toEqual([6, 6, 5]);
    expect(plain.sharpness).toBeUndefined();
    const flagged = run(rotated, constant(0.3), [0, 0, 0, 0, 0], { maxSteps: 5, recordSharpness: true, recordDistance: true, record: [] });
    expect(flagged.sharpness![0]).toBeCloseTo(4, 12);
    expect(flagged.distance![0]).toBeCloseTo(Math.hypot(1, -1, 0.5, 0, 2), 14);
    expect(() => flagged.gap).toThrow(InputError);
  });

  it('a trajectory with series left out spreads and clones without them', () => {
    const part = run(rotated, constant(0.3), [0, 0, 0, 0, 0], { maxSteps: 5, record: ['gap'] });
    expect(Object.keys({ ...part })).not.toContain('gradNorm');
    expect(structuredClone(part).gap).toEqual(part.gap);
  });

  it('an unknown series is bad input that names it', () => {
    expect(() => run(rotated, constant(0.3), [0, 0, 0, 0, 0], { maxSteps: 5, record: ['gaps' as RunSeries] })).toThrow(/unknown series gaps/);
  });

  it('a series grows with the run: a long budget stopped early allocates little', () => {
    const early = run(rotated, polyak(), [3, 1, -2, 0, 1], { maxSteps: 1_000_000, targetGap: 1e-3, record: ['gap'] });
    expect(early.stop).toBe('target');
    expect(early.gap.buffer.byteLength).toBeLessThanOrEqual(8 * 1024);
    const long = run(rotated, constant(0.3), [0, 0, 0, 0, 0], { maxSteps: 5000 });
    expect(long.gap.length).toBe(5001);
    expect(long.gap).toEqual(run(rotated, constant(0.3), [0, 0, 0, 0, 0], { maxSteps: 5000, record: ['gap'] }).gap);
  });

  it('the high-precision replay keeps the same ends as its series', () => {
    const replay = runHighPrecision(40)(rotated, constant(0.3), [0, 0, 0, 0, 0], { maxSteps: 20, record: ['gap'] });
    expect(replay.ends).toEqual(endsOf(replay.gap, replay.gradNorm, replay.stepSize));
  });
});

/**
 * A problem whose gradient at step t is the t-th of `gradients` whatever x is (f = 0): the run's
 * least gradient norm can be checked against the norms of vectors chosen to be hard to order.
 */
function prescribedGradients(gradients: readonly Float64Array[]): Problem {
  let step = 0;
  return {
    name: 'prescribedGradients',
    dim: gradients[0].length,
    params: {},
    f: () => 0,
    grad(_x, out) {
      out.set(gradients[step++ % gradients.length]);
      return 0;
    },
    fStar: 0,
    constants: {},
  };
}

describe("the least gradient norm of a run that does not record the norms", () => {
  it('is the least of the exact norms, also among norms a few ulps apart and in any order', () => {
    const rng = new Rng(11);
    const base = rng.normalVector(7);
    for (const spread of [0, 2 ** -52, 2 ** -50, 2 ** -45, 1e-3]) {
      // Scaled and permuted copies of one vector: their sums of squares and their norms round differently.
      const gradients = Array.from({ length: 60 }, () => {
        const scale = 1 + spread * (2 * rng.uniform() - 1);
        const order = Array.from(base.keys()).sort(() => rng.uniform() - 0.5);
        return Float64Array.from(order, (i) => base[i] * scale);
      });
      const exactLeast = Math.min(...gradients.map((g) => norm2(g)));
      for (const record of [['gap'], ['gap', 'gradNorm']] as RunSeries[][]) {
        const trajectory = run(prescribedGradients(gradients), constant(1), new Float64Array(7), { maxSteps: gradients.length - 1, record });
        expect(trajectory.ends.minGradNorm, `spread ${spread}, recording ${record.join(', ')}`).toBe(exactLeast);
      }
    }
  });

  it('a schedule reading state.gradNorm gets the exact norm', () => {
    const read: number[] = [];
    const gradients = Array.from({ length: 5 }, (_, t) => Float64Array.from([3 + t, -4, 1e-3 * t]));
    const reading = schedule('reads the norm', (_t, state) => (read.push(state.gradNorm), 0.1));
    run(prescribedGradients(gradients), reading, [0, 0, 0], { maxSteps: 4, record: ['gap'] });
    expect(read).toEqual(gradients.slice(0, 4).map((g) => norm2(g)));
  });
});

/** A runner that records exactly `record` whatever the measure asks, or everything. */
const recording = (record: readonly RunSeries[]): Runner => (problem, schedule, x0, options) => run(problem, schedule, x0, { ...options, record });
const everything = recording(RUN_SERIES);

const instance = { problem: rotated, schedule: constant(0.3), x0: [3, 1, -2, 0, 1], horizon: 25 };
const builtIns: [string, Measure, MeasureContext['kind'], number?][] = [
  ['gapAt', gapAt(), 'upper'],
  ['minGradNorm', minGradNorm(), 'upper'],
  ['sharpnessAt', sharpnessAt(), 'upper'],
  ['distanceAt', distanceAt(), 'upper'],
  ['firstHit', firstHit(1e-4), 'upper', 200],
];

describe('each built-in measure declares exactly what it reads', () => {
  for (const [name, measure, kind, rhs] of builtIns) {
    it(`${name}: its declared series give the fully recorded run's value and summary; one fewer breaks it`, () => {
      const reads = measure.reads!;
      expect(reads).toBeDefined();
      const context = { kind, ...(rhs === undefined ? {} : { rhs }) };
      const declared = measure.evaluate(instance, { ...context, run: recording(reads) });
      const full = measure.evaluate(instance, { ...context, run: everything });
      expect(declared.value).toBe(full.value);
      expect(declared.trajectory).toEqual(full.trajectory);
      // Through the default runner it asks for its series itself.
      expect(measure.evaluate(instance, { ...context, run }).value).toBe(full.value);
      for (const left of reads) {
        const fewer = reads.filter((s) => s !== left);
        expect(() => measure.evaluate(instance, { ...context, run: recording(fewer) }), `${name} without ${left}`).toThrow();
      }
    });
  }

  it('a measure that declares nothing records the default series', () => {
    const asked: (readonly RunSeries[] | undefined)[] = [];
    const spy: Runner = (problem, schedule, x0, options) => (asked.push(options.record), run(problem, schedule, x0, options));
    const custom = trajectoryMeasure('max gap', (t) => Math.max(...t.gap));
    custom.evaluate(instance, { kind: 'upper', run: spy });
    expect(asked).toEqual([undefined]);
    expect(custom.reads).toBeUndefined();
  });
});

describe("a claim's run records what its rhs may read", () => {
  const points = family({ name: 'one quadratic', box: { s: uniform(0, 1) }, instance: () => instance });
  const source = { reference: 'test', result: 'test', version: 'test', provenance: 'derived' } as const;
  const records = (rhs: (...args: never[]) => number): (readonly RunSeries[] | undefined)[] => {
    const asked: (readonly RunSeries[] | undefined)[] = [];
    const spy: Runner = (problem, schedule, x0, options) => (asked.push(options.record), run(problem, schedule, x0, options));
    const c = claim({ id: 'test.records', title: 't', source, kind: 'upper', family: points, lhs: minGradNorm(), rhs: rhs as never, rhsLabel: 'b' });
    evaluateClaim(c, { s: 0.5 }, { run: spy });
    return asked;
  };

  it('an rhs of the instance alone: only the measure series', () => {
    expect(records(() => 10)).toEqual([['gradNorm']]);
  });

  it('an rhs that takes the run: the default series too, and it reads them', () => {
    let initialGap = NaN;
    const asked = records(((_i: unknown, _p: unknown, trajectory: Trajectory) => (initialGap = trajectory.gap[0]) * 10) as never);
    expect(asked).toEqual([['gradNorm', 'gap', 'stepSize']]);
    expect(initialGap).toBeGreaterThan(0);
  });
});
