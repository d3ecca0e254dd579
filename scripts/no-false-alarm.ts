/**
 * No-false-alarm benchmark: every built-in claim expected to hold (the default export of each file
 * of proofs-checks/) is searched at one budget for seeds F to S (default 1 to 10), on the worker pool as
 * `boundcheck check` searches them, and the verdicts are counted per claim. A `violated` verdict
 * there is a certified counterexample to a claim expected to hold: the worst defect the tool can
 * have, listed after the table with its point.
 * Run: npx tsx scripts/no-false-alarm.ts [--budget 10000] [--seeds 10] [--first-seed 1] [--workers 2] [--time-limit SECONDS] [CLAIM ...]
 * (also `npm run bench:no-false-alarm -- --budget 10000 --seeds 10`); CLAIM (files, folders or ids,
 * as `check` takes them) restricts the run to those claims, for a rerun after a change. Prints a markdown table
 * (pasted in README.md), and on stderr each seed's wall time and the claims that did not hold.
 */
import { searchClaims } from '../src/cli/falsify.js';
import { selectTargets } from '../src/cli/targets.js';
import { DEFAULT_EVAL_MEMORY_MB, DEFAULT_EVAL_TIMEOUT_SECONDS } from '../src/search/workers.js';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`no-false-alarm: ${name} must be a positive integer, got ${JSON.stringify(process.argv[index + 1])}`);
    process.exit(2);
  }
  return value;
};
const budget = argument('--budget', 10_000);
const seeds = argument('--seeds', 10);
/** The first seed, to run the seeds of a long run in parts (seeds F to S). */
const firstSeed = argument('--first-seed', 1);
if (firstSeed > seeds) {
  console.error(`no-false-alarm: --first-seed ${firstSeed} is past the last seed, --seeds ${seeds}`);
  process.exit(2);
}
const workers = argument('--workers', 2);
const timeLimit = process.argv.includes('--time-limit') ? argument('--time-limit', 0) : undefined;

/** The arguments that are not options or option values: the claims to run (all built-in ones when none). */
const named = process.argv.slice(2).filter((arg, i, args) => !arg.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
const targets = (await selectTargets(named, named.length === 0)).filter((t) => t.claim.expected === 'holds');
const COLUMNS = ['holds', 'violated', 'inconclusive', 'other'] as const;
const counts = targets.map(() => Object.fromEntries(COLUMNS.map((c) => [c, 0])) as Record<(typeof COLUMNS)[number], number>);
const others = targets.map(() => new Set<string>());
const violations: string[] = [];
const started = Date.now();
for (let seed = firstSeed; seed <= seeds; seed++) {
  const seedStarted = Date.now();
  const options = {
    budget,
    seed,
    workers,
    evalTimeoutSeconds: DEFAULT_EVAL_TIMEOUT_SECONDS,
    evalMemoryMb: DEFAULT_EVAL_MEMORY_MB,
    ...(timeLimit !== undefined ? { timeLimitSeconds: timeLimit } : {}),
  };
  const checked = await searchClaims(targets, options);
  checked.forEach(({ report }, i) => {
    const verdict = report.verdict;
    if (verdict === 'holds' || verdict === 'violated' || verdict === 'inconclusive') counts[i][verdict]++;
    else {
      counts[i].other++;
      others[i].add(`${verdict}${report.reason ? ` (${report.reason})` : ''}`);
    }
    if (report.counterexample) {
      const at = Object.entries(report.counterexample.params).map(([k, v]) => `${k}=${v}`).join(', ');
      violations.push(`- ${report.claim.id}, seed ${seed}: lhs ${report.counterexample.lhs} vs rhs ${report.counterexample.rhs} at ${at}`);
    }
  });
  // Each seed's outcome on stderr as it ends, so that an interrupted run still tells its counts.
  const notHolding = checked.filter(({ report }) => report.verdict !== 'holds').map(({ report }) => `${report.claim.id} (${report.verdict})`);
  console.error(`seed ${seed}: ${((Date.now() - seedStarted) / 1000).toFixed(0)} s, ${checked.length - notHolding.length} of ${checked.length} hold${notHolding.length > 0 ? `; not holding: ${notHolding.join(', ')}` : ''}`);
}

const seedList = seeds === firstSeed ? `seed ${seeds}` : `seeds ${firstSeed}-${seeds}`;
const which = named.length === 0 ? 'built-in claims' : `the claims named (${named.join(', ')})`;
console.log(`### No false alarm: ${which} expected to hold, budget ${budget}, ${seedList}, ${workers} workers\n`);
console.log(`| claim | ${COLUMNS.join(' | ')} |`);
console.log(`|---|${COLUMNS.map(() => '---|').join('')}`);
targets.forEach((t, i) => {
  const other = others[i].size > 0 ? ` (${[...others[i]].join(', ')})` : '';
  console.log(`| ${t.claim.id} | ${COLUMNS.map((c) => (c === 'other' ? `${counts[i][c]}${other}` : String(counts[i][c]))).join(' | ')} |`);
});
const total = (c: (typeof COLUMNS)[number]): number => counts.reduce((s, row) => s + row[c], 0);
console.log(`| all ${targets.length} claims | ${COLUMNS.map((c) => String(total(c))).join(' | ')} |`);
console.log(`\nWall time ${((Date.now() - started) / 60_000).toFixed(1)} min.`);
if (violations.length > 0) console.log(`\nViolated verdicts of claims expected to hold:\n${violations.join('\n')}`);
