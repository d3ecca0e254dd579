/**
 * A claim's rhs reads the measure's run: the run the measure read (float64 in the search, the
 * high-precision replay's when certifying), `undefined` for measures that need the bound first.
 */
import { describe, expect, it } from 'vitest';
import { claim, constant, family, firstHit, gapAt, logUniform, pointwise, quadratic, type Trajectory } from '../../src/index.js';
import { evaluateClaim } from '../../src/claims/evaluate.js';
import { certify } from '../../src/search/certify.js';
import { runHighPrecision } from '../../src/gd/runHighPrecision.js';

const N = 20;
const source = { reference: 'test', result: 'test', version: 'test', provenance: 'derived' } as const;
const quadratics = family({
  name: 'quadratic(L, 1)',
  box: { L: logUniform(1, 10) },
  instance: ({ L }) => ({ problem: quadratic({ eigenvalues: [L, 1] }), x0: [1, 1], schedule: constant(1 / L), horizon: N }),
});

describe('rhs(instance, params, run)', () => {
  it("gets the measure's own run, and a bound written on it (4L (f(x_0) - f(x_N)) / (3N)) evaluates", () => {
    const runs: Trajectory[] = [];
    const descent = claim({
      id: 'test.descent',
      title: 'min gap after N steps below 4L (f(x_0) - f(x_N)) / (3N)',
      source,
      kind: 'upper',
      family: quadratics,
      lhs: gapAt(),
      rhs: (_instance, { L }, run) => {
        runs.push(run);
        return (4 * L * (run.gap[0] - run.gap[run.steps])) / (3 * run.steps);
      },
      rhsLabel: '4L (f(x_0) - f(x_N)) / (3N)',
    });
    const e = evaluateClaim(descent, { L: 4 });
    expect(runs).toHaveLength(1);
    expect(runs[0].steps).toBe(N);
    expect(e.lhs).toBe(runs[0].gap[N]);
    // gap_0 = (L + 1)/2, gap_N = (0.75^(2N)) / 2 along the second coordinate (step 1/L = 1/4).
    const gapN = 0.75 ** (2 * N) / 2;
    expect(e.lhs).toBeCloseTo(gapN, 15);
    expect(e.rhs).toBeCloseTo((16 * (2.5 - gapN)) / (3 * N), 12);
    expect(e.status).toBe('holds');
  });

  it('the high-precision replay re-evaluates the rhs on the replayed run', () => {
    const runs: Trajectory[] = [];
    // Violated on purpose: the bound is the replayed run's own gap, shrunk by 1e-6.
    const tooTight = claim({
      id: 'test.tight',
      title: 'gap below itself',
      source,
      kind: 'upper',
      family: quadratics,
      lhs: gapAt(),
      rhs: (_instance, _params, run) => {
        runs.push(run);
        return run.gap[run.steps] * (1 - 1e-6);
      },
      rhsLabel: 'f(x_N) - f* (1 - 1e-6)',
    });
    const params = { L: 3 };
    const found = evaluateClaim(tooTight, params);
    expect(found.status).toBe('violated');
    const certificate = certify(tooTight, found, 1e-9, { method: 'bignumber' });
    expect(certificate.status).toBe('certified');
    expect(runs).toHaveLength(3);
    const instance = quadratics.instance(params);
    for (const [i, digits] of [40, 80].entries()) {
      const replay = runHighPrecision(digits)(instance.problem, instance.schedule, instance.x0, { maxSteps: N });
      expect(runs[i + 1].gap).toEqual(replay.gap);
      expect(certificate.replays[i].rhs).toBe(replay.gap[N] * (1 - 1e-6));
    }
  });

  it('a ball that cannot tell which way a value rounds sends the certification to BigNumber', () => {
    // x_1 = (2^-54, 1 - fl(1/3)): the second coordinate is exactly halfway between two doubles, and
    // ||grad f(x_1)|| lies 3e-32 relative above it, closer than a double-double ball can tell.
    const tight = claim({
      id: 'test.tie',
      title: 'gap below itself',
      source,
      kind: 'upper',
      family: quadratics,
      lhs: gapAt(),
      rhs: (_instance, _params, run) => run.gap[run.steps] * (1 - 1e-6),
      rhsLabel: 'f(x_N) - f* (1 - 1e-6)',
    });
    const found = evaluateClaim(tight, { L: 3 });
    const certificate = certify(tight, found, 1e-9);
    expect(certificate.reason).toMatch(/^ball double-double undecided \(the ball of gradNorm at step 1 straddles a rounding boundary\)/);
    expect(certificate.method).toBe('high-precision replay');
    expect(certificate.status).toBe('certified');
    expect(certificate.replays.map((r) => r.digits)).toEqual([40, 80]);
    // At L = 2 nothing is near a rounding boundary: the balls decide.
    const decided = certify(tight, evaluateClaim(tight, { L: 2 }), 1e-9);
    expect(decided.method, decided.reason).toBe('ball double-double');
    expect(decided.status).toBe('certified');
  });

  it("a bound that is NaN at the balls' ends (the square root of a gap whose ball reaches below 0) sends the certification to BigNumber", () => {
    const landing = family({
      name: 'step 1 on x^2/2 lands on 0',
      box: { c: logUniform(1, 2) },
      instance: () => ({ problem: quadratic({ eigenvalues: [1] }), x0: [1], schedule: constant(1), horizon: 1 }),
    });
    const sqrtBound = claim({
      id: 'test.sqrt-gap',
      title: 'gap below sqrt(gap) - 1',
      source,
      kind: 'upper',
      family: landing,
      lhs: gapAt(),
      rhs: (_instance, _params, run) => Math.sqrt(run.gap[run.steps]) - 1,
      rhsLabel: 'sqrt(f(x_1) - f*) - 1',
    });
    const found = evaluateClaim(sqrtBound, { c: 1 });
    expect(found.status).toBe('violated');
    const certificate = certify(sqrtBound, found, 1e-9);
    expect(certificate.reason).toMatch(/^ball double-double undecided \(the claim cannot be evaluated at the balls' ends: .*rhs returned NaN/);
    expect(certificate.method).toBe('high-precision replay');
    expect(certificate.status).toBe('certified');
  });

  it('is undefined for a measure that needs the bound first (firstHit) and for pointwise measures, and the rhs comes first there', () => {
    const calls: string[] = [];
    const hits = claim({
      id: 'test.hit',
      title: 'K(1e-3) upper bound',
      source,
      kind: 'upper',
      family: quadratics,
      lhs: firstHit(1e-3),
      rhs: (_instance, { L }, run) => {
        calls.push(`rhs ${String(run)}`);
        return 10 * L;
      },
      rhsLabel: '10 L',
    });
    expect(evaluateClaim(hits, { L: 2 }).status).toBe('holds');
    expect(calls).toEqual(['rhs undefined']);
    const atStart = claim({
      id: 'test.point',
      title: 'f(x0) >= 0',
      source,
      kind: 'lower',
      family: quadratics,
      lhs: pointwise('f(x0)', ({ problem }) => {
        calls.push('lhs');
        return problem.f(Float64Array.of(1, 1));
      }),
      rhs: (_instance, _params, run) => {
        calls.push(`rhs ${String(run)}`);
        return 0;
      },
      rhsLabel: '0',
    });
    expect(evaluateClaim(atStart, { L: 2 }).status).toBe('holds');
    expect(calls.slice(1)).toEqual(['lhs', 'rhs undefined']);
  });

  it('a NaN bound read off a run that blew up gives the diverged verdict, not an error', () => {
    const tooLong = claim({
      id: 'test.blow-up',
      title: 'step 3/L blows up',
      source,
      kind: 'upper',
      family: family({
        name: 'quadratic(L, 1), step 3/L',
        box: { L: logUniform(1, 10) },
        instance: ({ L }) => ({ problem: quadratic({ eigenvalues: [L, 1] }), x0: [1, 1], schedule: constant(3 / L), horizon: 200 }),
      }),
      lhs: gapAt(),
      rhs: (_instance, _params, run) => Math.sqrt(run.gap[0] - run.gap[run.steps]),
      rhsLabel: 'sqrt(f(x_0) - f(x_N))',
    });
    const e = evaluateClaim(tooLong, { L: 2 });
    expect(e.status).toBe('diverged');
    expect(e.rhs).toBeNaN();
    expect(e.margin).toBe(Infinity);
    expect(e.trajectory?.stop).toBe('diverged');
  });
});
