/**
 * The quiet test of the stopping rules (`StopRules.quietAt`, which src/gd/runLanes.ts uses to skip
 * asking the rules): it holds exactly where every rule says "go on" as `run` asks them, on values drawn
 * to sit at and around each rule's edge (non-finite values, the blow-up limit, the target, the
 * coordinate limit, the budget, a zero and an underflowing gradient).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StopRules, UNDERFLOW_FLOOR } from '../../src/gd/stopRules.js';

const MAX_STEPS = 50;
const TARGET_GAP = 1e-28;

/** Values at and around the rules' edges, and generic ones of either sign. */
const edgy = fc.oneof(
  fc.constantFrom(0, -0, NaN, Infinity, -Infinity, TARGET_GAP, UNDERFLOW_FLOOR, Math.sqrt(UNDERFLOW_FLOOR), 1e10, 1e12, Number.MIN_VALUE),
  fc.double({ noNaN: true }),
  fc.double({ min: -1e-140, max: 1e-140, noNaN: true }),
);
/** A norm (of the gradient, or max_i |x_i|): at least 0, or NaN. */
const norm = edgy.map((v) => (Number.isNaN(v) ? v : Math.abs(v)));

const continues = (rules: StopRules, t: number, f: number, gap: number, gradNorm: number, xMax: number): boolean =>
  rules.acceptsFinite(t, f, gap, gradNorm, xMax) && !rules.endsAt(t, gap, xMax) && !rules.underflowsAt(gap, gradNorm) && gradNorm !== 0;

describe('StopRules.quietAt', () => {
  it.each([undefined, TARGET_GAP])('holds exactly where every rule goes on (target gap %s)', (targetGap) => {
    const options = { maxSteps: MAX_STEPS, ...(targetGap === undefined ? {} : { targetGap }) };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e6, noNaN: true }), fc.integer({ min: 1, max: MAX_STEPS }), edgy, edgy, norm, norm, (gap0, t, f, gap, gradNorm, xMax) => {
        const rules = new StopRules(options);
        expect(rules.endsAt(0, gap0, 0)).toBe(gap0 <= (targetGap ?? -Infinity));
        const quiet = rules.quietAt(t, f, gap, gradNorm, xMax);
        expect(continues(rules, t, f, gap, gradNorm, xMax)).toBe(quiet);
      }),
      { numRuns: 20_000, seed: 7 },
    );
  });
});
