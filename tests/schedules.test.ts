import { describe, expect, it } from 'vitest';
import { run } from '../src/gd/run.js';
import type { Problem } from '../src/problems/problem.js';
import {
  constant,
  cosineDecay,
  exactLineSearchQuadratic,
  formatNumber,
  h0h1Warmup,
  linearWarmup,
  localSmoothness,
  minimum,
  piecewise,
  polyak,
  rhoK0KrhoWarmup,
  scaled,
  stepDecay,
  warmupThenDecay,
  type Schedule,
  type StepState,
} from '../src/schedules/index.js';
import { InputError } from '../src/util/errors.js';
import { quadratic } from '../src/problems/quadratic.js';

/** f(w) = cosh(w) - 1, (H0,H1) = (1,1), gap computed as 2 sinh(w/2)^2. */
const cosh: Problem = {
  name: 'cosh(test)',
  dim: 1,
  params: {},
  f: (x) => Math.cosh(x[0]) - 1,
  grad: (x, out) => {
    out[0] = Math.sinh(x[0]);
    return Math.cosh(x[0]) - 1;
  },
  gap: (x) => 2 * Math.sinh(x[0] / 2) ** 2,
  fStar: 0,
  constants: {},
};

/** A step state with the given gap and gradient norm (the rules under test read nothing else). */
function stateWith(gap: number, gradNorm = 1): StepState {
  return { x: new Float64Array(1), grad: new Float64Array([gradNorm]), f: gap, gap, gradNorm, problem: cosh };
}

const ANY_STATE = stateWith(1);

function expectRelativelyClose(actual: number, expected: number, tolerance = 1e-14): void {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.abs(expected));
}

function expectInputError(build: () => unknown, message: string | RegExp): void {
  expect(build).toThrow(InputError);
  expect(build).toThrow(message);
}

function valuesAt(s: Schedule, steps: number[], state = ANY_STATE): number[] {
  return steps.map((t) => s(t, state));
}

describe('time-based schedules', () => {
  it('constant', () => {
    expect(valuesAt(constant(0.1), [0, 1, 1000])).toEqual([0.1, 0.1, 0.1]);
  });

  it('linearWarmup rises linearly from initial to peak, then stays', () => {
    expect(valuesAt(linearWarmup({ peak: 0.1, warmupSteps: 10 }), [0, 5, 10, 20])).toEqual([0, 0.05, 0.1, 0.1]);
    const fromInitial = linearWarmup({ peak: 0.1, warmupSteps: 10, initial: 0.02 });
    const [at0, at4, at10] = valuesAt(fromInitial, [0, 4, 10]);
    expect(at0).toBe(0.02);
    expectRelativelyClose(at4, 0.02 + 0.08 * 0.4);
    expect(at10).toBe(0.1);
  });

  it('cosineDecay follows half a cosine from peak to floor', () => {
    const [at0, at25, at50, at100, at200] = valuesAt(cosineDecay({ peak: 1, decaySteps: 100 }), [0, 25, 50, 100, 200]);
    expect(at0).toBe(1);
    expectRelativelyClose(at25, (1 + Math.SQRT1_2) / 2);
    expectRelativelyClose(at50, 0.5);
    expect(at100).toBe(0);
    expect(at200).toBe(0);
    const withFloor = cosineDecay({ peak: 1, decaySteps: 100, floor: 0.1 });
    expectRelativelyClose(withFloor(50, ANY_STATE), 0.55);
    expectRelativelyClose(withFloor(100, ANY_STATE), 0.1);
  });

  it('stepDecay multiplies by factor every `every` steps', () => {
    expect(valuesAt(stepDecay({ initial: 1, factor: 0.5, every: 10 }), [0, 9, 10, 19, 25, 30])).toEqual([
      1, 1, 0.5, 0.5, 0.25, 0.125,
    ]);
  });
});

