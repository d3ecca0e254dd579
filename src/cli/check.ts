/**
 * `boundcheck check` and `boundcheck list`: the built-in claims of proofs-checks/, searched at a
 * given budget and summarized in one table that fits the terminal (id, verdict, worst margin or
 * tightness, instances, time), a verdict summary, and with --verbose each claim's source,
 * provenance and statement below it.
 */
import { join, relative } from 'node:path';
import { citedSource, provenanceWithTag, sourceReference } from '../report/citation.js';
import { checkHtml } from '../report/html.js';
import { checkMarkdown, marginSummary } from '../report/markdown.js';
import { claimFileOf, EVIDENCE_NOTE, safeId, toJson, withReportFolder, writeAtomically, type Report } from '../report/report.js';
import { isUnexpected, verdictSummary } from '../report/summary.js';
import { formatTable, terminalColumns, wrapText } from '../report/table.js';
import { formatNumber, formatSignificant } from '../util/format.js';
import { checkExitCodeOf, worstExitCode } from './exitCodes.js';
import { searchClaims, type ClaimTarget, type SearchedClaim } from './falsify.js';
import { selectTargets } from './targets.js';
import type { CliValues } from './main.js';
import { searchOptions } from './options.js';
import { checkProgress } from './progress.js';
import { CHECK_SCHEMA, drillDowns } from './report.js';

export async function runCheck(args: string[], values: CliValues): Promise<number> {
  const options = searchOptions(values);
  const selected = await selectTargets(args, values.all);
  const reportFileOf = (target: ClaimTarget): string | undefined =>
    values.out ? join(values.out, 'reports', `${safeId(target.claim.id)}.json`) : undefined;
  const progress = checkProgress(selected.map((t) => t.claim), options.budget);
  let checked: SearchedClaim[];
  try {
    checked = await searchClaims(selected, options, {
      reportFileOf: (ref) => reportFileOf(ref as ClaimTarget),
      onProgress: (index, done) => progress.evaluated(index, done),
      onClaimDone: (index, evaluations) => progress.finished(index, evaluations),
    });
  } finally {
    progress.stop();
  }
  const reports = checked.map((c) => c.report);
  const width = terminalColumns();
  for (const [i, { report }] of checked.entries()) {
    const reportFile = reportFileOf(selected[i]);
    if (reportFile) writeAtomically(reportFile, toJson(report));
  }
  console.log(checkTable(checked, width));
  console.log(`\n${wrapText(verdictSummary(reports), width)}`);
  const unexpected = reports.filter(isUnexpected);
  if (unexpected.length > 0) {
    console.log(wrapText(`* differs from the expected verdict: ${unexpected.map((r) => `${r.claim.id} (expected ${r.claim.expected})`).join(', ')}`, width, 2));
  }
  if (values.verbose) console.log(`\n${claimDetails(reports, width)}`);
  const violated = reports.filter((r) => r.counterexample);
  if (violated.length > 0) console.log(`\nCertified counterexamples:\n${violated.map((r) => counterexampleLines(r, width)).join('\n')}`);
  if (values.out) {
    const settings = { seed: options.seed, budget: options.budget };
    const summary = join(values.out, 'report.json');
    const claims = reports.map((report) => withReportFolder(report, join(values.out!, 'reports'), values.out!));
    writeAtomically(summary, toJson({ schema: CHECK_SCHEMA, ...settings, claims }));
    writeAtomically(join(values.out, 'report.md'), checkMarkdown(claims, settings));
    writeAtomically(join(values.out, 'report.html'), checkHtml({ ...settings, claims }, await drillDowns(claims, (report) => claimFileOf(report, summary))));
    const written = ['report.json', 'report.md', 'report.html'].map((f) => join(values.out!, f)).join(', ');
    console.log(`\n${wrapText(`wrote ${written} and one report per claim in ${join(values.out, 'reports')}`, width, 2)}`);
  }
  const costly = selected.filter((t) => t.claim.evaluationCost > 1).length;
  const costNote = costly > 0 ? ` ${costly} of the claims count an instance for several evaluations (their evaluationCost), so they evaluate fewer instances.` : '';
  console.log(`\n${wrapText(`Seed ${options.seed}, budget ${options.budget} evaluations per claim.${costNote} ${EVIDENCE_NOTE}`, width)}`);
  return worstExitCode(reports.map(checkExitCodeOf));
}

/** One row per claim: id, verdict (starred when not the expected one), margin or tightness, instances, time. */
function checkTable(checked: readonly SearchedClaim[], width: number): string {
  const rows = checked.map(({ report, seconds }) => [
    report.claim.id,
    `${report.verdict}${report.reason ? ` (${report.reason})` : ''}${isUnexpected(report) ? '*' : ''}`,
    marginSummary(report, TABLE_DIGITS),
    String(report.search.evaluations),
    `${seconds.toFixed(1)}s`,
  ]);
  return formatTable(['id', 'verdict', 'margin / tightness', 'instances', 'time'], rows, { align: ['left', 'left', 'left', 'right', 'right'], width });
}

/** Significant digits of the table's margins (the reports keep every digit). */
const TABLE_DIGITS = 4;

/** For --verbose: each claim's source, provenance and statement, wrapped to `width`. */
function claimDetails(reports: readonly Report[], width: number): string {
  return reports
    .map((r) =>
      [
        wrapText(`${r.claim.id}: ${r.claim.title}`, width, 2),
        `  ${wrapText(`source: ${sourceReference(r.source)}`, width, 4)}`,
        `  ${wrapText(`provenance: ${provenanceWithTag(r.source)}`, width, 4)}`,
        `  ${wrapText(`statement: ${r.claim.statement}`, width, 4)}`,
      ].join('\n'),
    )
    .join('\n');
}

/** A violated claim's counterexample, certificate and replay command, wrapped to `width`. */
function counterexampleLines(report: Report, width: number): string {
  const c = report.counterexample!;
  const at = Object.entries(c.params)
    .map(([k, v]) => `${k}=${formatNumber(v)}`)
    .join(', ');
  return [
    wrapText(`${report.claim.id} at ${at}`, width, 2),
    `  ${wrapText(`lhs ${c.lhs} vs rhs ${c.rhs} (margin ${formatSignificant(c.margin, TABLE_DIGITS)}); certified: ${c.certificate.reason}`, width, 4)}`,
    ...(report.replay ? [`  ${wrapText(`replay: ${report.replay}`, width, 4)}`] : []),
  ].join('\n');
}

/** The claims' ids, expected verdicts and titles (cut to the width); with --verbose, each claim's source, provenance and file below. */
export async function runList(args: string[], values: Pick<CliValues, 'verbose'> = {}): Promise<number> {
  const targets = await selectTargets(args);
  const width = terminalColumns();
  const rows = targets.map(({ claim }) => [claim.id, claim.expected, claim.title]);
  console.log(formatTable(['id', 'expected', 'title'], rows, { width, shrink: 2 }));
  if (values.verbose) {
    const details = targets.map(({ claim, file }) => {
      const source = citedSource(claim.source);
      return [
        wrapText(`${claim.id}: ${claim.title}`, width, 2),
        `  ${wrapText(`source: ${source.result} (${claim.source.version}), ${source.reference}`, width, 4)}`,
        `  ${wrapText(`provenance: ${provenanceWithTag(claim.source)}`, width, 4)}`,
        `  ${wrapText(`file: ${relative(process.cwd(), file)}`, width, 4)}`,
      ].join('\n');
    });
    console.log(`\n${details.join('\n')}`);
  }
  return 0;
}
