/**
 * The ball double-double replay on seeded quadratics: it records exactly what the BigNumber
 * replay at 40 digits records (both are the exact run rounded to float64), agrees with the float64
 * kernels' run to rounding, and its bounds hold the 80-digit values.
 */
import { describe, expect, it } from 'vitest';
import { replayInBalls } from '../../src/gd/runBall.js';
import { run } from '../../src/gd/run.js';
import { runHighPrecision } from '../../src/gd/runHighPrecision.js';
import { quadratic } from '../../src/problems/quadratic.js';
import { constant } from '../../src/schedules/basic.js';

const dim = 12;
const problem = quadratic({
  eigenvalues: Array.from({ length: dim }, (_, i) => 0.05 + i / dim),
  seed: 5,
  center: Array.from({ length: dim }, (_, i) => Math.sin(i + 1)),
  offset: 0.25,
});
const x0 = Array.from({ length: dim }, (_, i) => 2 * Math.cos(3 * i));
const schedule = constant(1.4);
const options = { maxSteps: 60, recordDistance: true };

describe('ball replay of a seeded quadratic', () => {
  const ball = replayInBalls(problem, schedule, x0, options);
  const big40 = runHighPrecision(40)(problem, schedule, x0, options);
  const big80 = runHighPrecision(80)(problem, schedule, x0, options);
  const float64 = run(problem, schedule, x0, options);

  it('decides every value it hands on', () => {
    expect(ball.decided).toBe(true);
    expect(ball.maxRelativeRadius).toBeLessThan(1e-20);
  });

  it('records what the 40-digit BigNumber replay records, bit for bit', () => {
    expect(Array.from(ball.trajectory.gap)).toEqual(Array.from(big40.gap));
    expect(Array.from(ball.trajectory.gradNorm)).toEqual(Array.from(big40.gradNorm));
    expect(Array.from(ball.trajectory.distance!)).toEqual(Array.from(big40.distance!));
    expect(Array.from(ball.trajectory.xFinal)).toEqual(Array.from(big40.xFinal));
  });

  it('holds the 80-digit values in its bounds', () => {
    for (let t = 0; t <= ball.trajectory.steps; t++) {
      expect(ball.gap.lower[t]).toBeLessThanOrEqual(big80.gap[t]);
      expect(ball.gap.upper[t]).toBeGreaterThanOrEqual(big80.gap[t]);
      expect(ball.gradNorm.lower[t]).toBeLessThanOrEqual(big80.gradNorm[t]);
      expect(ball.gradNorm.upper[t]).toBeGreaterThanOrEqual(big80.gradNorm[t]);
    }
  });

  it('agrees with the float64 run to rounding', () => {
    expect(ball.trajectory.steps).toBe(float64.steps);
    for (let t = 0; t <= ball.trajectory.steps; t++) {
      expect(Math.abs(ball.trajectory.gap[t] - float64.gap[t])).toBeLessThanOrEqual(1e-12 * float64.gap[0]);
    }
  });

  it('the broken twin: a ball model of a quadratic one eigenvalue off by 2^-40 relative is caught', () => {
    const eigenvalues = Array.from({ length: dim }, (_, i) => 0.05 + i / dim);
    eigenvalues[3] *= 1 + 2 ** -40;
    const other = quadratic({ eigenvalues, seed: 5, center: Array.from({ length: dim }, (_, i) => Math.sin(i + 1)), offset: 0.25 });
    const wrong = replayInBalls({ ...problem, ballModel: () => other.ballModel!() }, schedule, x0, options);
    expect(wrong.decided).toBe(true);
    expect(Array.from(wrong.trajectory.gap)).not.toEqual(Array.from(big40.gap));
    const missed = big80.gap.some((g, t) => g < wrong.gap.lower[t] || g > wrong.gap.upper[t]);
    expect(missed).toBe(true);
  });

  it('an undecided value at x_0 (||grad|| = 3 x 1.3, exactly halfway between two doubles) is reported, not thrown', () => {
    const tie = replayInBalls(quadratic({ eigenvalues: [3] }), constant(0.1), [1.3], { maxSteps: 5 });
    expect(tie.decided).toBe(false);
    expect(tie.undecided).toBe('gradNorm at step 0');
  });

  it('says which value it cannot decide: an overflowing run (step 1e200) leaves no finite ball', () => {
    const blowUp = replayInBalls(problem, constant(1e200), x0, { maxSteps: 3 });
    expect(blowUp.decided).toBe(false);
    expect(blowUp.undecided).toMatch(/step/);
  });
});
