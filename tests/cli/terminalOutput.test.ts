/**
 * The terminal output of `check` and `list` fits a 100-column terminal: every line at most 100
 * characters with COLUMNS=100 (the table, the verdict summary, the --verbose details and the
 * counterexamples, wrapped), and the summary counts the verdicts. `npm start`'s own command
 * (package.json's start script, every built-in claim) is run at a small budget into a temporary
 * folder: every line of its output fits too, and nothing goes to stderr off a terminal.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatTable, wrapText } from '../../src/report/table.js';
import { boundcheckCli, REPOSITORY } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'boundcheck-terminal-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The arguments of `npm start` (`node bin/boundcheck.js ARGS`), its output folder moved to `out`. */
function startArguments(out: string): string[] {
  const script: string = JSON.parse(readFileSync(join(REPOSITORY, 'package.json'), 'utf8')).scripts.start;
  const [node, bin, ...args] = script.split(' ');
  expect([node, bin]).toEqual(['node', 'bin/boundcheck.js']);
  const outAt = args.indexOf('--out');
  expect(outAt).toBeGreaterThan(-1);
  args[outAt + 1] = out;
  return args;
}

const COLUMNS = { COLUMNS: '100' };

function longestLine(text: string): number {
  return Math.max(...text.split('\n').map((line) => [...line].length));
}

describe('check and list in 100 columns', () => {
  it('check: the table, the summary, the details and a counterexample fit, and the summary counts verdicts', () => {
    // A claim whose verdict differs from the expected one whatever the search does: a fixture whose bound always holds, expected violated.
    const differs = join(REPOSITORY, 'tests/fixtures/expected-violated-holds.ts');
    const check = boundcheckCli(['check', 'classical.O1', differs, 'craciun2024.C7', '--budget', '30', '--verbose'], { env: COLUMNS });
    expect(check.status).toBe(1);
    expect(longestLine(check.stdout)).toBeLessThanOrEqual(100);
    expect(check.stdout).toMatch(/^id +verdict +margin \/ tightness +instances +time$/m);
    expect(check.stdout).toMatch(/^classical\.O1 +holds +tightness [\d.]+ +\d+ +[\d.]+s$/m);
    expect(check.stdout).toMatch(/^3 claims: 1 violated, 2 holds; 1 verdict differs from the expected one\.$/m);
    expect(check.stdout).toMatch(/^fixture\.expected-violated-holds +holds\* /m);
    expect(check.stdout).toMatch(/^\* differs from the expected verdict: fixture\.expected-violated-holds \(expected violated\)$/m);
    expect(check.stdout).toMatch(/^ {2}statement: f\(x_T\) - f\* <= L R\^2/m);
    expect(check.stdout).toMatch(/^Certified counterexamples:\ncraciun2024\.C7 at /m);
  });

  it("npm start's command: every line fits, the table lists every built-in claim, stderr stays empty", () => {
    const out = join(work, 'start');
    const start = boundcheckCli([...startArguments(out), '--budget', '10'], { env: COLUMNS });
    expect(start.stderr).toBe('');
    expect(start.status).toBe(1);
    const lines = start.stdout.split('\n');
    const tooLong = lines.filter((line) => [...line].length > 100);
    expect(tooLong).toEqual([]);
    const [, claims] = /^(\d+) claims: /m.exec(start.stdout) ?? [];
    expect(Number(claims)).toBeGreaterThan(50);
    const rows = lines.filter((line) => /^[\w.-]+ +(holds|violated|diverged|inconclusive|incomplete)\*? /.test(line));
    expect(rows).toHaveLength(Number(claims));
    expect(start.stdout).toMatch(/^Certified counterexamples:$/m);
    expect(start.stdout).toContain(`wrote ${join(out, 'report.json')}`);
  }, 600_000);

  it('list: ids, expected verdicts and titles cut to the width', () => {
    const list = boundcheckCli(['list', 'proofs-checks/alimisis2025'], { env: COLUMNS });
    expect(list.status).toBe(0);
    expect(longestLine(list.stdout)).toBeLessThanOrEqual(100);
    expect(list.stdout).toMatch(/^id +expected +title$/m);
    expect(list.stdout).toMatch(/…$/m);
  });
});

describe('table helpers', () => {
  it('right-aligns the columns asked, cuts the shrinking column to the width and wraps text with a hanging indent', () => {
    const table = formatTable(['name', 'n', 'text'], [['a', '1', 'x'.repeat(40)], ['bb', '100', 'short']], { align: ['left', 'right'], width: 20, shrink: 2 });
    expect(table.split('\n')).toEqual(['name    n  text', '----  ---  ---------', 'a       1  xxxxxxxx…', 'bb    100  short']);
    expect(wrapText('one two three four', 10, 2)).toBe('one two\n  three\n  four');
  });
});
