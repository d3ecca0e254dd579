/**
 * The falsifier on the classical claims: no false alarm on true bounds over thousands of instances
 * of families not picked to be easy, the stages' bookkeeping, and fast-check's replay of the
 * random-stage failure. (That every broken twin is caught and certified: tests/proofsChecks.test.ts.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { claim as buildClaim } from '../../src/claims/claim.js';
import { loadClaimFile, type LoadedClaims } from '../../src/claims/load.js';
import { boxArbitrary } from '../../src/claims/family.js';
import { evaluateClaim } from '../../src/claims/evaluate.js';
import { falsify, instanceBudget } from '../../src/search/falsify.js';

const files = {
  O1: 'proofs-checks/classical/O1-drori-teboulle.ts',
  O2: 'proofs-checks/classical/O2-strongly-convex-contraction.ts',
  O4: 'proofs-checks/classical/O4-pl-one-step.ts',
  PL: 'proofs-checks/classical/PL-textbook-rate.ts',
  K: 'proofs-checks/classical/K-quadratic-lower-bound.ts',
};

const load = (file: string): Promise<LoadedClaims> => loadClaimFile(file);

describe('no false alarm: true classical bounds survive at least 2000 instances', () => {
  for (const name of ['O1', 'O2', 'O4'] as const) {
    it(name, async () => {
      const { claim } = await load(files[name]);
      const result = falsify(claim, { budget: 4000, seed: 11 });
      console.log(`${claim.id}: ${result.evaluations} instances, worst margin ${result.worst?.margin}, tightness ${result.tightness}`);
      expect(result.stages.random.evaluations).toBeGreaterThanOrEqual(2000);
      expect(result.verdict).toBe('holds');
      expect(result.uncertified).toEqual([]);
      expect(result.worst!.margin).toBeLessThanOrEqual(result.tolerance);
    });
  }
});

describe('stages', () => {
  it("fast-check's seed and path replay the random stage's failure", async () => {
    const twin = (await load(files.O1)).others.twin;
    const result = falsify(twin, { budget: 400, seed: 5 });
    const path = result.counterexample?.fastCheckPath;
    expect(path).toBeDefined();
    const replayed = fc.check(
      fc.property(boxArbitrary(twin.family.box), (params) => evaluateClaim(twin, params).status === 'holds'),
      { seed: 5, path, endOnFailure: true },
    );
    expect(replayed.failed).toBe(true);
    expect(replayed.counterexample?.[0]).toEqual(result.counterexample?.found.params);
  });

  it('the simplified counterexample is rounder and still violates', async () => {
    const twin = (await load(files.O2)).others.twin;
    const result = falsify(twin, { budget: 400, seed: 2 });
    const { found, simplified } = result.counterexample!;
    const digits = (v: number) => v.toPrecision(17).replace(/0+e|0+$/, '').length;
    const total = (p: Record<string, number>) => Object.values(p).reduce((s, v) => s + digits(v), 0);
    expect(total(simplified.params)).toBeLessThanOrEqual(total(found.params));
    expect(simplified.status).toBe('violated');
    expect(result.stages.simplify.evaluations).toBeGreaterThan(0);
  });

  it('the adversarial stage runs when the random stage finds nothing, and counts its evaluations', async () => {
    const { claim } = await load(files.O1);
    const result = falsify(claim, { budget: 500, seed: 3 });
    expect(result.stages.adversarial.evaluations).toBeGreaterThan(0);
    expect(result.evaluations).toBe(result.stages.random.evaluations + result.stages.adversarial.evaluations);
    expect(result.evaluations).toBeLessThanOrEqual(500);
  });

  it("a claim's evaluation cost: an instance counts for that many evaluations of the budget", async () => {
    const { claim } = await load(files.O1);
    const costly = buildClaim({ ...claim, evaluationCost: 5 });
    expect(instanceBudget(costly, 1000)).toBe(200);
    expect(instanceBudget(costly, 3)).toBe(1);
    const result = falsify(costly, { budget: 500, seed: 3 });
    expect(result.evaluations).toBe(100);
    expect(result.stages.random.evaluations + result.stages.adversarial.evaluations).toBe(100);
    expect(result).toMatchObject({ verdict: 'holds', budget: 500, evaluationCost: 5 });
    expect(falsify(claim, { budget: 100, seed: 3 })).not.toHaveProperty('evaluationCost');
    for (const bad of [0, 1.5, -1, NaN]) {
      expect(() => buildClaim({ ...claim, evaluationCost: bad })).toThrow(/evaluationCost must be an integer >= 1/);
    }
  });
});
