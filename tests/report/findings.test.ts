/**
 * The Findings (src/report/findings.ts): the README's Findings text is the one generated from the
 * committed fixture (tests/fixtures/findings/report.json, written by `npm run findings` from the
 * main job's out/report.json); the fixture is current (every built-in claim with a finding, with
 * the same group, text, title and expected verdict); every built-in claim expected to be violated
 * has a finding; and the text's parts on a small report.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { claim } from '../../src/claims/claim.js';
import { claimFilesIn, loadClaimFile } from '../../src/claims/load.js';
import { citedSource, resolveCitations, theoryNoteOf } from '../../src/report/citation.js';
import { findingReport, findingsBlock, findingsMarkdown, withFindingsBlock, type FindingReport } from '../../src/report/findings.js';
import { fromJson } from '../../src/report/report.js';
import { constant, family, gapAt, quadratic, uniform } from '../../src/index.js';

const root = new URL('../../', import.meta.url).pathname;
const fixture = fromJson<{ seed: number; budget: number; claims: FindingReport[] }>(readFileSync(`${root}tests/fixtures/findings/report.json`, 'utf8'));

describe('the README Findings', () => {
  it('are the text generated from the committed report', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    expect(findingsBlock(readme)).toBe(findingsMarkdown(fixture.claims, fixture));
  });

  it('come from the main job at its default seed and budget', () => {
    expect({ seed: fixture.seed, budget: fixture.budget }).toEqual({ seed: 1, budget: 1000 });
    expect(fixture.claims.filter((r) => r.verdict !== r.claim.expected)).toEqual([]);
  });

  it('list every built-in claim with a finding, as the claim states it now', async () => {
    const loaded = await Promise.all(claimFilesIn(`${root}proofs-checks/`).map((file) => loadClaimFile(file)));
    const withFinding = loaded.map((l) => l.claim).filter((c) => c.finding);
    expect(fixture.claims.map((r) => r.claim.id).sort()).toEqual(withFinding.map((c) => c.id).sort());
    for (const c of withFinding) {
      const reported = fixture.claims.find((r) => r.claim.id === c.id)!;
      const note = theoryNoteOf(c.source);
      expect(reported.claim).toEqual({ id: c.id, title: c.title, expected: c.expected, finding: { group: c.finding!.group, text: resolveCitations(c.finding!.text, note) } });
      expect(reported.source).toEqual(citedSource(c.source));
    }
    const violatedWithout = loaded.map((l) => l.claim).filter((c) => c.expected === 'violated' && !c.finding);
    expect(violatedWithout.map((c) => c.id)).toEqual([]);
  });
});

describe('findingsMarkdown', () => {
  const points = family({ name: 'quadratics', box: { a: uniform(0.5, 2) }, instance: ({ a }) => ({ problem: quadratic({ eigenvalues: [a] }), x0: [1], schedule: constant(1), horizon: 1 }) });
  const base = { source: { reference: 'R', result: 'Theorem 1', version: 'v1', provenance: 'secondary' as const, tag: '[S]' }, replay: null, search: { evaluations: 7 } };
  const refuted: FindingReport = {
    ...base,
    claim: { id: 'p.refuted', title: 't', expected: 'violated', finding: { group: 'printed-refuted', text: 'Fails.' } },
    verdict: 'violated',
    tightness: null,
    counterexample: { params: { a: 0.123456 }, lhs: 2.000001, rhs: 1, margin: 0.5, certificate: { method: 'high-precision replay' } },
  };
  const pinned: FindingReport = { ...base, claim: { id: 'p.pinned', title: 't', expected: 'holds', finding: { group: 'pinned-down', text: 'Holds.' } }, verdict: 'holds', tightness: 0.98765, counterexample: null };

  it('groups the claims and adds their numbers', () => {
    const text = findingsMarkdown([pinned, refuted], { seed: 3, budget: 9 });
    expect(text).toContain('seed 3, budget 9');
    expect(text.indexOf('**Printed statements refuted.**')).toBeLessThan(text.indexOf('**Constants and conditions the checks pin down.**'));
    expect(text).not.toContain('Reconstructions refuted');
    expect(text).toContain('- **p.refuted**, R, Theorem 1 (v1), secondary [S]. Fails. Verdict: violated at a = 0.1235: lhs 2 against rhs 1 (normalized margin 0.5, certificate: high-precision replay).');
    expect(text).toContain('- **p.pinned**, R, Theorem 1 (v1), secondary [S]. Holds. Verdict: holds on 7 instances, tightness 0.9877.');
  });

  it('says when a verdict differs from the expected one', () => {
    expect(findingsMarkdown([{ ...pinned, verdict: 'violated', counterexample: refuted.counterexample }], { seed: 1, budget: 1 })).toContain('Verdict: violated (expected holds) at a = ');
  });

  it('replaces only the text between the markers', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const replaced = withFindingsBlock(readme, 'new\n');
    expect(findingsBlock(replaced)).toBe('new\n');
    expect(withFindingsBlock(replaced, findingsBlock(readme)!)).toBe(readme);
  });

  it('tell the two sides apart with as many digits as it takes', () => {
    const close = { ...refuted, counterexample: { ...refuted.counterexample!, lhs: 1.0000012, rhs: 1.0000001 } };
    expect(findingsMarkdown([close], { seed: 1, budget: 1 })).toContain('lhs 1.000001 against rhs 1');
  });

  it('keep only what they read of a report', () => {
    expect(findingReport({ ...refuted, extra: 1 } as FindingReport)).toEqual(refuted);
  });

  it('a claim rejects a finding of no group', () => {
    expect(() =>
      claim({ id: 'x', title: 't', source: base.source, kind: 'upper', family: points, lhs: gapAt(), rhs: () => 1, rhsLabel: '1', finding: { group: 'other' as 'control', text: 'x' } }),
    ).toThrow(/finding must have a group/);
  });
});
