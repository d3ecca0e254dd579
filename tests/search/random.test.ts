/**
 * The streamed random stage: its points are fast-check's own stream for the seed, and the search
 * gives the same result whatever the size of the chunks it evaluates ahead.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../../src/claims/evaluate.js';
import { boxArbitrary, integer, logUniform, uniform } from '../../src/claims/family.js';
import { loadClaimFile } from '../../src/claims/load.js';
import { falsify, inProcessEvaluator } from '../../src/search/falsify.js';
import { firstRandomPoints } from '../../src/search/random.js';

const O1 = 'proofs-checks/classical/O1-drori-teboulle.ts';

describe('random points', () => {
  it("are fast-check's stream for the seed (fc.sample)", () => {
    const box = { a: uniform(-1, 3), b: logUniform(1e-3, 10), n: integer(1, 50) };
    for (const seed of [1, -7, 123456]) {
      expect(firstRandomPoints(box, seed, 500)).toEqual(fc.sample(boxArbitrary(box), { seed, numRuns: 500 }));
    }
  });
});

describe('streaming', () => {
  it('the same seed gives the same result whatever the chunk size', async () => {
    const { claim, others } = await loadClaimFile(O1);
    for (const target of [claim, others.twin]) {
      const results = [1, 3, 64].map((batchSize) =>
        falsify(target, { budget: 400, seed: 9 }, { ...inProcessEvaluator(target, {}), batchSize, evaluateBatch: (points) => points.map((p) => evaluateClaim(target, p)) }),
      );
      expect(results[1]).toEqual(results[0]);
      expect(results[2]).toEqual(results[0]);
    }
  });
});
