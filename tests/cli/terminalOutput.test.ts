/**
 * The terminal output of `check` and `list` fits a 100-column terminal: every line at most 100
 * characters with COLUMNS=100 (the table, the verdict summary, the --verbose details and the
 * counterexamples, wrapped), and the summary counts the verdicts.
 */
import { describe, expect, it } from 'vitest';
import { formatTable, wrapText } from '../../src/report/table.js';
import { boundcheckCli } from '../helpers/cli.js';

const COLUMNS = { COLUMNS: '100' };

function longestLine(text: string): number {
  return Math.max(...text.split('\n').map((line) => [...line].length));
}

describe('check and list in 100 columns', () => {
  it('check: the table, the summary, the details and a counterexample fit, and the summary counts verdicts', () => {
    const check = boundcheckCli(['check', 'classical.O1', 'liu2025.C5e', 'craciun2024.C7', '--budget', '30', '--verbose'], { env: COLUMNS });
    expect(check.status).toBe(1);
    expect(longestLine(check.stdout)).toBeLessThanOrEqual(100);
    expect(check.stdout).toMatch(/^id +verdict +margin \/ tightness +instances +time$/m);
    expect(check.stdout).toMatch(/^classical\.O1 +holds +tightness [\d.]+ +\d+ +[\d.]+s$/m);
    expect(check.stdout).toMatch(/^3 claims: 1 violated, 2 holds; 1 verdict differs from the expected one\.$/m);
    expect(check.stdout).toMatch(/^liu2025\.C5e +holds\* /m);
    expect(check.stdout).toMatch(/^\* differs from the expected verdict: liu2025\.C5e \(expected violated\)$/m);
    expect(check.stdout).toMatch(/^ {2}statement: f\(x_T\) - f\* <= L R\^2/m);
    expect(check.stdout).toMatch(/^Certified counterexamples:\ncraciun2024\.C7 at /m);
  });

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
