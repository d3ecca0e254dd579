/**
 * Curvature against suboptimality along GD trajectories: the cosh extremal function satisfies
 * f'' = H0 + H1 f and f'^2 = 2 H0 f + H1 f^2 at every iterate, the envelope fit recovers (H0, H1)
 * from the trajectory, and on w^4 it returns a pair valid on every sampled point whose product
 * approaches the exact frontier H0 H1 = 36 (warmup-h0h1.md T2, T3).
 */
import { describe, expect, it } from 'vitest';
import { fitH0H1Envelope, hessianNormAlongPath, type CurvaturePair } from '../../src/estimate/index.js';
import { run } from '../../src/gd/run.js';
import { coshExtremal } from '../../src/problems/cosh.js';
import { evenPower } from '../../src/problems/power.js';
import type { Problem } from '../../src/problems/problem.js';
import { constant, h0h1Warmup } from '../../src/schedules/index.js';

function pairsAlong(problem: Problem, iterates: readonly Float64Array[]): CurvaturePair[] {
  const curvature = hessianNormAlongPath(problem, iterates);
  return iterates.map((x, i) => ({ gap: problem.gap!(x), curvature: curvature[i] }));
}

describe('cosh extremal function along an adaptive warm-up run', () => {
  for (const [H0, H1, w0] of [
    [1, 1, 3],
    [2, 0.5, 6],
    [0.3, 4, 2],
  ]) {
    it(`H0=${H0} H1=${H1} from w0=${w0}`, () => {
      const problem = coshExtremal({ H0, H1 });
      const trajectory = run(problem, h0h1Warmup({ H0, H1 }), [w0], { maxSteps: 300, iterateEvery: 1, targetGap: 1e-10 });
      const gradient = new Float64Array(1);
      let worstCurvature = 0;
      let worstSlope = 0;
      for (const { x } of trajectory.iterates) {
        const f = problem.gap!(x);
        problem.grad(x, gradient);
        const curvature = problem.hess!(x)[0];
        worstCurvature = Math.max(worstCurvature, Math.abs(curvature - (H0 + H1 * f)) / (H0 + H1 * f));
        const slopeSquared = gradient[0] ** 2;
        const identity = 2 * H0 * f + H1 * f * f;
        if (identity > 0) worstSlope = Math.max(worstSlope, Math.abs(slopeSquared - identity) / identity);
      }
      console.log(`cosh H0=${H0} H1=${H1}: f''=H0+H1 f to ${worstCurvature.toExponential(1)}, f'^2 identity to ${worstSlope.toExponential(1)} over ${trajectory.iterates.length} iterates`);
      expect(worstCurvature).toBeLessThan(1e-12);
      expect(worstSlope).toBeLessThan(1e-12);

      const fit = fitH0H1Envelope(pairsAlong(problem, trajectory.iterates.map((i) => i.x)));
      expect(Math.abs(fit.H0 - H0) / H0).toBeLessThan(1e-9);
      expect(Math.abs(fit.H1 - H1) / H1).toBeLessThan(1e-9);
    });
  }
});

describe('w^4 along a GD run: a valid (H0, H1) pair on the frontier H0 H1 = 36', () => {
  it('valid on every iterate; the product is 36 up to the sampling of the run', () => {
    const problem = evenPower({ k: 2 });
    // Step 1/(12 w0^2) from w0 = 2: the gap falls from 16 over several decades, densely sampled.
    const trajectory = run(problem, constant(1 / 48), [2], { maxSteps: 4000, iterateEvery: 1 });
    const pairs = pairsAlong(problem, trajectory.iterates.map((i) => i.x));
    const fit = fitH0H1Envelope(pairs);
    console.log(`w^4: fitted (H0, H1) = (${fit.H0}, ${fit.H1}), product ${fit.H0 * fit.H1}, max violation ${fit.maxViolation}`);
    expect(fit.maxViolation).toBeLessThanOrEqual(1e-12);
    // A line valid on finitely many points of the concave curve c = 12 sqrt(g) is a chord, so the
    // product approaches 36 from below as the sampling gets denser; consecutive GD iterates are close.
    expect(fit.H0 * fit.H1).toBeGreaterThan(36 * (1 - 1e-4));
    expect(fit.H0 * fit.H1).toBeLessThanOrEqual(36 * (1 + 1e-12));
  });
});
