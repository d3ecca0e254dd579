/**
 * The main job's human-readable report: a verdict summary, the verdict table (the verdicts that
 * differ from the expected ones first), the Findings (src/report/findings.ts) when a claim has
 * one, then each violated claim's certified counterexample with its replay command, and the
 * candidates that did not survive certification. No wall-clock times, so the same seed gives the same file.
 */
import { formatNumber, formatSignificant } from '../util/format.js';
import { provenanceWithTag, sourceReference } from './citation.js';
import { findingsMarkdown } from './findings.js';
import { EVIDENCE_NOTE, type Report } from './report.js';
import { isUnexpected, plural, unexpectedFirst, verdictSummary } from './summary.js';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function params(p: Readonly<Record<string, number>>): string {
  return Object.entries(p)
    .map(([k, v]) => `${k}=${formatNumber(v)}`)
    .join(', ');
}

/** The worst margin, or the tightness when the claim held (to `digits` significant digits). */
export function marginSummary(report: Report, digits?: number): string {
  if (report.verdict === 'holds' && report.tightness !== null) return `tightness ${(digits ? formatSignificant(report.tightness, digits) : formatNumber(report.tightness))}`;
  const point = report.counterexample ?? report.worst;
  return point ? `margin ${(digits ? formatSignificant(point.margin, digits) : formatNumber(point.margin))}` : '-';
}

export function checkMarkdown(reports: readonly Report[], settings: { seed: number; budget: number }): string {
  const unexpected = reports.filter(isUnexpected);
  const lines = [
    `# ${reports.length === 1 ? `boundcheck: ${reports[0].claim.id}` : `boundcheck: ${plural(reports.length, 'claim')}`}`,
    '',
    verdictSummary(reports),
    ...(unexpected.length > 0 ? ['', `Verdicts that differ from the expected ones: ${unexpected.map((r) => `${r.claim.id} (${r.verdict}, expected ${r.claim.expected})`).join(', ')}.`] : []),
    '',
    `Seed ${settings.seed}, budget ${settings.budget} evaluations per claim. ${EVIDENCE_NOTE}`,
    '',
    `Tolerance: normalized margins at or below ${reports[0]?.tolerance ?? '-'} count as holding. A violation is reported only when a high-precision replay keeps the margin's sign: in double-double ball arithmetic (rigorous error bounds) with every value it hands on rounding exactly, or else in BigNumber arithmetic at ${reports[0]?.certification.digits.join(' and ') ?? '-'} significant digits with the same leading digits.`,
    '',
    '| id | paper and result | provenance | statement | verdict (expected) | worst margin / tightness | instances |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...unexpectedFirst(reports).map((r) =>
      [
        r.claim.id,
        sourceReference(r.source),
        provenanceWithTag(r.source),
        r.claim.statement,
        `${r.verdict} (${r.claim.expected})`,
        marginSummary(r),
        String(r.search.evaluations),
      ]
        .map(cell)
        .join(' | ')
        .replace(/^/, '| ')
        .replace(/$/, ' |'),
    ),
  ];
  if (reports.some((r) => r.claim.finding)) lines.push('', '## Findings', '', findingsMarkdown(reports, settings).trimEnd());
  const violated = reports.filter((r) => r.counterexample);
  if (violated.length > 0) {
    lines.push('', '## Certified counterexamples', '');
    for (const r of violated) {
      const c = r.counterexample!;
      lines.push(
        `### ${r.claim.id}: ${r.claim.title}`,
        '',
        `- statement: \`${r.claim.statement}\` (${provenanceWithTag(r.source)})`,
        `- at ${params(c.params)}${c.x0 ? `, x0 = [${c.x0.map(formatNumber).join(', ')}]` : ''}${c.horizon !== undefined ? `, horizon ${c.horizon}` : ''}`,
        `- lhs ${c.lhs}, rhs ${c.rhs}, normalized margin ${formatNumber(c.margin)}`,
        `- certified by ${c.certificate.method}: ${c.certificate.reason}`,
        ...(r.replay ? [`- replay: \`${r.replay}\``] : []),
        '',
      );
    }
  }
  const inconclusive = reports.filter((r) => r.uncertified.length > 0);
  if (inconclusive.length > 0) {
    lines.push('## Inconclusive candidates', '');
    for (const r of inconclusive) {
      for (const u of r.uncertified) lines.push(`- ${r.claim.id} at ${params(u.params)}: ${u.certificate.reason}`);
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
