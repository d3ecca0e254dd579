/**
 * Every claim in proofs-checks/: the default export gives its expected verdict at the test budget,
 * and every broken twin is caught (violated and certified). The suite prints the mutation kill
 * rate: twins caught over twins. A claim expected to be violated is its own positive control.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { claimFilesIn, loadClaimFile } from '../src/claims/load.js';
import { falsify } from '../src/search/falsify.js';

const CLAIM_BUDGET = 400;
const TWIN_BUDGET = 400;
const SEED = 1;

const files = claimFilesIn(new URL('../proofs-checks/', import.meta.url).pathname);
const loaded = await Promise.all(files.map((file) => loadClaimFile(file)));
let twins = 0;
let killed = 0;

afterAll(() => {
  console.log(`mutation kill rate: ${killed}/${twins} broken twins caught (${twins === 0 ? '-' : ((100 * killed) / twins).toFixed(0)}%)`);
});

describe.each(loaded.map((l) => [l.claim.id, l] as const))('%s', (_id, { claim, others }) => {
  it(`gives its expected verdict (${claim.expected}) at budget ${CLAIM_BUDGET}`, () => {
    const result = falsify(claim, { budget: CLAIM_BUDGET, seed: SEED });
    console.log(`${claim.id}: ${result.verdict} (expected ${claim.expected}), worst margin ${result.worst?.margin}, ${result.evaluations} evaluations`);
    expect(result.verdict).toBe(claim.expected);
  });

  if (claim.expected === 'holds') {
    it('exports a broken twin', () => expect(Object.keys(others).length).toBeGreaterThan(0));
  }

  for (const [name, twin] of Object.entries(others)) {
    it(`its twin ${name} (${twin.title.replace(/.*broken twin: /, '').replace(/\]$/, '')}) is caught at budget ${TWIN_BUDGET}`, () => {
      twins++;
      const result = falsify(twin, { budget: TWIN_BUDGET, seed: SEED });
      const certificate = result.counterexample?.certificate;
      const caught = result.verdict === 'violated' && certificate?.status === 'certified';
      if (caught) killed++;
      console.log(`${twin.id}: ${result.verdict}, margin ${result.counterexample?.simplified.margin}, ${certificate?.reason}`);
      expect(caught).toBe(true);
      if (certificate?.method === 'high-precision replay') expect(certificate.replays.map((r) => r.digits)).toEqual([40, 80]);
    });
  }
});