describe('state-based schedules', () => {
  it('polyak: scale * gap / ||grad||^2, and 0 at a zero gradient', () => {
    expect(polyak()(0, stateWith(2, 2))).toBe(0.5);
    expect(polyak({ scale: 0.5 })(0, stateWith(2, 2))).toBe(0.25);
    expect(polyak()(0, stateWith(3, 0))).toBe(0);
    expect(polyak()(0, stateWith(-1e-17, 1))).toBe(0);
  });

  it('exactLineSearchQuadratic: ||g||^2 / g^T H g, the minimizer along -g, and 0 at a zero gradient', () => {
    const problem = quadratic({ eigenvalues: [1, 4] });
    const at = (x: number[]): StepState => {
      const grad = new Float64Array(2);
      const f = problem.grad(Float64Array.from(x), grad);
      return { x: Float64Array.from(x), grad, f, gap: f, gradNorm: Math.hypot(grad[0], grad[1]), problem };
    };
    // At (1, 1): g = (1, 4), ||g||^2 = 17, g^T H g = 1 + 64 = 65; the new gradient (48, -12)/65 is orthogonal to g.
    expectRelativelyClose(exactLineSearchQuadratic()(0, at([1, 1])), 17 / 65);
    // Scaled by 1e-200, g^T H g alone would underflow to 0.
    expectRelativelyClose(exactLineSearchQuadratic()(0, at([1e-200, 1e-200])), 17 / 65);
    expect(exactLineSearchQuadratic()(0, at([0, 0]))).toBe(0);
    // Kantorovich's worst case x0 = (1/mu, 1/L): the gap contracts by ((L - mu)/(L + mu))^2 = 0.36 at every step.
    const trajectory = run(problem, exactLineSearchQuadratic(), [1, 1 / 4], { maxSteps: 3 });
    expectRelativelyClose(trajectory.gap[3] / trajectory.gap[0], 0.36 ** 3, 1e-13);
    expectInputError(() => exactLineSearchQuadratic()(0, stateWith(1)), /needs the problem's Hessian/);
    expectInputError(() => exactLineSearchQuadratic()(0, { ...at([1, 1]), problem: quadratic({ eigenvalues: [0, 0] }) }), /no minimum along the direction/);
  });

  it('localSmoothness: scale / K_t, rejecting a non-positive estimate', () => {
    const rule = localSmoothness({ estimate: (state) => 4 + state.gap });
    expect(rule(0, stateWith(1))).toBe(0.2);
    expect(localSmoothness({ estimate: () => 5, scale: 0.5 })(0, ANY_STATE)).toBe(0.1);
    expect(localSmoothness({ estimate: () => Infinity })(0, ANY_STATE)).toBe(0);
    expectInputError(() => localSmoothness({ estimate: () => 0 })(3, ANY_STATE), 'must be positive, got 0 at t=3');
    expectInputError(() => localSmoothness({ estimate: () => NaN })(0, ANY_STATE), 'got NaN');
  });

  it('h0h1Warmup: 1 / (10 H0 + 20 H1 gap)', () => {
    const rule = h0h1Warmup({ H0: 1, H1: 1 });
    expect(rule(0, stateWith(9.07))).toBe(1 / (10 + 181.4));
    expect(rule(0, stateWith(0))).toBe(0.1);
    expect(h0h1Warmup({ H0: 2, H1: 0.5 })(0, stateWith(3))).toBe(1 / 50);
    // As the gap falls, the step rises (the warm-up shape).
    const steps = [100, 10, 1, 0.1].map((gap) => rule(0, stateWith(gap)));
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
  });

  it('rhoK0KrhoWarmup on the x^4 constants (rho=1/2, K0=0, Krho=12, c=1)', () => {
    const rule = rhoK0KrhoWarmup({ rho: 0.5, K0: 0, Krho: 12, c: 1 });
    for (const gap of [1e-6, 0.01, 1, 81, 1e4]) {
      expectRelativelyClose(rule(0, stateWith(gap)), 1 / (Math.sqrt(3) * 12 * Math.sqrt(gap)), 1e-15);
    }
    // K0 = 0 at gap 0: both terms of the min are infinite; no NaN.
    expect(rule(0, stateWith(0))).toBe(Infinity);
  });

  it('rhoK0KrhoWarmup takes the min of 1/K0 and 1/(3^rho Krho gap^rho), times c', () => {
    const rule = rhoK0KrhoWarmup({ rho: 1, K0: 1, Krho: 1, c: 0.5 });
    expect(rule(0, stateWith(0))).toBe(0.5); // the 1/(3 Krho gap) term is infinite
    expect(rule(0, stateWith(0.1))).toBe(0.5); // 1/K0 = 1 < 1/0.3
    expectRelativelyClose(rule(0, stateWith(1)), 0.5 / 3);
    const noKrho = rhoK0KrhoWarmup({ rho: 2, K0: 4, Krho: 0, c: 1 });
    expect(noKrho(0, stateWith(1e6))).toBe(0.25);
  });
});

describe('combinators', () => {
  const warmup = linearWarmup({ peak: 0.1, warmupSteps: 10 });
  const decay = cosineDecay({ peak: 0.1, decaySteps: 90 });

  it('warmupThenDecay runs the decay at t - switchStep', () => {
    const s = warmupThenDecay(warmup, decay, 10);
    const [at5, at10, at55, at100, at150] = valuesAt(s, [5, 10, 55, 100, 150]);
    expect(at5).toBe(0.05);
    expect(at10).toBe(0.1);
    expectRelativelyClose(at55, 0.05);
    expect(at100).toBe(0);
    expect(at150).toBe(0);
    expect(s.label).toBe('warmup(linear(peak=0.1,steps=10))@10->cosine(peak=0.1,steps=90)');
  });

  it('piecewise shifts each piece to start at 0', () => {
    const s = piecewise([
      { until: 100, schedule: constant(0.1) },
      { until: 200, schedule: stepDecay({ initial: 0.05, factor: 0.5, every: 10 }) },
      { schedule: constant(0.001) },
    ]);
    expect(valuesAt(s, [0, 99, 100, 109, 115, 199, 200, 10_000])).toEqual([
      0.1, 0.1, 0.05, 0.05, 0.025, 0.05 * 0.5 ** 9, 0.001, 0.001,
    ]);
    expect(s.label).toBe('piecewise(constant(0.1)@100,step(initial=0.05,factor=0.5,every=10)@200,constant(0.001))');
    expect(piecewise([{ schedule: constant(0.2) }])(7, ANY_STATE)).toBe(0.2);
  });

  it('scaled and minimum', () => {
    expect(scaled(0.5, constant(0.1))(3, ANY_STATE)).toBe(0.05);
    const capped = minimum(constant(0.05), h0h1Warmup({ H0: 1, H1: 1 }));
    expect(capped(0, stateWith(10))).toBe(1 / 210);
    expect(capped(0, stateWith(0))).toBe(0.05);
    expect(capped.label).toBe('min(constant(0.05),h0h1(H0=1,H1=1))');
    expect(scaled(2, warmupThenDecay(warmup, decay, 10)).label).toBe(
      'scaled(2,warmup(linear(peak=0.1,steps=10))@10->cosine(peak=0.1,steps=90))',
    );
  });

  it('combinators pass the step state through', () => {
    const s = warmupThenDecay(constant(1), scaled(0.5, polyak()), 2);
    expect(s(5, stateWith(2, 2))).toBe(0.25);
  });
});

describe('labels', () => {
  it('formatNumber prints at most 6 significant digits', () => {
    expect([0.1, 1 / 3, 1e-7, 12, 123_456_789, 0.1 + 0.2, 2 / 3, 0].map(formatNumber)).toEqual([
      '0.1',
      '0.333333',
      '1e-7',
      '12',
      '123457000',
      '0.3',
      '0.666667',
      '0',
    ]);
  });

  it('are short, deterministic and leave out defaults', () => {
    const build = (): string[] =>
      [
        constant(1 / 3),
        linearWarmup({ peak: 0.1, warmupSteps: 100 }),
        linearWarmup({ peak: 0.1, warmupSteps: 100, initial: 0 }),
        linearWarmup({ peak: 0.1, warmupSteps: 100, initial: 0.01 }),
        cosineDecay({ peak: 0.1, decaySteps: 900, floor: 1e-4 }),
        stepDecay({ initial: 0.1, factor: 0.5, every: 100 }),
        polyak(),
        polyak({ scale: 0.5 }),
        localSmoothness({ estimate: () => 1 }),
        localSmoothness({ estimate: () => 1, scale: 0.5, estimateLabel: 'hessianNorm' }),
        h0h1Warmup({ H0: 1, H1: 4 }),
        rhoK0KrhoWarmup({ rho: 2 / 3, K0: 0, Krho: 30, c: 0.5 }),
      ].map((s) => s.label);
    expect(build()).toEqual([
      'constant(0.333333)',
      'linear(peak=0.1,steps=100)',
      'linear(peak=0.1,steps=100)',
      'linear(peak=0.1,steps=100,initial=0.01)',
      'cosine(peak=0.1,steps=900,floor=0.0001)',
      'step(initial=0.1,factor=0.5,every=100)',
      'polyak',
      'polyak(scale=0.5)',
      'localSmoothness',
      'localSmoothness(K=hessianNorm,scale=0.5)',
      'h0h1(H0=1,H1=4)',
      'rhoK0Krho(rho=0.666667,K0=0,Krho=30,c=0.5)',
    ]);
    expect(build()).toEqual(build());
  });
});

describe('parameter validation', () => {
  it('names the parameter and the value', () => {
    expectInputError(() => constant(-1), 'eta must be positive, got -1');
    expectInputError(() => constant(NaN), 'eta must be a finite number, got NaN');
    expectInputError(() => constant(0), 'eta must be positive, got 0');
    expectInputError(() => linearWarmup({ peak: 0, warmupSteps: 10 }), 'peak must be positive');
    expectInputError(() => linearWarmup({ peak: 1, warmupSteps: 1.5 }), 'warmupSteps must be an integer >= 1, got 1.5');
    expectInputError(() => linearWarmup({ peak: 1, warmupSteps: 10, initial: -1 }), 'initial must be non-negative');
    expectInputError(() => cosineDecay({ peak: 1, decaySteps: 0 }), 'decaySteps must be an integer >= 1');
    expectInputError(() => cosineDecay({ peak: 1, decaySteps: 10, floor: 2 }), 'floor must be at most peak (1), got 2');
    expectInputError(() => stepDecay({ initial: 1, factor: 2, every: 10 }), 'factor must be at most 1');
    expectInputError(() => stepDecay({ initial: 1, factor: 0, every: 10 }), 'factor must be positive, got 0');
    expectInputError(() => stepDecay({ initial: 1, factor: 0.5, every: 0 }), 'every must be an integer >= 1');
    expectInputError(() => polyak({ scale: -1 }), 'scale must be positive, got -1');
    expectInputError(() => localSmoothness({ estimate: () => 1, scale: Infinity }), 'scale must be a finite number');
    expectInputError(() => h0h1Warmup({ H0: -1, H1: 1 }), 'H0 must be non-negative, got -1');
    expectInputError(() => h0h1Warmup({ H0: 1, H1: NaN }), 'H1 must be a finite number, got NaN');
    expectInputError(() => h0h1Warmup({ H0: 0, H1: 0 }), 'H0 and H1 must not both be zero');
    expectInputError(() => rhoK0KrhoWarmup({ rho: 0, K0: 1, Krho: 1, c: 1 }), 'rho must be positive, got 0');
    expectInputError(() => rhoK0KrhoWarmup({ rho: 1, K0: -1, Krho: 1, c: 1 }), 'K0 must be non-negative');
    expectInputError(() => rhoK0KrhoWarmup({ rho: 1, K0: 0, Krho: 0, c: 1 }), 'K0 and Krho must not both be zero');
    expectInputError(() => rhoK0KrhoWarmup({ rho: 1, K0: 1, Krho: 1, c: -2 }), 'c must be positive, got -2');
  });

  it('checks combinator arguments', () => {
    const ok = constant(0.1);
    const notASchedule = ((() => 1) as unknown) as Schedule;
    expectInputError(() => warmupThenDecay(ok, ok, 0), 'switchStep must be an integer >= 1, got 0');
    expectInputError(() => warmupThenDecay(ok, notASchedule, 5), 'decay must be a schedule');
    expectInputError(() => piecewise([] as unknown as Parameters<typeof piecewise>[0]), 'pieces must be a non-empty array');
    expectInputError(
      () => piecewise([{ until: 100, schedule: ok }, { until: 50, schedule: ok }, { schedule: ok }]),
      'pieces[1].until must be an integer >= 101, got 50',
    );
    expectInputError(
      () => piecewise([{ until: 100, schedule: ok }, { until: 200, schedule: ok }] as unknown as Parameters<typeof piecewise>[0]),
      'pieces[1].until must be absent',
    );
    expectInputError(() => piecewise([{ until: 10, schedule: notASchedule }, { schedule: ok }]), 'pieces[0].schedule must be a schedule');
    expectInputError(() => scaled(0, ok), 'factor must be positive, got 0');
    expectInputError(() => minimum(ok, notASchedule), 'b must be a schedule');
    expectInputError(() => scaled(2, notASchedule), 'inner must be a schedule');
  });
});

describe('with the GD runner', () => {
  it('h0h1Warmup gives eta_t = 1/(10 + 20 gap_t) along a cosh run, rising as the gap falls', () => {
    const trajectory = run(cosh, h0h1Warmup({ H0: 1, H1: 1 }), [3], { maxSteps: 20 });
    expect(trajectory.schedule).toBe('h0h1(H0=1,H1=1)');
    expectRelativelyClose(trajectory.gap[0], 9.067661995777765, 1e-15);
    for (let t = 0; t < trajectory.steps; t++) {
      expect(trajectory.stepSize[t]).toBe(1 / (10 + 20 * trajectory.gap[t]));
      if (t > 0) expect(trajectory.stepSize[t]).toBeGreaterThanOrEqual(trajectory.stepSize[t - 1]);
    }
  });
});
