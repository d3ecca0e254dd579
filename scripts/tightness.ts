/**
 * Tightness benchmark for the classical oracles on the class families (classical-oracles.md):
 * for each oracle at its reference parameters, budget 1000, seeds 1-5, the largest lhs/rhs found
 * (the claims' rhs is the exact bound, so 1 is tight) against the reference value; the evaluations
 * to the first violation of each broken twin, adversarial against random-only. (The no-false-alarm
 * run of every claim expected to hold is scripts/no-false-alarm.ts.)
 * Run: npx tsx scripts/tightness.ts. Prints markdown tables (pasted in README.md).
 */
import { loadClaimFile } from '../src/claims/load.js';
import { claim, type Claim } from '../src/claims/claim.js';
import { brokenTwin } from '../src/claims/twin.js';
import { withFixed, type Instance } from '../src/claims/family.js';
import { falsify } from '../src/search/falsify.js';

const BUDGET = 1000;
const SEEDS = [1, 2, 3, 4, 5];
const root = new URL('../proofs-checks/classical/', import.meta.url).pathname;
const load = async (file: string) => loadClaimFile(`${root}${file}`);
const fixed = (c: Claim<Instance>, params: Record<string, number>): Claim<Instance> =>
  claim({ ...c, family: withFixed(c.family as never, params as never) } as never) as Claim<Instance>;

interface Entry {
  readonly label: string;
  readonly file: string;
  readonly params: Record<string, number>;
  /** The exact worst-case lhs/rhs (1 when the bound is tight), and what it is. */
  readonly exact: number;
  readonly note: string;
}

const entries: Entry[] = [
  { label: 'O1, h <= 1', file: 'O1-smooth-convex-class.ts', params: { L: 3, h: 1, N: 4 }, exact: 1, note: '1/6 at L = 3, gamma = 1/3, N = 4, R = 1 (tight)' },
  { label: 'O1 switch, h = 1.5', file: 'O1-regime-switch.ts', params: { L: 1, h: 1.5, N: 4 }, exact: 1, note: '1/26 (Huber) [conjectured worst case]' },
  { label: 'O1 switch, h = 1.9', file: 'O1-regime-switch.ts', params: { L: 1, h: 1.9, N: 4 }, exact: 1, note: '0.5 0.9^8 (quadratic) [conjectured worst case]' },
  { label: 'O2 distance', file: 'O2-class-distance.ts', params: { L: 1, N: 1 }, exact: 1, note: 'rho^2 per step (tight on quadratics)' },
  { label: 'O2 value', file: 'O2-class-value.ts', params: { L: 1, N: 1 }, exact: 1, note: 'rho^2 per step (tight on quadratics)' },
  { label: 'O2 gradient', file: 'O2-class-gradient.ts', params: { L: 1, N: 1 }, exact: 1, note: 'rho^2 per step (tight on quadratics)' },
  { label: 'O2 two runs', file: 'O2-class-two-runs.ts', params: { L: 1, N: 1 }, exact: 1, note: 'rho^2 per step (tight on quadratics)' },
  { label: 'O3, h = 1', file: 'O3-nonconvex-min-gradient.ts', params: { L: 1, N: 5 }, exact: 1, note: '4/15 at L = 1, N = 5 (tight, PEPit)' },
  { label: 'O4, h = 1, mu = 0.2', file: 'O4-pl-class.ts', params: { L: 1, h: 1, N: 1, muRatio: 0.2 }, exact: 0.683267 / (8 / 11), note: 'bound 8/11; PEPit relaxation 0.683267 (ratio 0.9395, an upper bound on the worst case); 0.64 (0.88), a quadratic\'s, is the most on separable members, nonconvex or not' },
];

const format = (v: number | undefined): string => (v === undefined ? '-' : v.toFixed(6));

console.log(`### Tightness (budget ${BUDGET}, seeds ${SEEDS.join(', ')}): largest lhs/rhs found\n`);
console.log('| oracle | reference | exact lhs/rhs | ' + SEEDS.map((s) => `seed ${s}`).join(' | ') + ' | min / exact |');
console.log('|---|---|---|' + SEEDS.map(() => '---|').join('') + '---|');
for (const entry of entries) {
  const { claim: base } = await load(entry.file);
  const c = fixed(base, entry.params);
  const values = SEEDS.map((seed) => {
    const result = falsify(c, { budget: BUDGET, seed });
    return result.verdict === 'holds' ? result.tightness : NaN;
  });
  const finite = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  const worst = finite.length === values.length ? Math.min(...finite) / entry.exact : NaN;
  console.log(`| ${entry.label} | ${entry.note} | ${entry.exact.toFixed(6)} | ${values.map(format).join(' | ')} | ${worst.toFixed(4)} |`);
}

console.log(`\n### Broken twins on the class families: evaluations to the first violation (budget ${BUDGET}, seeds ${SEEDS.join(', ')})\n`);
console.log('| twin | mutation | adversarial (median, caught) | random only (median, caught) |');
console.log('|---|---|---|---|');
const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.floor((s.length - 1) / 2)];
};
/** Each cell of a twin's row: with and without the adversarial stage, the median evaluations to its first violation over SEEDS and how many seeds caught it. */
const catchCells = (twin: Parameters<typeof falsify>[0]): string[] =>
  [true, false].map((adversarial) => {
    const counts: number[] = [];
    for (const seed of SEEDS) {
      const r = falsify(twin, { budget: BUDGET, seed, adversarial });
      if (r.verdict === 'violated') counts.push(r.stages.random.evaluations + r.stages.adversarial.evaluations);
    }
    return `${counts.length === 0 ? 'not found' : median(counts)} (${counts.length}/${SEEDS.length})`;
  });
for (const file of [...new Set(entries.map((e) => e.file))]) {
  const { others } = await load(file);
  for (const twin of Object.values(others)) {
    const cells = catchCells(twin);
    console.log(`| ${twin.id} | ${twin.title.replace(/.*broken twin: /, '').replace(/\]$/, '')} | ${cells[0]} | ${cells[1]} |`);
  }
}

console.log(`\n### Near-tight twins (the bound times 0.99, at the reference parameters): evaluations to the first violation (budget ${BUDGET}, seeds ${SEEDS.join(', ')})\n`);
console.log('| twin | adversarial (median, caught) | random only (median, caught) |');
console.log('|---|---|---|');
for (const entry of entries.filter((e) => e.exact === 1)) {
  const { claim: base } = await load(entry.file);
  const c = fixed(base, entry.params);
  const twin = brokenTwin(c, { mutation: 'bound x 0.99', rhs: (i, p, r) => 0.99 * c.rhs(i, p, r) });
  const cells = catchCells(twin);
  console.log(`| ${entry.label} x 0.99 | ${cells[0]} | ${cells[1]} |`);
}

