/**
 * Statements in TeX for the HTML report (src/report/statementTex.ts): the ASCII of claim files
 * becomes TeX that KaTeX typesets (relations, norms, Greek letters, f*, indices written without
 * their underscore, prose as \text), and every built-in claim's statement parses; and the verdict
 * summary shared by the outputs (src/report/summary.ts).
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { selectTargets } from '../../src/cli/targets.js';
import { statementOf } from '../../src/report/report.js';
import { statementTex } from '../../src/report/statementTex.js';
import { unexpectedFirst, verdictCounts, verdictSummary } from '../../src/report/summary.js';

describe('statements in TeX', () => {
  it('writes relations, norms, Greek letters, f*, indices and prose as TeX', () => {
    expect(statementTex('f(x_T) - f* <= L R^2 / (4Nh + 2)')).toBe('f(x_{T}) - f^* \\le L R^2 / (4Nh + 2)');
    expect(statementTex('||grad f(w)||^2 <= 2 H0 (f - f*)')).toBe('\\|\\nabla f(w)\\|^2 \\le 2 H_{0} (f - f^*)');
    expect(statementTex('f(x_T) - f* <= rho^(2N) (f(x_0) - f*)')).toBe('f(x_{T}) - f^* \\le \\rho ^{2N} (f(x_0) - f^*)');
    expect(statementTex('max over the rows of Delta_0 >= 1')).toBe('\\max \\text{ over the rows of }\\Delta _0 \\ge 1');
    expect(statementTex('lambda_max(Hess f) >= max{0, 1}')).toBe('\\lambda _{\\max}(\\nabla^2 f) \\ge \\max \\{0, 1\\}');
  });

  it('every built-in statement is typeset by KaTeX', async () => {
    const targets = await selectTargets([], true);
    expect(targets.length).toBeGreaterThan(40);
    for (const { claim } of targets) {
      expect(() => katex.renderToString(statementTex(statementOf(claim)), { throwOnError: true, strict: 'ignore' }), claim.id).not.toThrow();
    }
  }, 60_000);
});

describe('verdict summary', () => {
  const reports = [
    { verdict: 'holds', claim: { expected: 'holds' } },
    { verdict: 'violated', claim: { expected: 'violated' } },
    { verdict: 'holds', claim: { expected: 'violated' } },
    { verdict: 'inconclusive', claim: { expected: 'holds' } },
  ] as const;

  it('counts by verdict, the ones that need attention first, and says how many differ from the expected ones', () => {
    expect(verdictCounts(reports)).toEqual([
      { verdict: 'violated', count: 1 },
      { verdict: 'inconclusive', count: 1 },
      { verdict: 'holds', count: 2 },
    ]);
    expect(verdictSummary(reports)).toBe('4 claims: 1 violated, 1 inconclusive, 2 holds; 2 verdicts differ from the expected ones.');
    expect(verdictSummary([reports[0]])).toBe('1 claim: 1 holds; 0 verdicts differ from the expected ones.');
    expect(unexpectedFirst(reports)).toEqual([reports[2], reports[3], reports[0], reports[1]]);
  });
});
