/**
 * Search efficiency on the broken twins: evaluations and time until the first certified
 * counterexample, random-only (the whole budget to the fast-check stage) against
 * random-plus-adversarial (the default split), measured in the same run over several seeds.
 * Besides the twins of proofs-checks/classical, a hard twin whose violation region is a narrow band
 * inside the box (the O1 bound lowered by a factor 1 - 1e-5: violated only for core widths within about 0.3% of the worst case's) shows the adversarial stage
 * finding what random sampling misses within the budget.
 */
import { afterAll, bench, describe } from 'vitest';
import type { Claim } from '../../src/claims/claim.js';
import type { Instance } from '../../src/claims/family.js';
import { loadClaimFile } from '../../src/claims/load.js';
import { brokenTwin, family, huber, constant, integer, logUniform, uniform } from '../../src/index.js';
import { falsify } from '../../src/search/falsify.js';

const BUDGET = 400;
const SEEDS = [1, 2, 3, 4, 5];

const twins: Array<[string, Claim<Instance>]> = [];
for (const file of ['O1-drori-teboulle', 'O2-strongly-convex-contraction', 'PL-textbook-rate', 'K-quadratic-lower-bound']) {
  const loaded = await loadClaimFile(`proofs-checks/classical/${file}.ts`);
  twins.push([loaded.others.twin.id, loaded.others.twin]);
}
{
  const O1 = (await loadClaimFile('proofs-checks/classical/O1-drori-teboulle.ts')).claim;
  const narrowHuber = family({
    name: 'huber(L, tau = tauRatio R), N >= 20, h >= 0.5',
    box: { L: logUniform(0.1, 10), R: logUniform(0.1, 10), N: integer(20, 100), h: uniform(0.5, 1), tauRatio: logUniform(1e-4, 1) },
    instance: ({ L, R, N, h, tauRatio }) => ({ problem: huber({ L, tau: tauRatio * R }), x0: [R], schedule: constant(h / L), horizon: N }),
  });
  const hard = brokenTwin(O1, {
    mutation: 'L R^2 / (4Nh + 2) -> (1 - 1e-5) L R^2 / (4Nh + 2), on a box without the easy corners',
    family: narrowHuber,
    rhs: (_instance, { L, R, N, h }) => ((1 - 1e-5) * L * R * R) / (4 * N * h + 2),
    rhsLabel: '(1 - 1e-5) L R^2 / (4Nh + 2)',
  });
  twins.push([`${O1.id}.hard-twin`, hard]);
}

interface Tally {
  evaluations: number[];
  seconds: number[];
  found: number;
}
const tallies = new Map<string, Tally>();
/** One search per seed; the tally is recorded on the first call (the bench may call again). */
function search(id: string, twin: Claim<Instance>, adversarial: boolean): void {
  const key = `${id} | ${adversarial ? 'random+adversarial' : 'random-only'}`;
  const recorded = tallies.has(key);
  const tally = tallies.get(key) ?? { evaluations: [], seconds: [], found: 0 };
  tallies.set(key, tally);
  for (const seed of SEEDS) {
    const startedAt = performance.now();
    const result = falsify(twin, { budget: BUDGET, seed, adversarial });
    const seconds = (performance.now() - startedAt) / 1000;
    if (!recorded && result.verdict === 'violated') {
      tally.found++;
      tally.evaluations.push(result.stages.random.evaluations + result.stages.adversarial.evaluations);
      tally.seconds.push(seconds);
    }
  }
}

const median = (values: number[]): number => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

afterAll(() => {
  const rows = [...tallies.entries()].map(
    ([key, t]) =>
      `${key.padEnd(62)} found ${t.found}/${SEEDS.length}  median evaluations ${String(median(t.evaluations)).padStart(4)}  median time ${median(t.seconds).toFixed(3)}s`,
  );
  console.log(`\nbudget ${BUDGET}, seeds ${SEEDS.join(',')}; evaluations until the first violation (then simplified and certified)\n${rows.join('\n')}`);
});

for (const [id, twin] of twins) {
  describe(id, () => {
    bench('random-only', () => search(id, twin, false), { iterations: 1, time: 0, warmupIterations: 0 });
    bench('random+adversarial', () => search(id, twin, true), { iterations: 1, time: 0, warmupIterations: 0 });
  });
}
