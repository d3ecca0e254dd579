/**
 * The adversarial stage: degenerate points (both sides 0, or negligible at the claim's scale)
 * never become starts, integer parameters move, and the whole budget is used.
 */
import { describe, expect, it } from 'vitest';
import { claim, family, integer, pointwise, quadratic, uniform } from '../../src/index.js';
import type { Evaluation } from '../../src/claims/evaluate.js';
import { adversarialScore, adversarialStage, isDegenerate } from '../../src/search/adversarial.js';

const evaluation = (lhs: number, rhs: number, margin: number): Evaluation => ({ params: {}, status: margin > 1e-9 ? 'violated' : 'holds', lhs, rhs, margin });

describe('degenerate points', () => {
  it('both sides 0, or both negligible at the scale, are degenerate; a real point is not', () => {
    expect(isDegenerate(evaluation(0, 0, 0))).toBe(true);
    expect(isDegenerate(evaluation(1e-30, 2e-30, -1e-30))).toBe(true);
    expect(isDegenerate(evaluation(0.5, 1, -0.5))).toBe(false);
    expect(isDegenerate(evaluation(1, 1, 0))).toBe(false);
  });
  it('holding points rank by lhs/rhs, violations above them', () => {
    const upper = { kind: 'upper' as const };
    expect(adversarialScore(upper, evaluation(0.9, 1, -0.1))).toBeCloseTo(-0.1, 12);
    expect(adversarialScore(upper, evaluation(0, 0, 0))).toBe(-Infinity);
    expect(adversarialScore(upper, evaluation(1.1, 1, 0.1))).toBe(0.1);
  });
});

describe('adversarialStage', () => {
  // Evaluated by hand below: lhs = x (1 - |n - 3| / 20), peaking at n = 3, x = 1.
  const target = claim({
    id: 'test.integer-peak',
    title: 'a bound whose tightest point needs an integer move',
    source: { reference: 'test', result: 'test', version: 'n/a', provenance: 'derived' },
    kind: 'upper',
    family: family({ name: 'peak', box: { n: integer(1, 20), x: uniform(0, 1) }, instance: () => ({ problem: quadratic({ eigenvalues: [1] }) }) }),
    lhs: pointwise('unused: the test evaluates by hand', () => 0),
    rhs: () => 1,
    rhsLabel: '1',
    expected: 'holds',
  });
  it('moves integer parameters towards the tightest point and spends its budget', () => {
    let calls = 0;
    const evaluate = (params: Record<string, number>): Evaluation => {
      calls++;
      const lhs = params.x * (1 - Math.abs(params.n - 3) / 20);
      return { params, status: 'holds', lhs, rhs: 1, margin: lhs - 1 };
    };
    const seeds = [evaluate({ n: 12, x: 0.5 }), evaluate({ n: 1, x: 0 })];
    calls = 0;
    const result = adversarialStage(target, seeds, evaluate, { budget: 300, starts: 2, tolerance: 1e-9, outOfTime: () => false });
    const best = result.evaluations.reduce((b, e) => (e.lhs > b.lhs ? e : b));
    expect(best.params.n).toBe(3);
    expect(best.lhs).toBeGreaterThan(0.999);
    // Every evaluation of the budget is spent (the stage once stopped with up to n + 1 left).
    expect(calls).toBe(300);
    expect(result.evaluations.some((e) => e.params.x === 0 && e.params.n === 1 && e === seeds[1])).toBe(false);
  });
  it('never starts from a degenerate point', () => {
    const zero: Evaluation = { params: { n: 1, x: 0 }, status: 'holds', lhs: 0, rhs: 0, margin: 0 };
    const result = adversarialStage(target, [zero], () => zero, { budget: 50, starts: 1, tolerance: 1e-9, outOfTime: () => false });
    expect(result.starts).toBe(0);
  });
});
