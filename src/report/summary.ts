/**
 * The verdicts of a set of reports at a glance, shared by the terminal, Markdown, HTML and LaTeX
 * outputs: counts by verdict, the reports whose verdict differs from the expected one, and the
 * one-line summary.
 */
import type { Verdict } from '../search/falsify.js';
import type { Report } from './report.js';

/** Verdicts in the order they are listed: the ones that need attention first. */
export const VERDICTS: readonly Verdict[] = ['violated', 'diverged', 'inconclusive', 'holds'];

export type ReportSummary = Pick<Report, 'verdict'> & { readonly claim: Pick<Report['claim'], 'expected'> };

/** How many reports have each verdict, in `VERDICTS` order, verdicts with none left out. */
export function verdictCounts(reports: readonly ReportSummary[]): Array<{ readonly verdict: Verdict; readonly count: number }> {
  return VERDICTS.map((verdict) => ({ verdict, count: reports.filter((r) => r.verdict === verdict).length })).filter((c) => c.count > 0);
}

export function isUnexpected(report: ReportSummary): boolean {
  return report.verdict !== report.claim.expected;
}

/** The reports whose verdict differs from the expected one first, each group in its given order. */
export function unexpectedFirst<R extends ReportSummary>(reports: readonly R[]): R[] {
  return [...reports.filter(isUnexpected), ...reports.filter((r) => !isUnexpected(r))];
}

export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** "53 claims: 5 violated, 2 inconclusive, 46 holds; 1 verdict differs from the expected one." */
export function verdictSummary(reports: readonly ReportSummary[]): string {
  const counts = verdictCounts(reports).map(({ verdict, count }) => `${count} ${verdict}`);
  const differing = reports.filter(isUnexpected).length;
  const differs = differing === 1 ? '1 verdict differs from the expected one' : `${differing} verdicts differ from the expected ones`;
  return `${plural(reports.length, 'claim')}: ${counts.join(', ') || 'none'}; ${differs}.`;
}
