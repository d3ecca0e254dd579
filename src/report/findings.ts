/**
 * The Findings: what the built-in claims' verdicts say about the papers, grouped (printed
 * statements refuted, reconstructions refuted, constants or conditions pinned down, controls
 * outside the hypotheses), each claim's own text followed by the numbers of its report (the
 * certified counterexample, or the tightness of a claim that held). The main job writes it into
 * out/report.md; the README's Findings section is this text for the committed expectations
 * (tests/fixtures/findings/report.json, regenerated from out/report.json by `npm run findings`).
 */
import { FINDING_GROUPS, type FindingGroup } from '../claims/claim.js';
import { formatSignificant } from '../util/format.js';
import { provenanceWithTag, sourceReference } from './citation.js';
import type { Report } from './report.js';

/** The parts of a report the Findings read (what tests/fixtures/findings/report.json keeps). */
export type FindingReport = Pick<Report, 'source' | 'verdict' | 'tightness' | 'replay'> & {
  readonly claim: Pick<Report['claim'], 'id' | 'title' | 'expected' | 'finding'>;
  readonly search: Pick<Report['search'], 'evaluations'>;
  readonly counterexample: Pick<NonNullable<Report['counterexample']>, 'params' | 'lhs' | 'rhs' | 'margin'> & {
    readonly certificate: Pick<NonNullable<Report['counterexample']>['certificate'], 'method'>;
  } | null;
};

const GROUP_TITLES: Readonly<Record<FindingGroup, string>> = {
  'printed-refuted': 'Printed statements refuted',
  'reconstruction-refuted': 'Reconstructions refuted',
  'pinned-down': 'Constants and conditions the checks pin down',
  control: 'Controls outside the hypotheses (expected to fail, and failing)',
};

const DIGITS = 4;

function numbers(report: FindingReport): string {
  const c = report.counterexample;
  const verdict = report.verdict === report.claim.expected ? report.verdict : `${report.verdict} (expected ${report.claim.expected})`;
  if (c) {
    const at = Object.entries(c.params)
      .map(([k, v]) => `${k} = ${formatSignificant(v, DIGITS)}`)
      .join(', ');
    const replay = report.replay ? `; \`${report.replay}\`` : '';
    return `${verdict}: at ${at}, lhs ${formatSignificant(c.lhs, DIGITS)} against rhs ${formatSignificant(c.rhs, DIGITS)} (normalized margin ${formatSignificant(c.margin, 2)}), certified by ${c.certificate.method}${replay}.`;
  }
  const tightness = report.tightness === null ? '' : `, tightness ${formatSignificant(report.tightness, DIGITS)}`;
  return `${verdict} on ${report.search.evaluations} instances${tightness}.`;
}

/**
 * The Findings in markdown: one bold line per group, then one item per claim (id, result and
 * provenance, its finding's text, and the numbers of its report). Claims without a finding are left
 * out; a group with no claim is left out.
 */
export function findingsMarkdown(reports: readonly FindingReport[], settings: { seed: number; budget: number }): string {
  const lines = [
    `Generated from the main job's report (seed ${settings.seed}, budget ${settings.budget} evaluations per claim): a violation is certified (replayed at 40 and 80 digits, pointwise by the tolerance, or statistically); \`npm start\` writes the reports the replay commands read.`,
  ];
  for (const group of FINDING_GROUPS) {
    const members = reports.filter((r) => r.claim.finding?.group === group);
    if (members.length === 0) continue;
    lines.push('', `**${GROUP_TITLES[group]}.**`, '');
    for (const r of members) {
      lines.push(`- **${r.claim.id}**, ${sourceReference(r.source)}, ${provenanceWithTag(r.source)}. ${r.claim.finding!.text} ${numbers(r)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
