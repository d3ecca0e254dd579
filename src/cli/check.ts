/**
 * `boundcheck check` and `boundcheck list`: the built-in claims of proofs-checks/, searched at a
 * given budget and summarized in one table (id, source, provenance, verdict, worst margin or
 * tightness, instances, time).
 */
import { fileURLToPath } from 'node:url';
import { join, relative } from 'node:path';
import { claimFilesIn, loadClaimFile } from '../claims/load.js';
import { checkHtml } from '../report/html.js';
import { checkMarkdown, marginSummary } from '../report/markdown.js';
import { safeId, toJson, writeAtomically, type Report } from '../report/report.js';
import { formatTable } from '../report/table.js';
import { InputError } from '../util/errors.js';
import { loadTarget, searchClaims, type ClaimTarget, type SearchedClaim } from './falsify.js';
import { checkExitCodeOf, worstExitCode } from './exitCodes.js';
import type { CliValues } from './main.js';
import { searchOptions } from './options.js';
import { progressBar } from './progress.js';
import { CHECK_SCHEMA, rerunCounterexamples } from './report.js';

export const PROOFS_CHECKS = fileURLToPath(new URL('../../proofs-checks/', import.meta.url));

export async function builtInTargets(): Promise<ClaimTarget[]> {
  return Promise.all(claimFilesIn(PROOFS_CHECKS).map((file) => loadTarget(file)));
}

export async function runCheck(ids: string[], values: CliValues): Promise<number> {
  if (values.all && ids.length > 0) throw new InputError('check takes either --all or claim ids, not both');
  const options = searchOptions(values);
  const targets = await builtInTargets();
  const known = new Set(targets.map((t) => t.claim.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new InputError(`unknown claim id ${unknown.join(', ')}; see boundcheck list`);
  const selected = ids.length > 0 ? targets.filter((t) => ids.includes(t.claim.id)) : targets;
  if (selected.length === 0) throw new InputError('there are no claims to check');
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
    rows.push([
      target.claim.id,
      `${target.claim.source.result}, ${target.claim.source.reference}`,
      `${target.claim.source.provenance}${target.claim.source.tag ? ` ${target.claim.source.tag}` : ''}`,
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
    writeAtomically(join(values.out, 'report.json'), toJson({ schema: CHECK_SCHEMA, ...settings, claims: reports }));
    writeAtomically(join(values.out, 'report.md'), checkMarkdown(reports, settings));
    writeAtomically(join(values.out, 'report.html'), checkHtml({ ...settings, claims: reports }, await rerunCounterexamples(reports)));
    console.log(`\nwrote ${['report.json', 'report.md', 'report.html'].map((f) => join(values.out!, f)).join(', ')} and one report per claim in ${join(values.out, 'reports')}`);
  }
  console.log(`\n${selected.length} claims, seed ${options.seed}, budget ${options.budget} each; ${mismatches} verdicts differ from the expected ones.`);
  console.log('A search can refute a bound, never prove it: "holds" means no violation was found within the budget.');
  return worstExitCode(exitCodes);
}

export async function runList(): Promise<number> {
  const rows: string[][] = [];
  for (const file of claimFilesIn(PROOFS_CHECKS)) {
    const loaded = await loadClaimFile(file);
    const { claim } = loaded;
    rows.push([
      claim.id,
      claim.title,
      `${claim.source.result} (${claim.source.version})`,
      claim.source.provenance,
      claim.expected,
      relative(process.cwd(), file),
    ]);
  }
  console.log(formatTable(['id', 'title', 'result', 'provenance', 'expected', 'file'], rows));
  return 0;
}
