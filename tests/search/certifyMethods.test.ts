/**
 * The certification methods agree on the built-in claims: every broken twin of proofs-checks/
 * (and every claim expected to be violated) whose counterexample is a run on a problem with a ball
 * or shadow model certifies the same by the ball (or shadow) double-double replay and by the
 * BigNumber replay at 40 and 80 digits, and the double-double lhs interval holds the 80-digit lhs.
 */
import { describe, expect, it } from 'vitest';
import { claimFilesIn, loadClaimFile } from '../../src/claims/load.js';
import type { Claim } from '../../src/claims/claim.js';
import type { Instance } from '../../src/claims/family.js';
import { ballReplayKind } from '../../src/gd/runBall.js';
import { certify } from '../../src/search/certify.js';
import { falsify } from '../../src/search/falsify.js';

const BUDGET = 400;
const SEED = 1;

const files = claimFilesIn(new URL('../../proofs-checks/', import.meta.url).pathname);
const loaded = await Promise.all(files.map((file) => loadClaimFile(file)));
const caught: Array<Claim<Instance>> = loaded.flatMap(({ claim, others }) => [
  ...(claim.expected === 'violated' ? [claim] : []),
  ...Object.values(others),
]);
const withBallModel = caught.filter((c) => c.lhs.certification === 'replay');

describe('ball or shadow double-double and BigNumber certify the built-in counterexamples alike', () => {
  const compared = { ball: 0, shadow: 0 };
  it.each(withBallModel.map((c) => [c.id, c] as const))('%s', (_id, claim) => {
    const result = falsify(claim, { budget: BUDGET, seed: SEED });
    const found = result.counterexample?.simplified;
    if (!found) return;
    const kind = ballReplayKind(claim.family.instance(found.params).problem);
    if (!kind) return;
    const ball = certify(claim, found, result.tolerance);
    const big = certify(claim, found, result.tolerance, { method: 'bignumber' });
    console.log(`${claim.id}: ${ball.method} ${ball.status} | bignumber ${big.status}: ${ball.reason}`);
    expect(big.method).toBe('high-precision replay');
    expect(ball.method, ball.reason).toBe(kind === 'ball' ? 'ball double-double' : 'shadow double-double');
    expect(ball.status).toBe(big.status);
    if (ball.enclosure) {
      const lhs80 = big.replays[1].lhs;
      expect(ball.enclosure.lhs[0]).toBeLessThanOrEqual(lhs80);
      expect(ball.enclosure.lhs[1]).toBeGreaterThanOrEqual(lhs80);
      compared[kind]++;
    }
  });
  it('compared at least one certificate of each method', () => {
    expect(compared.ball).toBeGreaterThan(0);
    expect(compared.shadow).toBeGreaterThan(0);
  });
});
