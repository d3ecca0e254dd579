/**
 * A candidate violation whose certification the time limit stopped (or left no time to begin) is
 * listed as not certified, and the verdict is `incomplete` (time-limit): never `violated` without a
 * certificate, never `inconclusive` for a replay that did not run.
 */
import { describe, expect, it } from 'vitest';
import { loadClaimFile } from '../../src/claims/load.js';
import { falsify, inProcessEvaluator } from '../../src/search/falsify.js';

describe('certification cut by the time limit', () => {
  it('the broken twin of O1: its violation is found, its certification stopped, the verdict incomplete', async () => {
    const { others } = await loadClaimFile('proofs-checks/classical/O1-drori-teboulle.ts');
    const claim = others.twin;
    const options = { budget: 200, seed: 1 };
    // The same search with every certification stopped, as at a time limit.
    const cut = falsify(claim, options, { ...inProcessEvaluator(claim, {}), certify: () => undefined });
    expect([cut.verdict, cut.reason]).toEqual(['incomplete', 'time-limit']);
    expect(cut.counterexample).toBeUndefined();
    expect(cut.uncertified).toHaveLength(1);
    expect(cut.uncertified[0].certificate.reason).toMatch(/time limit first/);
    // The broken twin is caught: the whole search certifies the violation at that point.
    const whole = falsify(claim, options);
    expect(whole.verdict).toBe('violated');
    expect(whole.counterexample!.simplified.params).toEqual(cut.uncertified[0].evaluation.params);
  });
});
