/**
 * The limits' contract, measured on the built command line (run `npm run build` first): how soon
 * `falsify` ends after `--time-limit` with an lhs that never returns, and with `--budget 100000000`
 * (wall time, and the peak resident memory of the whole process tree: the command line, its search
 * thread and its evaluator processes, summed from /proc every 20 ms); and how long the fault suite
 * (tests/faults/) takes. A baseline measured in the same run, a whole `falsify` of a built-in claim
 * with budget 1 (start-up, one evaluation, teardown), gives the overshoot of a time limit as a ratio,
 * so that the load of a shared machine cancels out.
 * Run: npm run bench:limits [-- --time-limit 5] [-- --no-suite]
 * Prints a markdown table (pasted in README.md, "Trust: ...").
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const option = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index < 0 ? fallback : Number(process.argv[index + 1]);
};
const TIME_LIMIT = option('--time-limit', 5);
const O1 = 'dist/proofs-checks/classical/O1-drori-teboulle.js';
const HANG = 'tests/faults/fixtures/hang.ts';

/** Resident memory (kB) of `pid` and all its descendants, from /proc. */
function treeRssKb(pid: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = readFileSync(`/proc/${name}/status`, 'utf8');
      const parent = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1]);
      rss.set(Number(name), Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const walk = (p: number): void => {
    total += rss.get(p) ?? 0;
    for (const child of children.get(p) ?? []) walk(child);
  };
  walk(pid);
  return total;
}

interface Measured {
  readonly seconds: number;
  readonly peakMb: number;
  readonly status: number | null;
  readonly stdout: string;
}

/** Runs a command, sampling its process tree's memory, and returns its wall time and peak. */
function measure(command: string, args: readonly string[]): Promise<Measured> {
  const startedAt = process.hrtime.bigint();
  const child = spawn(command, args, { cwd: root, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'pipe', 'inherit'] });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  let peakKb = 0;
  const sampler = setInterval(() => (peakKb = Math.max(peakKb, treeRssKb(child.pid!))), 20);
  return new Promise((resolve) => {
    child.on('close', (status) => {
      clearInterval(sampler);
      resolve({ seconds: Number(process.hrtime.bigint() - startedAt) / 1e9, peakMb: peakKb / 1024, status, stdout });
    });
  });
}

const boundcheck = (...args: string[]): Promise<Measured> => measure(process.execPath, [join(root, 'bin/boundcheck.js'), ...args]);
const scratch = (): string => mkdtempSync(join(tmpdir(), 'boundcheck-limits-'));

const baseline = await boundcheck('falsify', O1, '--budget', '1');
const hangReport = join(scratch(), 'hang.json');
const hang = await boundcheck('falsify', HANG, '--time-limit', String(TIME_LIMIT), '--json', hangReport);
const hangStopped = (JSON.parse(readFileSync(hangReport, 'utf8')) as { search: { stopped?: { timeout: number } } }).search.stopped?.timeout ?? 0;
const huge = await boundcheck('falsify', O1, '--budget', '100000000', '--time-limit', String(TIME_LIMIT));
const suite = process.argv.includes('--no-suite') ? undefined : await measure(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/faults']);

const seconds = (m: Measured): string => m.seconds.toFixed(2);
const over = (m: Measured): string => `${((m.seconds - TIME_LIMIT) / baseline.seconds).toFixed(2)}`;
const rows = [
  ['baseline: `falsify O1 --budget 1`', seconds(baseline), '', baseline.peakMb.toFixed(0), `exit ${baseline.status}`],
  [`hanging lhs, \`--time-limit ${TIME_LIMIT}\``, seconds(hang), over(hang), hang.peakMb.toFixed(0), `exit ${hang.status}, ${hangStopped} evaluation(s) reported stopped`],
  [`\`--budget 100000000 --time-limit ${TIME_LIMIT}\``, seconds(huge), over(huge), huge.peakMb.toFixed(0), `exit ${huge.status}`],
  ...(suite ? [['fault suite, `npx vitest run tests/faults`', seconds(suite), '', suite.peakMb.toFixed(0), `exit ${suite.status}`]] : []),
];
console.log('| run | wall s | (wall - limit) / baseline | peak RSS of the process tree, MB | outcome |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
