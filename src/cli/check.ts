/**
 * `boundcheck check` and `boundcheck list`: the built-in claims of proofs-checks/, searched at a
 * given budget and summarized in one table (id, source, provenance, verdict, worst margin or
 * tightness, instances, time).
 */
import { join, relative } from 'node:path';
import { citedSource, provenanceWithTag } from '../report/citation.js';
import { checkHtml } from '../report/html.js';
import { checkMarkdown, marginSummary } from '../report/markdown.js';
import { claimFileOf, safeId, toJson, withReportFolder, writeAtomically } from '../report/report.js';
import { formatTable } from '../report/table.js';
import { searchClaims, type ClaimTarget, type SearchedClaim } from './falsify.js';
import { checkExitCodeOf, worstExitCode } from './exitCodes.js';
import { selectTargets } from './targets.js';
import type { CliValues } from './main.js';
import { searchOptions } from './options.js';
import { progressBar } from './progress.js';
import { CHECK_SCHEMA, rerunCounterexamples } from './report.js';

export async function runCheck(args: string[], values: CliValues): Promise<number> {
  const options = searchOptions(values);
  const selected = await selectTargets(args, values.all);
  const reportFileOf = (target: ClaimTarget): string | undefined =>
    values.out ? join(values.out, 'reports', `${safeId(target.claim.id)}.json`) : undefined;
  const progress = progressBar('check');
  let checked: SearchedClaim[];
  try {
    checked = await searchClaims(selected, options, {
      reportFileOf: (ref) => reportFileOf(ref as ClaimTarget),
      onClaimDone: (done) => progress.update(done, selected.length),
    });
  } finally {
    progress.stop();
  }
  const reports = checked.map((c) => c.report);
  const rows: string[][] = [];
  let mismatches = 0;
  const exitCodes: number[] = [];
  checked.forEach(({ report, seconds }, i) => {
    const target = selected[i];
    const reportFile = reportFileOf(target);
    if (reportFile) writeAtomically(reportFile, toJson(report));
    const matches = report.verdict === target.claim.expected;
    if (!matches) mismatches++;
    exitCodes.push(checkExitCodeOf(report));
    const source = citedSource(target.claim.source);
    rows.push([
      target.claim.id,
      `${source.result}, ${source.reference}`,
      provenanceWithTag(target.claim.source),
      `${report.verdict}${report.reason ? ` (${report.reason})` : ''}${matches ? '' : ` (expected ${target.claim.expected})`}`,
      marginSummary(report),
      String(report.search.evaluations),
      `${seconds.toFixed(1)}s`,
    ]);
  });
  console.log(formatTable(['id', 'paper and result', 'provenance', 'verdict', 'worst margin / tightness', 'instances', 'time'], rows));
  for (const report of reports.filter((r) => r.counterexample)) {
    const c = report.counterexample!;
    console.log(`\n${report.claim.id} violated at ${JSON.stringify(c.params)}: lhs ${c.lhs} vs rhs ${c.rhs} (${c.certificate.reason})`);
    if (report.replay) console.log(`  replay: ${report.replay}`);
  }
  if (values.out) {
    const settings = { seed: options.seed, budget: options.budget };
    const summary = join(values.out, 'report.json');
    const claims = reports.map((report) => withReportFolder(report, join(values.out!, 'reports'), values.out!));
    writeAtomically(summary, toJson({ schema: CHECK_SCHEMA, ...settings, claims }));
    writeAtomically(join(values.out, 'report.md'), checkMarkdown(claims, settings));
    writeAtomically(join(values.out, 'report.html'), checkHtml({ ...settings, claims }, await rerunCounterexamples(claims, (report) => claimFileOf(report, summary))));
    console.log(`\nwrote ${['report.json', 'report.md', 'report.html'].map((f) => join(values.out!, f)).join(', ')} and one report per claim in ${join(values.out, 'reports')}`);
  }
  console.log(`\n${selected.length} claims, seed ${options.seed}, budget ${options.budget} each; ${mismatches} verdicts differ from the expected ones.`);
  console.log('A search can refute a bound, never prove it: "holds" means no violation was found within the budget.');
  return worstExitCode(exitCodes);
}

export async function runList(args: string[]): Promise<number> {
  const rows = (await selectTargets(args)).map(({ claim, file }) => [
    claim.id,
    claim.title,
    `${citedSource(claim.source).result} (${claim.source.version})`,
    claim.source.provenance,
    claim.expected,
    relative(process.cwd(), file),
  ]);
  console.log(formatTable(['id', 'title', 'result', 'provenance', 'expected', 'file'], rows));
  return 0;
}
